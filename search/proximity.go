package search

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/inquirysearch/inquirysearch/indexer"
	"github.com/inquirysearch/inquirysearch/internal/engine"
)

// bleve's phrase query has no slop, so "a b"~N is answered in two steps:
// the documents holding every word are fetched with their term positions,
// and the positions are checked here, paragraph by paragraph. The main
// search then runs with the term replaced by the verified document ids (and
// the words, for scoring), so that totals, facets, paging, OR and
// exclusion behave as for any other term.

// proximity is the verified answer to one proximity term.
type proximity struct {
	docs   []string         // documents where the words lie close enough, sorted
	paras  map[string][]int // per document, the paragraphs where they do
	tokens map[string]bool  // the term's words, as the exact analyzer gives them
}

// proximities holds the answers for each proximity term of a query, by
// proxKey.
type proximities map[string]*proximity

func proxKey(t Term) string { return strings.ToLower(t.Text) + "~" + strconv.Itoa(t.Within) }

// query returns the query that stands for a proximity term in the main
// search.
func (ps proximities) query(t Term) query.Query {
	p := ps[proxKey(t)]
	if p == nil || len(p.docs) == 0 {
		return bleve.NewMatchNoneQuery()
	}
	return bleve.NewConjunctionQuery(bleve.NewDocIDQuery(p.docs), bleve.NewDisjunctionQuery(
		match(t.Text, indexer.FieldTextExact, indexer.AnalyzerExact, 1),
		match(t.Text, indexer.FieldTitleExact, indexer.AnalyzerExact, titleBoost),
	))
}

// keep returns the test a hit's term locations pass to count as matches:
// a word of a proximity term counts only in a paragraph where the
// proximity holds. It returns nil when nothing needs filtering.
func (ps proximities) keep(docID string) func(field, term string, para int) bool {
	if len(ps) == 0 {
		return nil
	}
	allowed := map[int]bool{}
	tokens := map[string]bool{}
	for _, p := range ps {
		for t := range p.tokens {
			tokens[t] = true
		}
		for _, i := range p.paras[docID] {
			allowed[i] = true
		}
	}
	return func(field, term string, para int) bool {
		return field != indexer.FieldTextExact || !tokens[term] || allowed[para]
	}
}

// proximities answers every proximity term of q (included or excluded),
// once their cost together has been estimated and found within budget.
func (s *Searcher) proximities(ctx context.Context, q *Query) (proximities, error) {
	out := proximities{}
	var terms []Term
	seen := map[string]bool{}
	for _, t := range append(append([]Term(nil), q.Exclude...), slices.Concat(q.Groups...)...) {
		if t.Within > 0 && !seen[proxKey(t)] {
			seen[proxKey(t)] = true
			terms = append(terms, t)
		}
	}
	if len(terms) == 0 {
		return out, nil
	}
	r, err := engine.Open(s.idx)
	if err != nil {
		return nil, unavailable(ctx, err)
	}
	defer r.Close()
	if err := s.proximityCost(ctx, r, terms); err != nil {
		return nil, err
	}
	for _, t := range terms {
		p, err := s.proximity(ctx, r, t)
		if err != nil {
			return nil, err
		}
		out[proxKey(t)] = p
	}
	return out, nil
}

// proximity walks the documents holding every word of t, one at a time,
// and keeps those where the words lie close enough: only the document in
// hand and the answer are held, whatever the number of candidates, and
// the walk stops at the deadline.
func (s *Searcher) proximity(ctx context.Context, r *engine.Snapshot, t Term) (*proximity, error) {
	words := s.builder.tokens(indexer.AnalyzerExact, t.Text)
	p := &proximity{paras: map[string][]int{}, tokens: map[string]bool{}}
	for _, w := range words {
		p.tokens[w] = true
	}
	if len(words) == 0 {
		return p, nil
	}
	cand := bleve.NewDisjunctionQuery(
		match(t.Text, indexer.FieldTextExact, indexer.AnalyzerExact, 1),
		match(t.Text, indexer.FieldTitleExact, indexer.AnalyzerExact, 1),
	)
	// The words may spread over the window: with k words and ~N, the
	// first and last lie at most N+k-2 positions apart, so that two words
	// are at most N apart.
	check := newNearness(words, uint64(t.Within+len(words)-2))
	n := 0
	err := r.EachLocated(ctx, cand, func(num uint64, h *bsearch.DocumentMatch) error {
		if n++; n > s.tune.MaxProximityCandidates {
			return invalidf(fmt.Sprintf("the words of %s are in more than %d documents: add a word or a filter to search within a distance", t, s.tune.MaxProximityCandidates))
		}
		paras, inTitle := check.near(h)
		if len(paras) == 0 && !inTitle {
			return nil
		}
		id, err := r.ExternalID(num)
		if err != nil {
			return err
		}
		p.docs = append(p.docs, id)
		p.paras[id] = paras
		return nil
	})
	if errors.Is(err, ErrInvalidQuery) {
		return nil, err
	}
	if err != nil {
		return nil, unavailable(ctx, err)
	}
	sort.Strings(p.docs)
	return p, nil
}

// occurrence is one needed word at one position of one field element (a
// paragraph of the body, or the title).
type occurrence struct {
	title bool
	el    int
	pos   uint64
	word  int // index into nearness.need
}

// nearness checks documents for one proximity term. It is built once per
// term, and reuses its buffers from one document to the next, so that the
// check allocates nothing per document: it runs for every candidate.
type nearness struct {
	index map[string]int // each distinct word's place in need
	need  []int          // how often each word must occur
	have  []int
	span  uint64
	occs  []occurrence
}

func newNearness(words []string, span uint64) *nearness {
	n := &nearness{index: map[string]int{}, span: span}
	for _, w := range words {
		i, ok := n.index[w]
		if !ok {
			i = len(n.need)
			n.index[w] = i
			n.need = append(n.need, 0)
		}
		n.need[i]++
	}
	n.have = make([]int, len(n.need))
	return n
}

// near returns the paragraphs of h in which every word (as often as it is
// listed) lies within a stretch of span positions, and whether a title
// holds them so. It reads the term locations as the searcher gathered
// them (h.FieldTermLocations), without building bleve's location maps.
func (n *nearness) near(h *bsearch.DocumentMatch) (paras []int, inTitle bool) {
	n.occs = n.occs[:0]
	for _, ftl := range h.FieldTermLocations {
		w, ok := n.index[ftl.Term]
		if !ok {
			continue
		}
		var title bool
		switch ftl.Field {
		case indexer.FieldTextExact:
		case indexer.FieldTitleExact:
			title = true
		default:
			continue
		}
		el := 0
		if len(ftl.Location.ArrayPositions) > 0 {
			el = int(ftl.Location.ArrayPositions[0])
		}
		n.occs = append(n.occs, occurrence{title: title, el: el, pos: ftl.Location.Pos, word: w})
	}
	slices.SortFunc(n.occs, func(a, b occurrence) int {
		switch {
		case a.title != b.title:
			if a.title {
				return 1
			}
			return -1
		case a.el != b.el:
			return a.el - b.el
		case a.pos != b.pos:
			return cmp.Compare(a.pos, b.pos)
		}
		return a.word - b.word
	})
	for start := 0; start < len(n.occs); {
		end := start + 1
		for end < len(n.occs) && n.occs[end].title == n.occs[start].title && n.occs[end].el == n.occs[start].el {
			end++
		}
		if n.fits(n.occs[start:end]) {
			if n.occs[start].title {
				inTitle = true
			} else {
				paras = append(paras, n.occs[start].el)
			}
		}
		start = end
	}
	return paras, inTitle
}

// fits reports whether some stretch of at most span positions of occs
// (sorted by position) holds every needed word as often as needed: the
// classic minimum-window scan. A word found twice at one position (the
// searcher may report it so) counts once.
func (n *nearness) fits(occs []occurrence) bool {
	clear(n.have)
	missing := 0
	for _, k := range n.need {
		missing += k
	}
	left := 0
	for i, o := range occs {
		if i > 0 && o.pos == occs[i-1].pos && o.word == occs[i-1].word {
			continue
		}
		if n.have[o.word] < n.need[o.word] {
			missing--
		}
		n.have[o.word]++
		for missing == 0 {
			if o.pos-occs[left].pos <= n.span {
				return true
			}
			w := occs[left].word
			n.have[w]--
			if n.have[w] < n.need[w] {
				missing++
			}
			left++
			for left < i && occs[left].pos == occs[left-1].pos && occs[left].word == occs[left-1].word {
				left++ // its twin was never counted
			}
		}
	}
	return false
}
