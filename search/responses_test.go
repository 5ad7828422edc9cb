package search

import (
	"context"
	"errors"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// Each recommendation carries its recipients' responses, oldest first,
// and a status settled from each recipient's latest response.
func TestRecommendationResponses(t *testing.T) {
	list, err := testSearcher.Recommendations(context.Background(), RecommendationsRequest{})
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		investigation string
		number        int
	}
	want := map[key]struct {
		status    string
		responses int
		overdue   int
	}{
		{"Organised networks", 1}:      {corpus.StatusImplemented, 2, 0},
		{"Organised networks", 2}:      {corpus.StatusNoResponse, 1, 1}, // the Department has not answered
		{"Organised networks", 3}:      {corpus.StatusNotAccepted, 1, 0},
		{"Organised networks", 4}:      {corpus.StatusNoResponse, 1, 2},
		{"Organised networks", 5}:      {corpus.StatusNoResponse, 0, 7},
		{"Larkspur County Council", 1}: {corpus.StatusImplemented, 2, 0},
		{"Larkspur County Council", 2}: {corpus.StatusNoResponse, 1, 1},
		{"Larkspur County Council", 3}: {corpus.StatusAcceptedInPart, 1, 0},
		{"Larkspur County Council", 4}: {corpus.StatusNoResponse, 0, 1},
	}
	seen := 0
	for _, it := range list.Recommendations {
		w, ok := want[key{it.Investigation, it.Number}]
		if !ok {
			continue
		}
		seen++
		if it.Status != w.status || len(it.Responses) != w.responses || len(it.Overdue) != w.overdue {
			t.Errorf("%s %d: status %q, %d responses, overdue %q; want %q, %d, %d (recipients %q, responses %+v)",
				it.Investigation, it.Number, it.Status, len(it.Responses), it.Overdue, w.status, w.responses, w.overdue, it.Recipients, it.Responses)
		}
		for i := 1; i < len(it.Responses); i++ {
			if it.Responses[i].Date < it.Responses[i-1].Date {
				t.Errorf("%s %d: responses out of order", it.Investigation, it.Number)
			}
		}
	}
	if seen != len(want) {
		t.Errorf("found %d of the %d recommendations", seen, len(want))
	}
}

// The status and overdue facets count the list the other filters give,
// each without its own filter, and filter it exactly.
func TestRecommendationStatusFilters(t *testing.T) {
	ctx := context.Background()
	all, err := testSearcher.Recommendations(ctx, RecommendationsRequest{})
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	overdue := 0
	for _, it := range all.Recommendations {
		counts[it.Status]++
		if len(it.Overdue) > 0 {
			overdue++
		}
	}
	for _, v := range all.Facets[FacetStatus] {
		if counts[v.Value] != v.Count {
			t.Errorf("status %q counted %d, list has %d", v.Value, v.Count, counts[v.Value])
		}
		one, err := testSearcher.Recommendations(ctx, RecommendationsRequest{Statuses: []string{v.Value}})
		if err != nil || one.Total != v.Count {
			t.Errorf("status=%s lists %d, facet said %d (%v)", v.Value, one.Total, v.Count, err)
		}
		if err == nil && len(one.Facets[FacetStatus]) != len(all.Facets[FacetStatus]) {
			t.Errorf("status=%s hides the other statuses: %v", v.Value, one.Facets[FacetStatus])
		}
	}
	if counts[corpus.StatusImplemented] != 2 || counts[corpus.StatusNotAccepted] != 1 || counts[corpus.StatusAcceptedInPart] != 1 {
		t.Errorf("status counts %v", counts)
	}
	late, err := testSearcher.Recommendations(ctx, RecommendationsRequest{Overdue: true, Recipients: []string{"Department for Community Safety"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range late.Recommendations {
		if len(it.Overdue) == 0 {
			t.Errorf("overdue lists %s %d, with nobody overdue", it.Report, it.Number)
		}
	}
	if late.Total == 0 || len(all.Facets[FacetOverdue]) != 1 || all.Facets[FacetOverdue][0].Count != overdue {
		t.Errorf("overdue: %d listed, facet %v, %d in the list", late.Total, all.Facets[FacetOverdue], overdue)
	}
	if _, err := testSearcher.Recommendations(ctx, RecommendationsRequest{Statuses: []string{"pending"}}); !errors.Is(err, ErrInvalidQuery) {
		t.Errorf("an unknown status: %v", err)
	}
}
