package engine

import (
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
)

// SplitsExactly reports whether q scores every document the same however
// its matches are walked. A disjunction of more than bleve's heap takeover
// adds its clauses' scores in the order of its heap, which depends on where
// the walk started, and that changes the last bits of a score; so do the
// many-term searchers of ranges and wildcards. Such queries, and any kind
// not known here, are walked whole, so that their pages and cursors agree
// with bleve's own order.
func SplitsExactly(q query.Query) bool {
	switch q := q.(type) {
	case *query.TermQuery, *query.MatchQuery, *query.MatchPhraseQuery, *query.PhraseQuery,
		*query.MatchAllQuery, *query.MatchNoneQuery, *query.DocIDQuery:
		return true
	case OwnLocations:
		return SplitsExactly(q.Query)
	case bodyPhraseQuery:
		return SplitsExactly(q.exact)
	case *query.ConjunctionQuery:
		return allSplitExactly(q.Conjuncts)
	case *query.DisjunctionQuery:
		return len(q.Disjuncts) <= searcher.DisjunctionHeapTakeover && allSplitExactly(q.Disjuncts)
	case *query.BooleanQuery:
		// Must-not and filter clauses are not scored: their searchers'
		// order changes nothing.
		for _, part := range []query.Query{q.Must, q.Should} {
			if part != nil && !SplitsExactly(part) {
				return false
			}
		}
		return true
	}
	return false
}

func allSplitExactly(qs []query.Query) bool {
	for _, q := range qs {
		if !SplitsExactly(q) {
			return false
		}
	}
	return true
}
