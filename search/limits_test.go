package search

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestLimits checks each limit a search can reach gives its own clear
// error, with the limits lowered where the sample corpus is too small to
// reach them.
func TestLimits(t *testing.T) {
	t.Parallel()
	ctx := context.Background()

	many := Filters{FacetPlace: nil}
	for i := 0; i <= MaxFilterValues; i++ {
		many[FacetPlace] = append(many[FacetPlace], fmt.Sprintf("Place %d", i))
	}
	if _, err := testSearcher.Search(ctx, Request{Filters: many}); !errors.Is(err, ErrInvalidQuery) || !strings.Contains(err.Error(), "filter values") {
		t.Errorf("%d filter values: %v", MaxFilterValues+1, err)
	}

	tight := New(testSearcher.idx, testSearcher.meta, WithTuning(Tuning{MaxProximityCandidates: 2, MaxPrefixTerms: 1}))
	_, err := tight.Search(ctx, Request{Query: `"council records"~5`})
	if !errors.Is(err, ErrInvalidQuery) || !strings.Contains(err.Error(), "more than 2 documents") {
		t.Errorf("proximity over the candidate cap: %v", err)
	}

	if _, err := testSearcher.Evidence(ctx, "ONS000"); err != nil {
		t.Fatalf("the evidence prefix used below fails under the normal cap: %v", err)
	}
	_, err = tight.Evidence(ctx, "ONS000")
	if !errors.Is(err, ErrInvalidQuery) || !strings.Contains(err.Error(), "more than 1 references") {
		t.Errorf("an evidence prefix expanding past the cap: %v", err)
	}
}
