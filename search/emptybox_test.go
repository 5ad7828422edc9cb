package search

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/inquirysearch/inquirysearch/corpus/crawl"
	"github.com/inquirysearch/inquirysearch/indexer"
)

func TestEmptyBoxComputedOncePerIndex(t *testing.T) {
	t.Parallel()
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
	want, err := s.search(ctx, Request{Page: 1, Size: DefaultSize, Sort: SortRelevance, Filters: Filters{}}, nil, time.Now())
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
		if err := r.Validate(); err != nil {
			t.Fatal(err)
		}
		if isEmptyBox(r) {
			t.Errorf("%+v is taken for the empty box", r)
		}
	}
	blank := Request{Query: "  ", NoExpand: true}
	if err := blank.Validate(); err != nil || !isEmptyBox(blank) {
		t.Errorf("a box of spaces is not the empty box (%v)", err)
	}
}

// A box of spaces is the empty box, and its Next link continues it.
func TestBlankQueryPagesOn(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	first, err := testSearcher.Search(ctx, Request{Query: "   "})
	if err != nil || first.Next == "" {
		t.Fatalf("first page: next %q, %v", first.Next, err)
	}
	second, err := testSearcher.Search(ctx, Request{Query: "   ", After: first.Next})
	if err != nil {
		t.Fatalf("following next from a blank box: %v", err)
	}
	if second.Page != 2 || len(second.Hits) == 0 || second.Hits[0].ID == first.Hits[0].ID {
		t.Fatalf("second page: page %d, %d hits", second.Page, len(second.Hits))
	}
}

// A closed Searcher answers with an error, not a crash.
func TestSearchAfterClose(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ctx := context.Background()
	if _, _, err := indexer.BuildSample(ctx, filepath.Join(dir, "corpus"), filepath.Join(dir, "index"), crawl.Options{}, nil); err != nil {
		t.Fatal(err)
	}
	idx, meta, err := indexer.Open(filepath.Join(dir, "index"))
	if err != nil {
		t.Fatal(err)
	}
	s := New(idx, meta)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, r := range []Request{{}, {Query: "council"}, {Query: "council", Sort: SortNewest}} {
		if _, err := s.Search(ctx, r); !errors.Is(err, ErrUnavailable) {
			t.Errorf("Search(%+v) after Close: %v, want ErrUnavailable", r, err)
		}
	}
}
