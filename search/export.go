package search

import (
	"context"
	"fmt"
)

// Export runs a search and hands every result to emit, in the order of
// Search's pages, ranking and fetching a batch at a time, each from
// where the last ended, so that memory does not grow with the result. Page, Size
// and After of r are ignored; at most limit results are exported
// (MaxExportRows when limit is 0 or larger). before, if not nil, is called
// once with the total before the first result, so that a caller can write
// headers. With r.Unit UnitParagraph each hit carries every one of its
// matched paragraphs, with their text; limit still counts documents.
// Errors are those of Search, or emit's.
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
	p, err := s.compile(ctx, r, nil)
	if err != nil {
		return nil, err
	}
	p.passages = passageLimit{all: r.Unit == UnitParagraph, text: r.Unit == UnitParagraph}
	spec := p.spec
	spec.facets = nil
	sum := &ExportSummary{}
	for first := true; ; first = false {
		// Between batches the client may have taken its time: look at the
		// deadline before reading more.
		if err := ctx.Err(); err != nil {
			return sum, unavailable(ctx, err)
		}
		spec.from, spec.k = 0, min(s.tune.ExportBatch, limit-sum.Rows)
		pg, err := s.rank(ctx, spec)
		if err != nil {
			return sum, unavailable(ctx, err)
		}
		if first {
			sum.Total = pg.total
			sum.Truncated = pg.total > uint64(limit)
			if before != nil {
				if err := before(pg.total); err != nil {
					return sum, err
				}
			}
		}
		hits, err := s.fetch(ctx, p, pg.hits)
		if err != nil {
			return sum, err
		}
		for _, hit := range hits {
			if err := emit(hit); err != nil {
				return sum, fmt.Errorf("export: %w", err)
			}
			sum.Rows++
		}
		if len(hits) == 0 || sum.Rows >= limit || uint64(sum.Rows) >= pg.total {
			return sum, nil
		}
		last := pg.hits[len(pg.hits)-1]
		spec.after = &rankAfter{key: last.key, id: last.id}
	}
}
