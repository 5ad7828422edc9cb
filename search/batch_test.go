package search

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// A batch's counts are those of the single searches: its documents the
// search's total, its paragraphs the matched paragraphs of every hit.
func TestBatchCountsEqualSearches(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	terms := []string{
		"records", "council", "Larkspur Constabulary", `"record keeping"`, "police -council",
		"Thornfield OR Oakridge", "place:Ashcombe", "type:recommendations retention",
		"Elmwood", "HOM003339_078", "zzzqqq", `"anna rowe"`, "safeguarding year:2021",
	}
	b, err := testSearcher.Batch(ctx, terms)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Results) != len(terms) {
		t.Fatalf("%d results for %d terms", len(b.Results), len(terms))
	}
	nonzero := 0
	for i, c := range b.Results {
		if c.Term != terms[i] || c.Error != "" {
			t.Errorf("result %d: %+v", i, c)
			continue
		}
		var paras uint64
		sum, err := testSearcher.Export(ctx, Request{Query: c.Term}, 0, nil, func(h Hit) error {
			paras += uint64(h.MatchCount)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if c.Documents != sum.Total || c.Paragraphs != paras {
			t.Errorf("%q: batch counts %d documents, %d paragraphs; the search %d, %d", c.Term, c.Documents, c.Paragraphs, sum.Total, paras)
		}
		if c.SearchURL != searchapi.SearchURL(c.Term) || !strings.HasPrefix(c.SearchURL, "/search?q=") {
			t.Errorf("%q: search url %q", c.Term, c.SearchURL)
		}
		if c.Documents > 0 {
			nonzero++
		}
	}
	if nonzero < len(terms)-2 {
		t.Errorf("only %d of %d terms found anything: the test checks little", nonzero, len(terms))
	}
}

func TestBatchRefuses(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	b, err := testSearcher.Batch(ctx, []string{`"police records"~3`, "   ", "records"})
	if err != nil {
		t.Fatal(err)
	}
	if b.Results[0].Error == "" || b.Results[1].Error == "" || b.Results[2].Error != "" || b.Results[2].Documents == 0 {
		t.Errorf("a distance term and an empty one are not counted, a word is: %+v", b.Results)
	}
	for _, terms := range [][]string{nil, make([]string, searchapi.MaxBatchTerms+1)} {
		if _, err := testSearcher.Batch(ctx, terms); !errors.Is(err, ErrInvalidQuery) {
			t.Errorf("Batch of %d terms: %v, want an invalid query", len(terms), err)
		}
	}
	// The budget: past it a batch is refused before any term is counted,
	// with the costliest terms named.
	tight := New(testSearcher.idx, testSearcher.meta, WithTuning(Tuning{MaxBatchPositions: 100}))
	_, err = tight.Batch(ctx, []string{"zzzqqq", "council police records", "records"})
	if !errors.Is(err, ErrInvalidQuery) || !strings.Contains(err.Error(), "positions") || !strings.Contains(err.Error(), `"council police records"`) {
		t.Errorf("a batch over budget: %v", err)
	}
	if _, err := tight.Batch(ctx, []string{"zzzqqq", "Elmwood"}); err != nil {
		t.Errorf("a batch within budget: %v", err)
	}
}
