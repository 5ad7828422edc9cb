package corpus

import (
	"net/url"
	"strings"
)

// landingTypes are the pages that stand for a whole report: its landing
// (or contents) page, whose heading is the report's own name.
var landingTypes = map[Type]bool{TypeInvestigationReport: true, TypeFinalReport: true}

// NormaliseReports gives every page of a report one spelling of its name,
// the one its landing page prints: section pages and annexes print the
// name in their own capitalisation ("Investigation Report"), and a facet
// or filter on the name would split the report in two. A page is matched
// to its report by the name, whatever its capitalisation and spacing, or
// else by lying under the landing page's URL. A report with no landing
// page in the corpus takes the spelling most of its pages use (the first
// in sort order on a tie). It changes docs in place and returns how many
// it changed; it is idempotent.
func NormaliseReports(docs []*Document) int {
	landing := map[string]string{} // report key: the landing page's spelling
	var landings []*Document
	for _, d := range docs {
		if landingTypes[d.Type] && d.Report != "" {
			if _, ok := landing[reportKey(d.Report)]; !ok {
				landing[reportKey(d.Report)] = d.Report
				landings = append(landings, d)
			}
		}
	}
	spellings := map[string]map[string]int{}
	for _, d := range docs {
		if d.Report == "" {
			continue
		}
		k := reportKey(d.Report)
		if spellings[k] == nil {
			spellings[k] = map[string]int{}
		}
		spellings[k][d.Report]++
	}
	name := func(d *Document) string {
		k := reportKey(d.Report)
		if n, ok := landing[k]; ok {
			return n
		}
		if l := landingAbove(d, landings); l != nil {
			return l.Report
		}
		best, count := "", 0
		for s, n := range spellings[k] {
			if n > count || (n == count && s < best) {
				best, count = s, n
			}
		}
		return best
	}
	changed := 0
	for _, d := range docs {
		if d.Report == "" || d.Type == TypeNews {
			continue
		}
		if n := name(d); n != d.Report {
			d.Report = n
			changed++
		}
	}
	return changed
}

// landingAbove returns the landing page whose URL path d's lies under,
// the deepest if several do.
func landingAbove(d *Document, landings []*Document) *Document {
	path := urlPath(d.URL)
	var best *Document
	for _, l := range landings {
		lp := strings.TrimSuffix(urlPath(l.URL), "/")
		if lp != "" && strings.HasPrefix(path, lp+"/") && (best == nil || len(lp) > len(urlPath(best.URL))) {
			best = l
		}
	}
	return best
}

func urlPath(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Host + u.Path
}
