package corpus

import (
	"context"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus/samplesite"
)

// TestSampleSiteNamesNoRealPlace guards the rule that sample content names
// no real institution: every place and institution the extractor finds on
// the sample site must come from the sample gazetteer.
func TestSampleSiteNamesNoRealPlace(t *testing.T) {
	sample, err := ParseGazetteer(strings.NewReader(gazetteerSampleTSV))
	if err != nil {
		t.Fatal(err)
	}
	places, insts := map[string]bool{}, map[string]bool{}
	for _, e := range sample.Entries() {
		places[e.Place] = true
		places[e.Name] = true
		insts[e.Name] = true
	}
	site, _ := samplesite.Load()
	for _, u := range site.URLs() {
		d := extractSample(t, u)
		for _, p := range d.Places {
			if !places[p] {
				t.Errorf("%s names the real place %q", u, p)
			}
		}
		for _, i := range d.Institutions {
			if !insts[i] {
				t.Errorf("%s names the real institution %q", u, i)
			}
		}
	}
}

func TestCrawlSampleUsesStableHost(t *testing.T) {
	store, _ := OpenStore(t.TempDir())
	rep, err := CrawlSample(context.Background(), store, mustGazetteer(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := store.Documents()
	if rep.Stored != len(docs) || len(docs) < 60 {
		t.Fatalf("stored %d, %d documents", rep.Stored, len(docs))
	}
	for _, d := range docs {
		if !strings.HasPrefix(d.URL, "https://"+SampleHost+"/") {
			t.Errorf("document URL %s is not under the sample host", d.URL)
		}
	}
}

func TestResolvePropagatesReportDates(t *testing.T) {
	docs := []*Document{
		{ID: "a", Report: "The X Investigation Report", Published: "2021-03-16", Type: TypeInvestigationReport},
		{ID: "b", Report: "The X investigation report", Type: TypeSection},
		{ID: "c", Report: "Another report", Type: TypeSection},
		{ID: "d", Report: "The X investigation report", Published: "2020-01-01", Type: TypeNews},
	}
	if n := Resolve(docs); n != 1 {
		t.Errorf("Resolve changed %d documents, want 1", n)
	}
	if docs[1].Published != "2021-03-16" || docs[2].Published != "" {
		t.Errorf("published = %q, %q", docs[1].Published, docs[2].Published)
	}
	if n := Resolve(docs); n != 0 {
		t.Errorf("a second Resolve changed %d documents", n)
	}
}
