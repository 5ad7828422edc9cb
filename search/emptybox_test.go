package search

import (
	"context"
	"reflect"
	"testing"
	"time"
)

func TestEmptyBoxComputedOncePerIndex(t *testing.T) {
	s := testSearcher
	ctx := context.Background()
	if err := s.Warm(ctx); err != nil {
		t.Fatal(err)
	}
	got, err := s.Search(ctx, Request{})
	if err != nil {
		t.Fatal(err)
	}
	// The same search run afresh, bypassing what Warm kept.
	want, err := s.search(ctx, Request{Page: 1, Size: DefaultSize, Sort: SortRelevance}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	got.TookMS, want.TookMS = 0, 0
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("the kept empty box differs from a fresh search:\n%+v\n%+v", got, want)
	}
	if got.Total == 0 || len(got.Facets[FacetType]) == 0 {
		t.Fatalf("empty box: %d results, type facet %v", got.Total, got.Facets[FacetType])
	}
	// Only the empty box's first page in the default order is kept.
	for _, r := range []Request{{Page: 2}, {Sort: SortNewest}, {Size: 5}, {Query: " council "},
		{Filters: Filters{FacetType: {"section"}}}, {From: "2020"}, {After: got.Next}} {
		if err := r.validate(); err != nil {
			t.Fatal(err)
		}
		if r.isEmptyBox() {
			t.Errorf("%+v is taken for the empty box", r)
		}
	}
	blank := Request{Query: "  ", NoExpand: true}
	if err := blank.validate(); err != nil || !blank.isEmptyBox() {
		t.Errorf("a box of spaces is not the empty box (%v)", err)
	}
}
