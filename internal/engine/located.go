package engine

import (
	"context"
	"fmt"

	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// WordStats returns how many documents hold term in field, and how often
// it occurs in each of them on average over the first sample: what reading
// its positions would cost, learnt at a cost bounded by sample however
// common the term.
func (s *Snapshot) WordStats(ctx context.Context, field, term string, sample int) (docs uint64, perDoc float64, err error) {
	tfr, err := s.r.TermFieldReader(ctx, []byte(term), field, true, false, false)
	if err != nil {
		return 0, 0, fmt.Errorf("statistics of %q: %w", term, err)
	}
	defer tfr.Close()
	docs = tfr.Count()
	var occurrences, seen uint64
	var tfd index.TermFieldDoc
	for seen < uint64(sample) {
		next, err := tfr.Next(tfd.Reset())
		if err != nil {
			return 0, 0, fmt.Errorf("statistics of %q: %w", term, err)
		}
		if next == nil {
			break
		}
		occurrences += next.Freq
		seen++
	}
	if seen > 0 {
		perDoc = float64(occurrences) / float64(seen)
	}
	return docs, perDoc, nil
}

// EachLocated walks the matches of q in document order and calls visit
// with each one's number and its term locations (dm.Locations). Only the
// match in hand is held, whatever their number, and the deadline is looked
// at every few dozen matches (a match of common words carries
// thousands of positions); visit must not keep dm.
func (s *Snapshot) EachLocated(ctx context.Context, q query.Query, visit func(num uint64, dm *bsearch.DocumentMatch) error) error {
	searcher, err := q.Searcher(ctx, s.r, s.m, bsearch.SearcherOptions{Score: "none", IncludeTermVectors: true})
	if err != nil {
		return err
	}
	defer searcher.Close()
	pool := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(searcher.DocumentMatchPoolSize(), 0)}
	var locs []bsearch.Location
	dm, err := searcher.Next(pool)
	for n := 1; dm != nil && err == nil; n++ {
		if n%32 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		num, nerr := DocNumber(dm.IndexInternalID)
		if nerr != nil {
			return nerr
		}
		dm.Locations = nil
		locs = dm.Complete(locs[:0])
		if verr := visit(num, dm); verr != nil {
			return verr
		}
		dm.Locations = nil
		pool.DocumentMatchPool.Put(dm)
		dm, err = searcher.Next(pool)
	}
	return err
}
