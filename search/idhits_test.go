package search

import (
	"context"
	"reflect"
	"testing"

	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// TestIDHitsRankAndCountAsWholeHits checks that asking for ids alone
// changes only what each hit carries: the same documents in the same
// order with the same scores, the same total, facets and next cursor.
func TestIDHitsRankAndCountAsWholeHits(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, r := range []Request{
		{Query: "council"},
		{Query: `"record keeping"`, Filters: Filters{FacetType: {"section"}}},
		{Query: "=police =school", Size: 3, Page: 2},
		{Query: "council", Sort: SortNewest, Facets: []string{searchapi.FacetsNone}},
		{Query: "para:(police council)"},
		{}, // the empty box, kept whole once per index
	} {
		full, err := testSearcher.Search(ctx, r)
		if err != nil {
			t.Fatalf("%+v: %v", r, err)
		}
		r.Hits = HitsIDs
		ids, err := testSearcher.Search(ctx, r)
		if err != nil {
			t.Fatalf("%+v: %v", r, err)
		}
		if len(full.Hits) == 0 {
			t.Fatalf("%+v finds nothing", r)
		}
		if ids.Total != full.Total || ids.Next != full.Next || !reflect.DeepEqual(ids.Facets, full.Facets) ||
			ids.ParagraphTotal != full.ParagraphTotal || len(ids.Hits) != len(full.Hits) {
			t.Fatalf("%+v with ids alone: total %d, next %q, %d hits; whole: %d, %q, %d",
				r, ids.Total, ids.Next, len(ids.Hits), full.Total, full.Next, len(full.Hits))
		}
		for i, h := range ids.Hits {
			want := Hit{ID: full.Hits[i].ID, Score: full.Hits[i].Score, Paragraphs: []string{}, Matches: []Match{}}
			if !reflect.DeepEqual(h, want) {
				t.Errorf("%+v hit %d: %+v, want %+v", r, i, h, want)
			}
		}
	}
	full := Request{Query: "council", Hits: HitsFull}
	if err := full.Validate(); err != nil || full.Hits != "" {
		t.Errorf("hits=full validates to %q (%v), want the default's one form", full.Hits, err)
	}
	bad := Request{Query: "council", Hits: "titles"}
	if err := bad.Validate(); err == nil {
		t.Error("hits=titles was accepted")
	}
}
