package search

import (
	"cmp"
	"container/heap"
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"sync"

	"github.com/blevesearch/bleve/v2/numeric"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/inquirysearch/inquirysearch/internal/engine"
)

// Every search is ranked here rather than by bleve's collector. bleve's
// collector, asked to break equal keys by document id (which paging needs,
// so that a page ends in the same place every time), reads the id of every
// match, and counts facets by decoding every match's doc values; for a
// common word these were over half of a search's time. The ranking pass
// walks the matches once, scored, keeps the best in a heap that reads an
// id only to break an exact tie, checks the facet filters and counts the
// facets from the facet table as it goes. The date orders take their dates
// from the same table. When a walk is long and no other search is being
// ranked, the index's document numbers are split into parts walked side
// by side, so that one search uses every core (parts).

// order is how a search ranks its hits: by score, or by publication date
// and then score. Equal keys are ordered by id.
type order struct {
	byDate bool
	desc   bool // newest first
}

func orderOf(sort string) order {
	switch sort {
	case SortNewest:
		return order{byDate: true, desc: true}
	case SortOldest:
		return order{byDate: true}
	}
	return order{}
}

// rankKey is where a hit stands in an order, its id aside.
type rankKey struct {
	date  int64 // noDate for none
	score float64
}

// cmp orders two keys, negative when a ranks first. In a date order the
// dates come first, and documents without one after every dated one, as
// bleve's date sort puts them (SortFieldMissingLast); then the higher
// score.
func (o order) cmp(a, b rankKey) int {
	if o.byDate && a.date != b.date {
		switch {
		case a.date == noDate:
			return 1
		case b.date == noDate:
			return -1
		case o.desc:
			return cmp.Compare(b.date, a.date)
		}
		return cmp.Compare(a.date, b.date)
	}
	return cmp.Compare(b.score, a.score)
}

// rankedHit is a match kept for the page.
type rankedHit struct {
	num uint64
	key rankKey
	id  string // read when first needed
}

// page is what a ranking pass gives back: how many documents match, the
// hits of the page asked for, in order, with the keys a cursor continues
// from, and the facet counts.
type page struct {
	total uint64
	// paragraphs counts the matched paragraphs of a same-paragraph
	// search (rankSpec.weight), which its facets count too.
	paragraphs uint64
	hits       []*rankedHit
	facets     map[string][]FacetValue
}

// rankAfter is the position a cursor continues from.
type rankAfter struct {
	key rankKey
	id  string
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
	order   order
	k       int        // the best k hits are kept
	from    int        // the page starts at the from'th of them
	after   *rankAfter // hits at or before this position are passed over
	facets  []facetSpec
	filters []facetFilter
	// weight, when not nil, is what each document counts for in the facets
	// and in page.paragraphs: its matched paragraphs.
	weight map[uint64]int
}

// rank walks every match of spec.query, keeping the best hits in the
// spec's order that pass every filter, and counting the facets.
func (s *Searcher) rank(ctx context.Context, spec rankSpec) (*page, error) {
	t, r, err := s.tableAndReader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	s.ranking.Add(1)
	defer s.ranking.Add(-1)
	first, err := r.NewWalk(ctx, spec.query, true)
	if err != nil {
		return nil, err
	}
	defer first.Close()
	docs := t.docs()
	parts := s.parts(docs, spec.query, first.Postings())
	if spec.after != nil {
		spec.after.place(t)
	}
	walks := make([]*rankWalk, parts)
	for i := range walks {
		w, err := newRankWalk(t, r, spec)
		if err != nil {
			return nil, err
		}
		w.walker = first
		if i > 0 {
			if w.walker, err = r.NewWalk(ctx, spec.query, true); err != nil {
				return nil, err
			}
			defer w.walker.Close()
		}
		w.from = uint64(docs) * uint64(i) / uint64(parts)
		w.to = uint64(docs) * uint64(i+1) / uint64(parts)
		if i == parts-1 {
			w.to = math.MaxUint64
		}
		walks[i] = w
	}
	if parts == 1 {
		walks[0].err = walks[0].walk()
	} else {
		var wg sync.WaitGroup
		for _, w := range walks {
			wg.Go(func() { w.err = w.walk() })
		}
		wg.Wait()
	}
	out := &page{}
	best := &hitHeap{r: r, t: t, o: spec.order}
	sum, err := newRankWalk(t, r, spec) // the counts of every part, added up
	if err != nil {
		return nil, err
	}
	for _, w := range walks {
		if w.err != nil {
			return nil, w.err
		}
		out.total += w.total
		out.paragraphs += w.paragraphs
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

// parts says into how many parts a ranking pass splits the index. A
// split pays only for a long walk on an otherwise idle machine: each part
// builds a searcher of its own, looking every term up in every segment
// again, and hands its work to another goroutine, which for a short walk
// costs more than it saves; and where other searches are being ranked,
// every core already has one. postings is the first walk's bound on what
// it reads. A query whose scores depend on where a walk starts is walked
// whole (engine.SplitsExactly).
func (s *Searcher) parts(docs int, q query.Query, postings uint64) int {
	if s.tune.RankParts < 2 || docs < s.tune.MinSplit || postings < uint64(s.tune.MinSplitPostings) ||
		s.ranking.Load() > 1 || !engine.SplitsExactly(q) {
		return 1
	}
	return s.tune.RankParts
}

// rankWalk walks the matches whose document numbers lie in [from, to).
type rankWalk struct {
	r        *engine.Snapshot
	walker   *engine.Walk
	t        *facetTable
	from, to uint64
	o        order
	k        int
	after    *rankAfter
	filters  []facetFilter
	counter  *facetCounter   // the facets without a filter
	apart    []*facetCounter // each filtered facet, by filter
	best     *hitHeap
	total    uint64
	weight   map[uint64]int
	// paragraphs sums the weights of the matches that pass the filters.
	paragraphs uint64
	err        error
}

func newRankWalk(t *facetTable, r *engine.Snapshot, spec rankSpec) (*rankWalk, error) {
	w := &rankWalk{r: r, t: t, o: spec.order, k: spec.k, after: spec.after, filters: spec.filters, weight: spec.weight,
		counter: t.counter(spec.facets), best: &hitHeap{r: r, t: t, o: spec.order}}
	if w.counter.err != nil {
		return nil, w.counter.err
	}
	for _, f := range spec.filters {
		var counted []facetSpec // a filter's facet not asked for counts nothing
		if f.counted {
			counted = []facetSpec{f.facet}
		}
		c := t.counter(counted)
		if c.err != nil {
			return nil, c.err
		}
		w.apart = append(w.apart, c)
	}
	return w, nil
}

func (w *rankWalk) walk() error {
	return w.walker.Each(w.from, w.to, func(num uint64, score float64) error {
		n := 1
		if w.weight != nil {
			n = w.weight[num]
		}
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
				w.apart[failed].addDoc(num, n)
			}
			return nil
		}
		w.total++
		w.paragraphs += uint64(n)
		w.counter.addDoc(num, n)
		for _, c := range w.apart {
			c.addDoc(num, n)
		}
		// Most matches cannot enter a full heap: their key alone says so,
		// before a hit is made or an id read. (Where every key ties, as
		// with no words at all, each match reads its id.)
		if w.k == 0 {
			return nil
		}
		key := rankKey{date: noDate, score: score}
		if w.o.byDate {
			key.date = w.t.date(num)
		}
		if (w.after == nil || w.o.cmp(key, w.after.key) >= 0) &&
			(len(w.best.hits) < w.k || w.o.cmp(key, w.best.hits[0].key) <= 0) {
			x := &rankedHit{num: num, key: key}
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
	o    order
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

// Less puts the worse hit first.
func (h *hitHeap) Less(i, j int) bool { return h.better(h.hits[j], h.hits[i]) }

// better reports whether a ranks before b: a key first in the order, or
// on a tie the smaller id, as bleve orders equal keys.
func (h *hitHeap) better(a, b *rankedHit) bool {
	if c := h.o.cmp(a.key, b.key); c != 0 {
		return c < 0
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

// sorted empties the heap and returns the hits from the from'th on (the
// page), best first, with their ids: reading ids is most of a deep page's
// cost, so only the page's are read.
func (h *hitHeap) sorted(from int) []*rankedHit {
	out := make([]*rankedHit, len(h.hits))
	for i := len(out) - 1; i >= 0; i-- {
		out[i] = heap.Pop(h).(*rankedHit)
	}
	out = out[min(from, len(out)):]
	for _, x := range out {
		h.id(x)
	}
	return out
}

// follows reports whether x comes after the cursor position a.
func (a *rankAfter) follows(h *hitHeap, x *rankedHit) bool {
	if c := h.o.cmp(x.key, a.key); c != 0 {
		return c > 0
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

// afterValues are the values a cursor keeps to continue after h: in a date
// order the date as bleve's date sort gives it (its full-precision term,
// or the term bleve puts in place of a missing date), then the score in
// the shortest form that parses back to the same float64, and the id.
func (o order) afterValues(h *rankedHit) []string {
	score := strconv.FormatFloat(h.key.score, 'g', -1, 64)
	if !o.byDate {
		return []string{score, h.id}
	}
	date := string(numeric.MustNewPrefixCodedInt64(h.key.date, 0))
	if h.key.date == noDate {
		date = bsearch.HighTerm
		if o.desc {
			date = bsearch.LowTerm
		}
	}
	return []string{date, score, h.id}
}

// parseAfter reads the values afterValues wrote.
func (o order) parseAfter(values []string) (*rankAfter, error) {
	n := 2
	if o.byDate {
		n = 3
	}
	if len(values) != n {
		return nil, errBadCursor
	}
	a := &rankAfter{key: rankKey{date: noDate}, id: values[n-1]}
	if o.byDate && values[0] != bsearch.LowTerm && values[0] != bsearch.HighTerm {
		if ok, shift := numeric.ValidPrefixCodedTerm(values[0]); !ok || shift != 0 {
			return nil, errBadCursor
		}
		d, err := numeric.PrefixCoded(values[0]).Int64()
		if err != nil || d == noDate {
			return nil, errBadCursor
		}
		a.key.date = d
	}
	f, err := strconv.ParseFloat(values[n-2], 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return nil, errBadCursor
	}
	a.key.score = f
	return a, nil
}
