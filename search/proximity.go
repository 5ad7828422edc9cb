package search

import (
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
	span := uint64(t.Within + len(words) - 2)
	n := 0
	err := r.EachLocated(ctx, cand, func(num uint64, h *bsearch.DocumentMatch) error {
		if n++; n > s.tune.MaxProximityCandidates {
			return invalidf(fmt.Sprintf("the words of %s are in more than %d documents: add a word or a filter to search within a distance", t, s.tune.MaxProximityCandidates))
		}
		paras, inTitle := near(h, words, span)
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

// occurrence is one word at one position.
type occurrence struct {
	pos  uint64
	word string
}

// near returns the paragraphs of h in which every word (as often as it is
// listed) lies within a stretch of span positions, and whether a title
// holds them so.
func near(h *bsearch.DocumentMatch, words []string, span uint64) (paras []int, inTitle bool) {
	need := map[string]int{}
	for _, w := range words {
		need[w]++
	}
	for _, field := range []string{indexer.FieldTextExact, indexer.FieldTitleExact} {
		byElement := map[int][]occurrence{}
		for word, locs := range h.Locations[field] {
			if need[word] == 0 {
				continue
			}
			for _, l := range locs {
				el := 0
				if len(l.ArrayPositions) > 0 {
					el = int(l.ArrayPositions[0])
				}
				byElement[el] = append(byElement[el], occurrence{pos: l.Pos, word: word})
			}
		}
		for el, occs := range byElement {
			if !fits(occs, need, span) {
				continue
			}
			if field == indexer.FieldTitleExact {
				inTitle = true
			} else {
				paras = append(paras, el)
			}
		}
	}
	sort.Ints(paras)
	return paras, inTitle
}

// fits reports whether some stretch of at most span positions holds every
// needed word as often as needed: the classic minimum-window scan over the
// occurrences in position order.
func fits(occs []occurrence, need map[string]int, span uint64) bool {
	sort.Slice(occs, func(i, j int) bool { return occs[i].pos < occs[j].pos })
	have := map[string]int{}
	missing := 0
	for _, n := range need {
		missing += n
	}
	left := 0
	for _, o := range occs {
		if have[o.word] < need[o.word] {
			missing--
		}
		have[o.word]++
		for missing == 0 {
			if o.pos-occs[left].pos <= span {
				return true
			}
			w := occs[left].word
			have[w]--
			if have[w] < need[w] {
				missing++
			}
			left++
		}
	}
	return false
}
