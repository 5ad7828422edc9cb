package search

import (
	"context"
	"fmt"

	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/inquirysearch/inquirysearch/indexer"
	"github.com/inquirysearch/inquirysearch/internal/engine"
)

// fetch reads the stored documents and match locations of a page's hits
// by their document numbers, and makes them Hits in the page's order. The
// ranking pass gathers neither: bleve gathers locations for every match,
// not only for the page, and for a common word that was over two fifths of
// a search's time.
func (s *Searcher) fetch(ctx context.Context, p *plan, hits []*rankedHit) ([]Hit, error) {
	out := make([]Hit, 0, len(hits))
	if len(hits) == 0 {
		return out, nil
	}
	r, err := engine.Open(s.idx)
	if err != nil {
		return nil, unavailable(ctx, err)
	}
	defer r.Close()
	nums := make([]uint64, len(hits))
	for i, h := range hits {
		nums[i] = h.num
	}
	byNum, err := r.Fetch(ctx, p.spec.query, nums, indexer.FieldSource)
	if err != nil {
		return nil, unavailable(ctx, err)
	}
	for _, h := range hits {
		dm, ok := byNum[h.num]
		if !ok || dm.ID != h.id {
			return nil, fmt.Errorf("%w: document %s was ranked but could not be read", ErrUnavailable, h.id)
		}
		hit, err := toHit(dm, h.key.score, p.scope.keep(h.id, p.prox.keep(h.id)), p.passages)
		if err != nil {
			return nil, err
		}
		out = append(out, hit)
	}
	return out, nil
}

// idHits makes a page's hits of their ids and scores alone, with nothing
// read from their documents (Request.Hits HitsIDs).
func idHits(hits []*rankedHit) []Hit {
	out := make([]Hit, len(hits))
	for i, h := range hits {
		out[i] = idHit(h.id, h.key.score)
	}
	return out
}

// idHit is a hit of its id and score alone; its lists are empty, not
// null, as a whole hit's are.
func idHit(id string, score float64) Hit {
	return Hit{ID: id, Score: score, Paragraphs: []string{}, Matches: []Match{}}
}

// fetchOne reads the stored document with id id and where q matches in
// it, as fetch reads a page's hits; nil when q does not match it.
func (s *Searcher) fetchOne(ctx context.Context, id string, q query.Query) (*bsearch.DocumentMatch, error) {
	r, err := engine.Open(s.idx)
	if err != nil {
		return nil, unavailable(ctx, err)
	}
	defer r.Close()
	num, ok, err := r.Number(id)
	if err != nil {
		return nil, unavailable(ctx, err)
	}
	if !ok {
		return nil, nil
	}
	byNum, err := r.Fetch(ctx, q, []uint64{num}, indexer.FieldSource)
	if err != nil {
		return nil, unavailable(ctx, err)
	}
	return byNum[num], nil
}
