package search

import (
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// The report facet names each report once, as its landing page spells
// it, and the report filter (a parameter, or report: in the query) finds
// exactly the report's documents, whatever the case it is typed in.
func TestReportFacetAndFilter(t *testing.T) {
	t.Parallel()
	landing := map[string]string{}
	for _, d := range corpusDocs {
		if d.Type == corpus.TypeInvestigationReport {
			landing[strings.ToLower(d.Report)] = d.Report
		}
	}
	if len(landing) < 3 {
		t.Fatalf("the sample has %d investigation reports", len(landing))
	}
	res := mustSearch(t, Request{})
	values := res.Facets[FacetReport]
	seen := map[string]string{}
	for _, v := range values {
		k := strings.ToLower(strings.Join(strings.Fields(v.Value), " "))
		if other, ok := seen[k]; ok {
			t.Errorf("report %q is also spelled %q", v.Value, other)
		}
		seen[k] = v.Value
		if l, ok := landing[k]; ok && l != v.Value {
			t.Errorf("report %q is spelled %q on its landing page", v.Value, l)
		}
		want := count(func(d *corpus.Document) bool { return d.Report == v.Value })
		if v.Count != want {
			t.Errorf("report %q counts %d; %d documents belong to it", v.Value, v.Count, want)
		}
		byFilter := mustSearch(t, Request{Filters: Filters{FacetReport: {v.Value}}})
		byQuery := mustSearch(t, Request{Query: `report:"` + v.Value + `"`})
		if int(byFilter.Total) != want || int(byQuery.Total) != want {
			t.Errorf("report %q: the filter finds %d, the query %d; it has %d documents", v.Value, byFilter.Total, byQuery.Total, want)
		}
		// A name typed by hand, in another case, finds the same.
		typed := strings.ToLower(v.Value)
		byFilter = mustSearch(t, Request{Filters: Filters{FacetReport: {typed}}})
		byQuery = mustSearch(t, Request{Query: `report:"` + strings.ToUpper(v.Value) + `"`})
		if int(byFilter.Total) != want || int(byQuery.Total) != want {
			t.Errorf("report %q typed %q: the filter finds %d, the query %d; it has %d documents", v.Value, typed, byFilter.Total, byQuery.Total, want)
		}
	}
	for k := range landing {
		if _, ok := seen[k]; !ok {
			t.Errorf("the report facet lacks %q", landing[k])
		}
	}
	// A report's words and another filter narrow together.
	for _, l := range landing {
		res := mustSearch(t, Request{Query: "council", Filters: Filters{FacetReport: {l}, FacetType: {"section"}}})
		for _, h := range res.Hits {
			if h.Report != l || h.Type != "section" {
				t.Errorf("report %q and sections: hit %s is %q, %s", l, h.ID, h.Report, h.Type)
			}
		}
	}
}
