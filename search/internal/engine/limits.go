package engine

import "github.com/blevesearch/bleve/v2/search/searcher"

// MaxClauses bounds how many terms one query may expand to (an evidence
// prefix, a fuzzy correction): past it bleve refuses the query instead of
// walking its whole dictionary, and the search fails as unavailable rather
// than exhausting memory.
const MaxClauses = 10000

func init() {
	// bleve's default is 0, no limit at all.
	if searcher.DisjunctionMaxClauseCount == 0 || searcher.DisjunctionMaxClauseCount > MaxClauses {
		searcher.DisjunctionMaxClauseCount = MaxClauses
	}
}
