package server

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

type suggestJSON struct {
	Query       string `json:"query"`
	Suggestions []struct {
		Text string `json:"text"`
		Kind string `json:"kind"`
	} `json:"suggestions"`
}

func TestSuggestAPI(t *testing.T) {
	kinds := []string{"title", "place", "institution", "phrase", "term"}
	seen := map[string]bool{}
	for _, d := range testDocs {
		for _, place := range d.Places {
			if seen[place] {
				continue
			}
			seen[place] = true
			prefix := place[:min(len(place), 4)]
			var body suggestJSON
			start := time.Now()
			resp := getJSON(t, "/api/v1/suggest?q="+url.QueryEscape(prefix), &body)
			took := time.Since(start)
			if resp.StatusCode != 200 || body.Query != prefix || len(body.Suggestions) == 0 || len(body.Suggestions) > 10 {
				t.Fatalf("suggest %q: %d %+v", prefix, resp.StatusCode, body)
			}
			for _, s := range body.Suggestions {
				if !slices.Contains(kinds, s.Kind) {
					t.Errorf("suggest %q: kind %q", prefix, s.Kind)
				}
				if !strings.Contains(strings.ToLower(s.Text), strings.ToLower(prefix)) {
					t.Errorf("suggest %q offered %q", prefix, s.Text)
				}
			}
			t.Logf("suggest %q: %d suggestions in %s over HTTP", prefix, len(body.Suggestions), took)
		}
	}
	// An empty prefix answers with an empty list, not null.
	_, raw := get(t, "/api/v1/suggest?q=")
	if !strings.Contains(raw, `"suggestions":[]`) {
		t.Errorf("empty prefix: %s", raw)
	}
}

type searchExtrasJSON struct {
	Total    int `json:"total"`
	Expanded []struct {
		Term string   `json:"term"`
		With []string `json:"with"`
	} `json:"expanded"`
	DidYouMean string `json:"did_you_mean"`
}

func TestSearchAPIExpansionAndDidYouMean(t *testing.T) {
	var cse, literal, typo, fixed searchExtrasJSON
	getJSON(t, "/api/v1/search?q=CSE", &cse)
	if len(cse.Expanded) != 1 || cse.Expanded[0].Term != "CSE" || !slices.Contains(cse.Expanded[0].With, "child sexual exploitation") {
		t.Errorf("CSE: expanded %+v", cse.Expanded)
	}
	getJSON(t, "/api/v1/search?q=CSE&expand=false", &literal)
	if len(literal.Expanded) != 0 || literal.Total >= cse.Total {
		t.Errorf("CSE without expansion: %+v (expanded found %d)", literal, cse.Total)
	}
	_, raw := get(t, "/api/v1/search?q=council")
	if strings.Contains(raw, `"expanded"`) || strings.Contains(raw, `"did_you_mean"`) {
		t.Error("a plain search carries empty expanded or did_you_mean fields")
	}
	getJSON(t, "/api/v1/search?q=Brindelford", &typo)
	if typo.DidYouMean != "Brindleford" {
		t.Fatalf("Brindelford: did you mean %q", typo.DidYouMean)
	}
	getJSON(t, "/api/v1/search?q="+url.QueryEscape(typo.DidYouMean), &fixed)
	if fixed.Total <= typo.Total {
		t.Errorf("the correction finds %d, the typo %d", fixed.Total, typo.Total)
	}
}

func TestSearchAPIDates(t *testing.T) {
	var all, ranged, typed searchJSON
	getJSON(t, "/api/v1/search?q=", &all)
	getJSON(t, "/api/v1/search?q=&from=2019&to=2020", &ranged)
	getJSON(t, "/api/v1/search?q=published:2019..2020", &typed)
	want := 0
	for _, v := range all.Facets["year"] {
		if v.Value == "2019" || v.Value == "2020" {
			want += v.Count
		}
	}
	if ranged.Total != want || typed.Total != want || want == 0 {
		t.Errorf("2019 to 2020: from/to %d, published: %d, year facet %d", ranged.Total, typed.Total, want)
	}
}
