package search

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"

	"github.com/inquirysearch/inquirysearch/indexer"
)

// exportBatch is how many hits one step of an export reads: memory holds
// one batch at a time, whatever the size of the result. Tests make it
// small, to cross batches on a small index.
var exportBatch = 200

// Export runs a search and hands every result to emit, in the order of
// Search's pages, reading the results a batch at a time with bleve's
// search_after, so that memory does not grow with the result. Page, Size
// and After of r are ignored; at most limit results are exported
// (MaxExportRows when limit is 0 or larger). before, if not nil, is called
// once with the total before the first result, so that a caller can write
// headers. Errors are those of Search, or emit's.
func (s *Searcher) Export(ctx context.Context, r Request, limit int, before func(total uint64) error, emit func(Hit) error) (*ExportSummary, error) {
	r.Page, r.Size, r.After = 1, 1, ""
	if err := r.Validate(); err != nil {
		return nil, err
	}
	if limit < 0 {
		return nil, invalidf("limit must be 0 (every result) or more")
	}
	if limit == 0 || limit > MaxExportRows {
		limit = MaxExportRows
	}
	pr, err := s.prepare(ctx, r)
	if err != nil {
		return nil, err
	}
	q := searchFilter(pr.filters, pr.dates, "", pr.recs).apply(pr.plan.query)
	sum := &ExportSummary{}
	var after []string
	for first := true; ; first = false {
		// Between batches the client may have taken its time: look at the
		// deadline before reading more.
		if err := ctx.Err(); err != nil {
			return sum, unavailable(ctx, err)
		}
		req := bleve.NewSearchRequestOptions(q, min(exportBatch, limit-sum.Rows), 0, false)
		req.Fields = []string{indexer.FieldSource}
		req.IncludeLocations = true
		req.SortByCustom(sortOrder(r.Sort))
		continueAfter(req, after)
		res, err := s.idx.SearchInContext(ctx, req)
		if err != nil {
			return sum, unavailable(ctx, err)
		}
		if first {
			sum.Total = res.Total
			sum.Truncated = res.Total > uint64(limit)
			if before != nil {
				if err := before(res.Total); err != nil {
					return sum, err
				}
			}
		}
		for _, h := range res.Hits {
			hit, err := toHit(h, pr.prox.keep(h.ID))
			if err != nil {
				return sum, err
			}
			if err := emit(hit); err != nil {
				return sum, fmt.Errorf("export: %w", err)
			}
			sum.Rows++
		}
		if len(res.Hits) == 0 || sum.Rows >= limit || uint64(sum.Rows) >= res.Total {
			return sum, nil
		}
		after = afterValues(req.Sort, res.Hits[len(res.Hits)-1])
	}
}
