package search

import (
	"context"
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
