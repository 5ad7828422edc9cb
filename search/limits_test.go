package search

import (
	"github.com/inquirysearch/inquirysearch/search/internal/engine"

	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/search/searcher"
)

// TestLimits checks each limit a search can reach gives its own clear
// error, with the limits lowered where the sample corpus is too small to
// reach them.
func TestLimits(t *testing.T) {
	ctx := context.Background()

	many := Filters{FacetPlace: nil}
	for i := 0; i <= MaxFilterValues; i++ {
		many[FacetPlace] = append(many[FacetPlace], fmt.Sprintf("Place %d", i))
	}
	if _, err := testSearcher.Search(ctx, Request{Filters: many}); !errors.Is(err, ErrInvalidQuery) || !strings.Contains(err.Error(), "filter values") {
		t.Errorf("%d filter values: %v", MaxFilterValues+1, err)
	}

	saved := MaxProximityCandidates
	MaxProximityCandidates = 2
	_, err := testSearcher.Search(ctx, Request{Query: `"council records"~5`})
	MaxProximityCandidates = saved
	if !errors.Is(err, ErrInvalidQuery) || !strings.Contains(err.Error(), "more than 2 documents") {
		t.Errorf("proximity over the candidate cap: %v", err)
	}

	if searcher.DisjunctionMaxClauseCount != engine.MaxClauses {
		t.Errorf("bleve's clause cap is %d, want %d", searcher.DisjunctionMaxClauseCount, engine.MaxClauses)
	}
	if _, err := testSearcher.Evidence(ctx, "ONS000"); err != nil {
		t.Fatalf("the evidence prefix used below fails under the normal cap: %v", err)
	}
	searcher.DisjunctionMaxClauseCount = 1
	_, err = testSearcher.Evidence(ctx, "ONS000")
	searcher.DisjunctionMaxClauseCount = engine.MaxClauses
	if err == nil {
		t.Error("an evidence prefix expanding past the clause cap succeeded")
	}
}
