package server

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// TestStatusShowsExtractionAndSample: the status route carries the
// extraction summary and says when the index holds the sample, and so does
// every page's footer.
func TestStatusShowsExtractionAndSample(t *testing.T) {
	sum := corpus.SummariseExtraction(testDocs)
	if !sum.Sample {
		t.Fatal("the test corpus is the sample site, but its summary does not say so")
	}
	for _, tc := range []struct {
		name   string
		opts   Options
		sample bool
	}{
		{"sample", Options{Extraction: func() (*corpus.ExtractionSummary, error) { return sum, nil }}, true},
		{"no summary", Options{}, false},
	} {
		ts := httptest.NewServer(mustServerWith(t, tc.opts))
		resp, body := getFrom(t, ts.URL+"/api/v1/status")
		var st struct {
			Sample     bool                      `json:"sample"`
			Extraction *corpus.ExtractionSummary `json:"extraction"`
		}
		if err := json.Unmarshal([]byte(body), &st); err != nil || resp.StatusCode != 200 {
			t.Fatalf("%s: status %d %v", tc.name, resp.StatusCode, err)
		}
		if st.Sample != tc.sample || (st.Extraction != nil) != tc.sample {
			t.Errorf("%s: status sample %v, extraction %+v", tc.name, st.Sample, st.Extraction)
		}
		if tc.sample && st.Extraction.Pages != sum.Pages {
			t.Errorf("%s: extraction pages %d, want %d", tc.name, st.Extraction.Pages, sum.Pages)
		}
		_, page := getFrom(t, ts.URL+"/?q=records")
		if strings.Contains(page, `class="sample-footer"`) != tc.sample {
			t.Errorf("%s: page footer sample line shown = %v", tc.name, !tc.sample)
		}
		ts.Close()
	}
}
