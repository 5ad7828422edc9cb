package extract

import (
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/samplesite"
)

// TestSampleSiteNamesNoRealPlace guards the rule that sample content names
// no real institution: every place and institution the extractor finds on
// the sample site must come from the sample gazetteer.
func TestSampleSiteNamesNoRealPlace(t *testing.T) {
	sample, err := corpus.SampleGazetteer()
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
