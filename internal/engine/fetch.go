package engine

import (
	"context"
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2/index/scorch"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Fetch reads a page's documents by number: for each of nums that q
// matches, a DocumentMatch as bleve's search gives it when asked for the
// stored field named field and for locations (ID, Fields[field] as a
// string, Locations), keyed by number; a document q does not match is left
// out. A search restricted to the page's ids did the same at several times
// the cost: its id query looks every id up in every segment's dictionary,
// and its collector reads every stored field of each hit. Here the query's
// searcher is only advanced to each number in turn, and one stored field
// is read from the segment the number falls in.
func (s *Snapshot) Fetch(ctx context.Context, q query.Query, nums []uint64, field string) (map[uint64]*bsearch.DocumentMatch, error) {
	out := make(map[uint64]*bsearch.DocumentMatch, len(nums))
	if len(nums) == 0 {
		return out, nil
	}
	searcher, err := q.Searcher(ctx, s.r, s.m, bsearch.SearcherOptions{Score: "none", IncludeTermVectors: true})
	if err != nil {
		return nil, err
	}
	defer searcher.Close()
	// The matches kept are not handed back to the pool; an empty pool
	// makes new ones.
	pool := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(searcher.DocumentMatchPoolSize(), 0)}
	var dm *bsearch.DocumentMatch
	at := uint64(0) // dm's number
	for _, num := range slices.Sorted(slices.Values(nums)) {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if dm == nil || at < num {
			if dm, err = searcher.Advance(pool, InternalID(num)); err != nil {
				return nil, err
			}
			if dm == nil {
				break // no match at or after num
			}
			if at, err = DocNumber(dm.IndexInternalID); err != nil {
				return nil, err
			}
		}
		if at != num {
			continue // q does not match num; dm is kept for a later number
		}
		if err := s.complete(dm, num, field); err != nil {
			return nil, err
		}
		out[num] = dm
		dm = nil
	}
	return out, nil
}

// complete gives a match its id, its stored field and its Locations map,
// as bleve's collector and LoadAndHighlightFields do.
func (s *Snapshot) complete(dm *bsearch.DocumentMatch, num uint64, field string) error {
	id, err := s.ExternalID(num)
	if err != nil {
		return fmt.Errorf("document %d: %w", num, err)
	}
	dm.ID = id
	dm.Complete(nil)
	text, err := s.StoredText(num, field)
	if err != nil {
		return err
	}
	dm.Fields = map[string]any{field: text}
	return nil
}

// StoredText returns the stored value of a text field of document number
// num, "" when it has none. Document numbers run through the segments in
// their order, each segment taking as many numbers as it holds documents,
// deleted ones included, as scorch numbers them.
func (s *Snapshot) StoredText(num uint64, field string) (string, error) {
	snap, ok := s.r.(*scorch.IndexSnapshot)
	if !ok {
		return "", fmt.Errorf("stored %s of document %d: not a scorch index", field, num)
	}
	local := num
	for _, ss := range snap.Segments() {
		seg := ss.Segment()
		if local >= seg.Count() {
			local -= seg.Count()
			continue
		}
		var text string
		var found bool
		err := seg.VisitStoredFields(local, func(name string, typ byte, val []byte, _ []uint64) bool {
			if name == field && typ == 't' {
				text, found = string(val), true
			}
			return !found
		})
		if err != nil {
			return "", fmt.Errorf("stored %s of document %d: %w", field, num, err)
		}
		return text, nil
	}
	return "", fmt.Errorf("stored %s of document %d: no such document number", field, num)
}
