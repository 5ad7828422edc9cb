package engine

import (
	"context"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// Walk is a query's searcher, built and not yet walked. Building it looks
// every term up in every segment, so the ranking pass builds one first and
// asks it how much a walk would read (Postings) before deciding whether
// more walks, side by side, are worth building. A Walk is for one
// goroutine; Close releases it.
type Walk struct {
	ctx      context.Context
	searcher bsearch.Searcher
	pool     *bsearch.SearchContext
}

// NewWalk builds the searcher of q, scored or not.
func (s *Snapshot) NewWalk(ctx context.Context, q query.Query, scored bool) (*Walk, error) {
	return newWalk(ctx, s.r, s.m, q, scored)
}

func newWalk(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, q query.Query, scored bool) (*Walk, error) {
	opts := bsearch.SearcherOptions{Score: "none"}
	sctx := ctx
	if scored {
		opts, sctx = bsearch.SearcherOptions{}, ScoringContext(ctx, m)
	}
	searcher, err := q.Searcher(sctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	pool := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(searcher.DocumentMatchPoolSize(), 0)}
	return &Walk{ctx: ctx, searcher: searcher, pool: pool}, nil
}

// Postings is bleve's bound on the matches the walk can read: the
// postings of its terms, added up over the clauses of every conjunction
// and disjunction (Searcher.Count), so at most the work of a whole walk.
func (w *Walk) Postings() uint64 { return w.searcher.Count() }

// Close releases the searcher.
func (w *Walk) Close() error { return w.searcher.Close() }

// Each walks the matches whose document numbers lie in [from, to), in
// order, and calls visit with each one's number and score (0 when not
// scored), stopping at visit's first error. A Walk is walked once. Both
// the ranking pass and the counting passes walk matches this way, without
// bleve's collector.
func (w *Walk) Each(from, to uint64, visit func(num uint64, score float64) error) error {
	var dm *bsearch.DocumentMatch
	var err error
	if from > 0 {
		dm, err = w.searcher.Advance(w.pool, InternalID(from))
	} else {
		dm, err = w.searcher.Next(w.pool)
	}
	for n := 1; dm != nil && err == nil; n++ {
		// As bleve's collector does, look at the deadline every so often.
		if n%1024 == 0 && w.ctx.Err() != nil {
			return w.ctx.Err()
		}
		num, nerr := DocNumber(dm.IndexInternalID)
		if nerr != nil {
			return nerr
		}
		if num >= to {
			return nil
		}
		if verr := visit(num, dm.Score); verr != nil {
			return verr
		}
		w.pool.DocumentMatchPool.Put(dm)
		dm, err = w.searcher.Next(w.pool)
	}
	return err
}

// eachMatch walks the matches of q whose document numbers lie in [from,
// to) with a Walk of its own.
func eachMatch(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, q query.Query, scored bool,
	from, to uint64, visit func(num uint64, score float64) error) error {
	w, err := newWalk(ctx, r, m, q, scored)
	if err != nil {
		return err
	}
	defer w.Close()
	return w.Each(from, to, visit)
}
