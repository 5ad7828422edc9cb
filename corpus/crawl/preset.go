package crawl

import (
	"fmt"
	"sort"
)

// Preset is a ready-made crawl of a real site: its seeds (the live site
// and its web-archive copy) and its scope rules.
type Preset struct {
	Name            string
	Description     string
	Seeds           []string
	AllowedHosts    []string
	AllowedPrefixes []string
}

// presets are the sites the crawler knows. The IICSA site was frozen in
// January 2023; the web archive answers any timestamp with its nearest
// capture, so one seed per archived site suffices.
var presets = map[string]Preset{
	"iicsa": {
		Name:        "iicsa",
		Description: "Independent Inquiry into Child Sexual Abuse: the live site and its UK Government Web Archive copy",
		Seeds: []string{
			"https://www.iicsa.org.uk/reports-recommendations/publications",
			"https://www.iicsa.org.uk/investigations-research",
			"https://www.iicsa.org.uk/news",
			"https://webarchive.nationalarchives.gov.uk/ukgwa/20230117000000/https://www.iicsa.org.uk/reports-recommendations/publications",
			"https://webarchive.nationalarchives.gov.uk/ukgwa/20230117000000/https://www.iicsa.org.uk/investigations-research",
		},
		AllowedHosts: []string{"iicsa.org.uk"},
		// Canonical paths: publications under /publications are folded into
		// /reports-recommendations before this test.
		AllowedPrefixes: []string{
			"/reports-recommendations", "/reports/", "/interim-report", "/investigations-research",
			"/investigations/", "/news", "/key-documents/", "/sites/default/files/", "/video/",
			"/victims-and-survivors", "/about-us",
		},
	},
}

// LookupPreset returns the named preset.
func LookupPreset(name string) (Preset, error) {
	p, ok := presets[name]
	if !ok {
		return Preset{}, fmt.Errorf("unknown preset %q (known: %v)", name, PresetNames())
	}
	return p, nil
}

// PresetNames lists the known presets.
func PresetNames() []string {
	var names []string
	for n := range presets {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// UnfinishedCrawl returns the seeds of the store's unfinished crawl, or
// nil if the last crawl finished.
func UnfinishedCrawl(store *Store) ([]string, error) {
	st, err := readJournal(store)
	if err != nil || st == nil {
		return nil, err
	}
	return st.seeds, nil
}
