package search

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/inquirysearch/inquirysearch/internal/engine"
)

// A same-paragraph search (para:(...) in the query, or scope=paragraph)
// is answered as a proximity term is, in two steps: the documents that
// match the whole search are listed, then each group's matches in them
// are read with their locations, and a document is kept only where one
// paragraph holds a match of every group. The main search then runs
// restricted to the kept documents, counting their kept paragraphs.

// paragraphScope is the verified answer to a same-paragraph search.
type paragraphScope struct {
	paras  map[string]map[int]bool // by document id, the paragraphs where every group matches
	counts map[uint64]int          // by document number, how many there are
}

// query restricts the main search to the documents kept.
func (ps *paragraphScope) query() query.Query {
	if len(ps.paras) == 0 {
		return bleve.NewMatchNoneQuery()
	}
	ids := make([]string, 0, len(ps.paras))
	for id := range ps.paras {
		ids = append(ids, id)
	}
	return bleve.NewDocIDQuery(ids)
}

// keep limits a hit's matches to its kept paragraphs, and to those the
// proximity test (prox, when not nil) keeps.
func (ps *paragraphScope) keep(id string, prox func(field, term string, para int) bool) func(field, term string, para int) bool {
	if ps == nil {
		return prox
	}
	allowed := ps.paras[id]
	return func(field, term string, para int) bool {
		return allowed[para] && (prox == nil || prox(field, term, para))
	}
}

// scopedGroups returns the indices of q's groups that must share a
// paragraph: those marked para:(...), or every group with all. A group
// with a filter (type:, published: and the like) is the document's, not a
// paragraph's, and is left to the main search.
func scopedGroups(q *Query, all bool) []int {
	var out []int
	for i, g := range q.Groups {
		if !all && !g[0].Para {
			continue
		}
		docLevel := false
		for _, t := range g {
			docLevel = docLevel || (t.Field != "" && t.Field != FieldURN && t.Field != FieldCipher)
		}
		if !docLevel {
			out = append(out, i)
		}
	}
	return out
}

// paragraphScope verifies a same-paragraph search. whole is the search's
// query (its filters aside); groups are the indices of q's groups that
// must share a paragraph. The documents whole matches are at most
// MaxProximityCandidates, or the search is refused with advice: each
// group's locations are read in those documents only, and each walk
// stops at the deadline.
func (s *Searcher) paragraphScope(ctx context.Context, q *Query, groups []int, expand bool, prox proximities, whole query.Query) (*paragraphScope, error) {
	r, err := engine.Open(s.idx)
	if err != nil {
		return nil, unavailable(ctx, err)
	}
	defer r.Close()
	idOf := map[uint64]string{}
	err = r.EachMatch(ctx, whole, false, 0, math.MaxUint64, func(num uint64, _ float64) error {
		if len(idOf) >= s.tune.MaxProximityCandidates {
			return invalidf(fmt.Sprintf("more than %d documents hold these words: add a word or a filter to search within one paragraph", s.tune.MaxProximityCandidates))
		}
		id, err := r.ExternalID(num)
		idOf[num] = id
		return err
	})
	if errors.Is(err, ErrInvalidQuery) {
		return nil, err
	}
	if err != nil {
		return nil, unavailable(ctx, err)
	}
	var alive map[uint64]map[int]bool // after each group, the paragraphs every group so far matches
	for k, gi := range groups {
		ids := make([]string, 0, len(idOf))
		for num, id := range idOf {
			if k == 0 || alive[num] != nil {
				ids = append(ids, id)
			}
		}
		if len(ids) == 0 {
			break
		}
		gq := s.builder.build(&Query{Groups: [][]Term{q.Groups[gi]}}, expand, prox).query
		next := map[uint64]map[int]bool{}
		err := r.EachLocated(ctx, bleve.NewConjunctionQuery(bleve.NewDocIDQuery(ids), gq), func(num uint64, h *bsearch.DocumentMatch) error {
			for i := range locatedParagraphs(h, prox.keep(idOf[num])) {
				if k == 0 || alive[num][i] {
					if next[num] == nil {
						next[num] = map[int]bool{}
					}
					next[num][i] = true
				}
			}
			return nil
		})
		if err != nil {
			return nil, unavailable(ctx, err)
		}
		alive = next
	}
	out := &paragraphScope{paras: map[string]map[int]bool{}, counts: map[uint64]int{}}
	for num, paras := range alive {
		out.paras[idOf[num]] = paras
		out.counts[num] = len(paras)
	}
	return out, nil
}

// locatedParagraphs returns the paragraphs (array positions of the
// paragraph fields) where a match has locations that keep, if not nil,
// keeps. EachLocated gives them as FieldTermLocations.
func locatedParagraphs(h *bsearch.DocumentMatch, keep func(field, term string, para int) bool) map[int]bool {
	out := map[int]bool{}
	for _, ftl := range h.FieldTermLocations {
		if !slices.Contains(paragraphFields, ftl.Field) || len(ftl.Location.ArrayPositions) == 0 {
			continue
		}
		i := int(ftl.Location.ArrayPositions[0])
		if keep == nil || keep(ftl.Field, ftl.Term, i) {
			out[i] = true
		}
	}
	return out
}
