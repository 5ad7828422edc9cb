package search

import (
	"slices"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
)

// afterValues returns the values to search after a hit in order. bleve
// records a hit's score in its sort values as the placeholder "_score",
// and search_after would read that as a score of 0, skipping every hit
// that scores more; so each score position gets the hit's score, written
// in the shortest form that parses back to the same float64. The other
// values are the hit's own.
func afterValues(order bsearch.SortOrder, h *bsearch.DocumentMatch) []string {
	out := slices.Clone(h.Sort)
	for i, s := range order {
		if s.RequiresScoring() {
			out[i] = strconv.FormatFloat(h.Score, 'g', -1, 64)
		}
	}
	return out
}

// continueAfter makes req return the hits that follow the values after
// in its order, from the first; a nil after leaves req as it is.
//
// A date's sort value is prefix-coded, and a document without a date has
// a sentinel instead (bleve's LowTerm or HighTerm). search_after on a
// date field expects RFC 3339 text, which the sentinels have no form in,
// so the fields are sorted as SortFieldAuto instead: for a date field
// that picks the very same values, and it takes search_after values as
// they are, as the hits carry them.
func continueAfter(req *bleve.SearchRequest, after []string) {
	if after == nil {
		return
	}
	order := req.Sort.Copy()
	for _, s := range order {
		if f, ok := s.(*bsearch.SortField); ok && f.Type == bsearch.SortFieldAsDate {
			f.Type = bsearch.SortFieldAuto
		}
	}
	req.Sort, req.From, req.SearchAfter = order, 0, after
}
