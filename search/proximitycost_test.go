package search

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/inquirysearch/inquirysearch/internal/engine"
)

// withPositions returns a Searcher over the test index whose proximity
// budget is n positions.
func withPositions(n int) *Searcher {
	return New(testSearcher.idx, testSearcher.meta, WithTuning(Tuning{MaxProximityPositions: n}))
}

// TestProximityBudget: a proximity search whose words occur more often
// than the budget allows is refused before it runs, with a message naming
// the term; the same search under a larger budget runs. Several terms OR'd
// together share one budget.
func TestProximityBudget(t *testing.T) {
	ctx := context.Background()
	q := `"the council"~20`
	res, err := testSearcher.Search(ctx, Request{Query: q})
	if err != nil || res.Total == 0 {
		t.Fatalf("%s under the default budget: %v", q, err)
	}
	_, err = withPositions(20).Search(ctx, Request{Query: q})
	if !errors.Is(err, ErrInvalidQuery) || !strings.Contains(err.Error(), `"the council"~20`) || !strings.Contains(err.Error(), "too costly") {
		t.Errorf("%s over the budget: %v", q, err)
	}

	// A budget that each term fits alone but not all four at once.
	terms := []string{`"council records"~5`, `"police council"~10`, `"children homes"~5`, `"inquiry evidence"~3`}
	budget := budgetBetween(t, ctx, terms)
	tight := withPositions(budget)
	for _, term := range terms {
		if _, err := tight.Search(ctx, Request{Query: term}); err != nil {
			t.Errorf("%s alone under budget %d: %v", term, budget, err)
		}
	}
	all := strings.Join(terms, " OR ")
	if _, err := tight.Search(ctx, Request{Query: all}); !errors.Is(err, ErrInvalidQuery) {
		t.Errorf("four terms OR'd under budget %d: %v", budget, err)
	}
	if _, err := testSearcher.Search(ctx, Request{Query: all}); err != nil {
		t.Errorf("four terms OR'd under the default budget: %v", err)
	}
}

// budgetBetween returns a budget that each of terms fits alone and all of
// them together do not, found by asking proximityCost itself.
func budgetBetween(t *testing.T, ctx context.Context, terms []string) int {
	t.Helper()
	r, err := engine.Open(testSearcher.idx)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var all []Term
	for _, s := range terms {
		q, err := Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, q.Groups[0][0])
	}
	fits := func(budget int, ts []Term) bool {
		return withPositions(budget).proximityCost(ctx, r, ts) == nil
	}
	lo := 1
	for _, term := range all {
		for !fits(lo, []Term{term}) {
			lo *= 2
		}
	}
	// lo fits each term alone and is at most twice the costliest.
	if fits(lo, all) {
		t.Skipf("the four terms together cost no more than %d", lo)
	}
	return lo
}

// TestProximityHonoursDeadline: a proximity search given no time at all
// stops at once as unavailable, rather than walking its candidates.
func TestProximityHonoursDeadline(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Nanosecond)
	defer cancel()
	time.Sleep(time.Millisecond)
	start := time.Now()
	_, err := testSearcher.Search(ctx, Request{Query: `"the council"~20`})
	if !errors.Is(err, ErrUnavailable) {
		t.Errorf("past the deadline: %v", err)
	}
	if d := time.Since(start); d > 500*time.Millisecond {
		t.Errorf("stopping took %s", d)
	}
}
