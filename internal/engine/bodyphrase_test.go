package engine

import (
	"context"
	"slices"
	"testing"

	bsearch "github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"
)

// Once out of documents a phrase stays out, as bleve's does, even when
// asked to go back: its readers would otherwise start again.
func TestBodyPhraseStaysAtTheEnd(t *testing.T) {
	t.Parallel()
	idx := mustIndex(t, []string{"the inquiry heard", "an inquiry", "the inquiry found", "inquiry the", "the inquiry"}, 2)
	s := mustOpen(t, idx)
	q := NewBodyPhrase([]string{"the", "inquiry"}, textField)
	ctx := context.Background()
	sr, err := q.Searcher(ScoringContext(ctx, idx.Mapping()), s.r, idx.Mapping(), bsearch.SearcherOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer sr.Close()
	sctx := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(sr.DocumentMatchPoolSize(), 0)}
	var first index.IndexInternalID
	n := 0
	for {
		dm, err := sr.Next(sctx)
		if err != nil {
			t.Fatal(err)
		}
		if dm == nil {
			break
		}
		if first == nil {
			first = slices.Clone(dm.IndexInternalID)
		}
		n++
	}
	if n != 3 {
		t.Fatalf("%d matches of \"the inquiry\", want 3", n)
	}
	if dm, err := sr.Advance(sctx, first); err != nil || dm != nil {
		t.Errorf("after the end, going back gave %v, %v; want nothing", dm, err)
	}
}
