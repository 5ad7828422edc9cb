package search

import (
	"github.com/inquirysearch/inquirysearch/search/internal/engine"

	"container/heap"
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Searches in relevance order are ranked here rather than by bleve's
// collector. bleve's collector, asked to break equal scores by document id
// (which paging needs, so that a page ends in the same place every time),
// reads the id of every match, and counts facets by decoding every match's
// doc values; for a common word these were over half of a search's time.
// The ranking pass walks the matches once, scored, keeps the best in a
// heap that reads an id only to break an exact tie, and counts facets from
// the facet table as it goes. The index's document numbers are split into
// parts walked side by side, so that one search uses every core.

// rankedHit is a match kept for the page.
type rankedHit struct {
	num   uint64
	score float64
	id    string // read when first needed
}

// ranking is what a ranking pass returns.
type ranking struct {
	total  uint64
	hits   []*rankedHit // best first
	facets map[string][]FacetValue
}

// rankAfter is the position a cursor continues from.
type rankAfter struct {
	score float64
	id    string
	// The id's place among the index's ids (see place): the number of ids
	// before it, and whether the index holds it.
	pos    int
	exact  bool
	placed bool
}

// rankSpec is what a ranking pass walks and counts.
type rankSpec struct {
	// query is the search without its facet filters, which the pass checks
	// in the facet table, so that one walk serves every count.
	query   query.Query
	k       int        // the best k hits are kept
	from    int        // the page starts at the from'th of them
	after   *rankAfter // hits at or before this position are passed over
	facets  []facetCount
	filters []tableFilter
}

// tableFilter is a facet filter checked in the facet table: the values of
// the facet's column it accepts. The facet is counted over the matches
// that pass every other filter, so that a person can widen the selection.
type tableFilter struct {
	facet  facetCount
	col    *facetColumn
	accept []bool // by value number
}

func (f *tableFilter) passes(num uint64) bool {
	if num+1 >= uint64(len(f.col.starts)) {
		return false
	}
	for _, o := range f.col.ords[f.col.starts[num]:f.col.starts[num+1]] {
		if f.accept[o] {
			return true
		}
	}
	return false
}

// tableFilters returns the facet filters of a search as table filters,
// matching values as the filter fields do: names case-insensitively, types
// and years exactly.
func (t *facetTable) tableFilters(filters Filters) ([]tableFilter, error) {
	var out []tableFilter
	for _, f := range Facets {
		values := filters[f]
		if len(values) == 0 {
			continue
		}
		col, ok := t.fields[facetField[f]]
		if !ok {
			return nil, fmt.Errorf("facet %s: field %s is not in the facet table", f, facetField[f])
		}
		fold := filterField[f] != facetField[f]
		want := map[string]bool{}
		for _, v := range values {
			if fold {
				v = strings.ToLower(v)
			}
			want[v] = true
		}
		tf := tableFilter{facet: searchFacet(f), col: &t.cols[col]}
		tf.accept = make([]bool, len(tf.col.values))
		for o, v := range tf.col.values {
			if fold {
				v = strings.ToLower(v)
			}
			tf.accept[o] = want[v]
		}
		out = append(out, tf)
	}
	return out, nil
}

// rank walks every match of spec.query in relevance order, keeping the
// best hits that pass every filter and counting the facets.
func (s *Searcher) rank(ctx context.Context, spec rankSpec) (*ranking, error) {
	t, r, err := s.tableAndReader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	docs := t.docs()
	parts := s.tune.RankParts
	if docs < s.tune.MinSplit || parts < 1 || !engine.SplitsExactly(spec.query) {
		parts = 1
	}
	if spec.after != nil {
		spec.after.place(t)
	}
	walks := make([]*rankWalk, parts)
	for i := range walks {
		w, err := newRankWalk(t, r, spec)
		if err != nil {
			return nil, err
		}
		w.from = uint64(docs) * uint64(i) / uint64(parts)
		w.to = uint64(docs) * uint64(i+1) / uint64(parts)
		if i == parts-1 {
			w.to = math.MaxUint64
		}
		walks[i] = w
	}
	var wg sync.WaitGroup
	for _, w := range walks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.err = w.walk(ctx, spec.query)
		}()
	}
	wg.Wait()
	out := &ranking{}
	best := &hitHeap{r: r, t: t}
	sum, err := newRankWalk(t, r, spec) // the counts of every part, added up
	if err != nil {
		return nil, err
	}
	for _, w := range walks {
		if w.err != nil {
			return nil, w.err
		}
		out.total += w.total
		sum.counter.add(w.counter)
		for i := range sum.apart {
			sum.apart[i].add(w.apart[i])
		}
		for _, h := range w.best.hits {
			best.offer(h, spec.k)
		}
		if best.err != nil {
			return nil, best.err
		}
	}
	out.hits = best.sorted(spec.from)
	if best.err != nil {
		return nil, best.err
	}
	out.facets = sum.counter.values()
	for _, c := range sum.apart {
		for k, v := range c.values() {
			out.facets[k] = v
		}
	}
	return out, nil
}

// rankWalk walks the matches whose document numbers lie in [from, to).
type rankWalk struct {
	r        *engine.Snapshot
	from, to uint64
	k        int
	after    *rankAfter
	filters  []tableFilter
	counter  *facetCounter   // the facets without a filter
	apart    []*facetCounter // each filtered facet, by filter
	best     *hitHeap
	total    uint64
	err      error
}

func newRankWalk(t *facetTable, r *engine.Snapshot, spec rankSpec) (*rankWalk, error) {
	w := &rankWalk{r: r, k: spec.k, after: spec.after, filters: spec.filters,
		counter: t.counter(spec.facets), best: &hitHeap{r: r, t: t}}
	if w.counter.err != nil {
		return nil, w.counter.err
	}
	for _, f := range spec.filters {
		c := t.counter([]facetCount{f.facet})
		if c.err != nil {
			return nil, c.err
		}
		w.apart = append(w.apart, c)
	}
	return w, nil
}

func (w *rankWalk) walk(ctx context.Context, q query.Query) error {
	return w.r.EachMatch(ctx, q, true, w.from, w.to, func(num uint64, score float64) error {
		failed, fails := -1, 0
		for i := range w.filters {
			if !w.filters[i].passes(num) {
				failed, fails = i, fails+1
				if fails > 1 {
					break
				}
			}
		}
		if fails > 0 {
			if fails == 1 { // it passes every filter but one: count that facet
				w.apart[failed].addDoc(num)
			}
			return nil
		}
		w.total++
		w.counter.addDoc(num)
		for _, c := range w.apart {
			c.addDoc(num)
		}
		// Most matches cannot enter a full heap: their score alone says so,
		// before a hit is made or an id read. (Where every score ties, as
		// with no words at all, each match reads its id.)
		if w.k > 0 && (w.after == nil || score <= w.after.score) &&
			(len(w.best.hits) < w.k || score >= w.best.hits[0].score) {
			x := &rankedHit{num: num, score: score}
			if w.after == nil || w.after.follows(w.best, x) {
				w.best.offer(x, w.k)
			}
		}
		return w.best.err
	})
}

// hitHeap holds the best hits seen, the worst on top.
type hitHeap struct {
	r    *engine.Snapshot
	t    *facetTable // the ids in order, read with the table
	hits []*rankedHit
	err  error // the first failure to read an id
}

func (h *hitHeap) Len() int      { return len(h.hits) }
func (h *hitHeap) Swap(i, j int) { h.hits[i], h.hits[j] = h.hits[j], h.hits[i] }
func (h *hitHeap) Push(x any)    { h.hits = append(h.hits, x.(*rankedHit)) }
func (h *hitHeap) Pop() any {
	x := h.hits[len(h.hits)-1]
	h.hits = h.hits[:len(h.hits)-1]
	return x
}

// Less puts the worse hit first: the lower score, or on a tie the greater id.
func (h *hitHeap) Less(i, j int) bool { return h.better(h.hits[j], h.hits[i]) }

// better reports whether a ranks before b: a higher score, or on a tie the
// smaller id, as bleve orders by score and then id.
func (h *hitHeap) better(a, b *rankedHit) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	ra, okA := h.t.rankOf(a.num)
	rb, okB := h.t.rankOf(b.num)
	if okA && okB {
		return ra < rb
	}
	return h.id(a) < h.id(b)
}

func (h *hitHeap) id(x *rankedHit) string {
	if x.id == "" {
		if r, ok := h.t.rankOf(x.num); ok {
			x.id = h.t.ids[r]
			return x.id
		}
		id, err := h.r.ExternalID(x.num)
		if err != nil && h.err == nil {
			h.err = fmt.Errorf("rank: read a document id: %w", err)
		}
		x.id = id
	}
	return x.id
}

// offer keeps x if it is among the k best seen.
func (h *hitHeap) offer(x *rankedHit, k int) {
	if len(h.hits) < k {
		heap.Push(h, x)
		return
	}
	if k > 0 && h.better(x, h.hits[0]) {
		h.hits[0] = x
		heap.Fix(h, 0)
	}
}

// sorted empties the heap, best first, and reads the ids of the hits from
// the from'th on (the page): reading ids is most of a deep page's cost.
func (h *hitHeap) sorted(from int) []*rankedHit {
	out := make([]*rankedHit, len(h.hits))
	for i := len(out) - 1; i >= 0; i-- {
		out[i] = heap.Pop(h).(*rankedHit)
	}
	for _, x := range out[min(from, len(out)):] {
		h.id(x)
	}
	return out
}

// follows reports whether x comes after the cursor position a.
func (a *rankAfter) follows(h *hitHeap, x *rankedHit) bool {
	if x.score != a.score {
		return x.score < a.score
	}
	if r, ok := h.t.rankOf(x.num); ok && a.placed {
		if a.exact {
			return int(r) > a.pos
		}
		return int(r) >= a.pos
	}
	return h.id(x) > a.id
}

// place finds the cursor's id among the table's ids, so that ties with it
// are decided without reading ids. A cursor from an earlier index may name
// an id this one lacks: it then falls between two.
func (a *rankAfter) place(t *facetTable) {
	a.pos, a.exact = slices.BinarySearch(t.ids, a.id)
	a.placed = true
}

// parseRankAfter reads the sort values of a relevance cursor: the score
// and the id.
func parseRankAfter(after []string) (*rankAfter, error) {
	if after == nil {
		return nil, nil
	}
	if len(after) != 2 {
		return nil, errBadCursor
	}
	f, err := strconv.ParseFloat(after[0], 64)
	if err != nil {
		return nil, errBadCursor
	}
	return &rankAfter{score: f, id: after[1]}, nil
}

// asSearchResult gives a ranking the shape of bleve's result, for the code
// that turns hits into a page and makes the next cursor.
func (rk *ranking) asSearchResult(from int) *bleve.SearchResult {
	res := &bleve.SearchResult{Total: rk.total}
	for i, h := range rk.hits {
		if i < from {
			continue
		}
		res.Hits = append(res.Hits, &bsearch.DocumentMatch{ID: h.id, Score: h.score, Sort: []string{"_score", h.id}})
	}
	return res
}

// runRanked runs a search in relevance order: one ranking pass ranks the
// matches and counts every facet, and the page's hits are then read with
// their stored documents and match locations.
func (s *Searcher) runRanked(ctx context.Context, r Request, resume []string, scoring query.Query, filters Filters, dates *dateRange, recs bool) (*bleve.SearchResult, map[string][]FacetValue, error) {
	after, err := parseRankAfter(resume)
	if err != nil {
		return nil, nil, err
	}
	from := (r.Page - 1) * r.Size
	if after != nil {
		from = 0
	}
	t, err := s.table()
	if err != nil {
		return nil, nil, unavailable(ctx, err)
	}
	spec := rankSpec{query: searchFilter(nil, dates, "", recs).apply(scoring), k: from + r.Size, from: from, after: after}
	if spec.filters, err = t.tableFilters(filters); err != nil {
		return nil, nil, unavailable(ctx, err)
	}
	for _, f := range Facets {
		if len(filters[f]) == 0 {
			spec.facets = append(spec.facets, searchFacet(f))
		}
	}
	rk, err := s.rank(ctx, spec)
	var res *bleve.SearchResult
	if err == nil {
		res = rk.asSearchResult(from)
		err = s.detail(ctx, searchFilter(filters, dates, "", recs).apply(scoring), res)
	}
	if err != nil {
		return nil, nil, unavailable(ctx, err)
	}
	return res, rk.facets, nil
}
