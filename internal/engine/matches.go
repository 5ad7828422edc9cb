package engine

import (
	"context"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// eachMatch walks the matches of q whose document numbers lie in [from,
// to), in order, and calls visit with each one's number and score (0 when
// not scored), stopping at visit's first error. Both the ranking pass and
// the counting passes walk matches this way, without bleve's collector.
func eachMatch(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, q query.Query, scored bool,
	from, to uint64, visit func(num uint64, score float64) error) error {
	opts := bsearch.SearcherOptions{Score: "none"}
	sctx := ctx
	if scored {
		opts, sctx = bsearch.SearcherOptions{}, ScoringContext(ctx, m)
	}
	searcher, err := q.Searcher(sctx, r, m, opts)
	if err != nil {
		return err
	}
	defer searcher.Close()
	pool := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(searcher.DocumentMatchPoolSize(), 0)}
	var dm *bsearch.DocumentMatch
	if from > 0 {
		dm, err = searcher.Advance(pool, InternalID(from))
	} else {
		dm, err = searcher.Next(pool)
	}
	for n := 1; dm != nil && err == nil; n++ {
		// As bleve's collector does, look at the deadline every so often.
		if n%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
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
		pool.DocumentMatchPool.Put(dm)
		dm, err = searcher.Next(pool)
	}
	return err
}
