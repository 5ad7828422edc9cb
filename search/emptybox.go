package search

import (
	"context"
	"strings"
	"sync"
	"time"
)

// emptyBoxLimit bounds the one computation of the empty box; it visits
// every document, a few hundred milliseconds at a million paragraphs.
const emptyBoxLimit = time.Minute

// emptyBox holds the answer to the empty search box: every document, with
// every facet counted over the whole index. It is the page a person lands
// on and the costliest common search (it visits every document), and it
// changes only when the index does; a Searcher serves one index version, so
// it is computed once per Searcher.
type emptyBox struct {
	mu  sync.Mutex
	res *Result
}

// isEmptyBox reports whether a validated request is the empty box's first
// page in the default order (with any choice of facets: they are counted
// once, all of them).
func isEmptyBox(r Request) bool {
	if strings.TrimSpace(r.Query) != "" || r.From != "" || r.To != "" || r.After != "" ||
		r.Page != 1 || r.Size != DefaultSize || r.Sort != SortRelevance {
		return false
	}
	for _, v := range r.Filters {
		if len(v) > 0 {
			return false
		}
	}
	return true
}

// get returns the empty box's result, with the facets r asks for,
// computing it on first use. It is
// computed apart from the asking request's deadline, once for everyone
// (Warm computes it before the server is ready); a failure is not kept, and
// the next caller tries again.
func (e *emptyBox) get(ctx context.Context, s *Searcher, r Request, start time.Time) (*Result, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.res == nil {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), emptyBoxLimit)
		defer cancel()
		res, err := s.search(ctx, Request{Page: 1, Size: DefaultSize, Sort: SortRelevance, Filters: Filters{}}, nil, start)
		if err != nil {
			return nil, err
		}
		e.res = res
	}
	out := *e.res // the hits and facets are shared: callers only read them
	if len(r.Facets) > 0 {
		out.Facets = map[string][]FacetValue{}
		for _, f := range Facets {
			if r.CountsFacet(f) {
				out.Facets[f] = e.res.Facets[f]
			}
		}
	}
	if r.Hits == HitsIDs {
		ids := make([]Hit, len(out.Hits))
		for i, h := range out.Hits {
			ids[i] = idHit(h.ID, h.Score)
		}
		out.Hits = ids
	}
	out.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return &out, nil
}

// Warm computes what a Searcher answers from memory (the empty box), so
// that the first person to open the page after a start or a rebuild does
// not wait for it.
func (s *Searcher) Warm(ctx context.Context) error {
	if _, err := s.empty.get(ctx, s, Request{}, time.Now()); err != nil {
		return err
	}
	if _, err := s.suggester.get(ctx); err != nil {
		return err
	}
	// Warm, the server is ready: only now is the lexicon for corrections
	// read, so that it does not compete with the above for the cores.
	s.words.start(s.idx)
	return nil
}
