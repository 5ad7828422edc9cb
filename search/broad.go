package search

import (
	"context"
	"slices"

	"github.com/inquirysearch/inquirysearch/indexer"
	"github.com/inquirysearch/inquirysearch/internal/engine"
)

// broadPage is the deepest result a page asked for by number may reach
// before the search counts as broad: the ranking keeps page × size hits.
const broadPage = 1000

// Broad reports, before running it, whether a search would cost many
// times an ordinary one, as measured at 100,000 paragraphs: one sorted by
// date over many matches (50-60 ms when date sorts walked every match in
// bleve's collector; they now take the ranking pass, and the rule awaits a
// new measurement), a phrase whose words' postings add up to more than the index
// holds documents (it reads their positions: "the council" 13 ms), or a
// page by number past the first thousand results; and any search with a
// distance term (HasDistance). Plain words are not
// broad, however common: the ranking pass walks "the of" in under 10 ms. A
// server runs broad searches in a smaller pool, so that however many
// arrive, ordinary ones keep most of the machine. A request that does not
// validate is not broad: it is refused before it costs anything. Broad
// reads only term counts.
func (s *Searcher) Broad(ctx context.Context, r Request) bool {
	broad, _ := s.Weigh(ctx, r)
	return broad
}

// broad is Broad of a request that validates, whose query is q.
func (s *Searcher) broad(ctx context.Context, r Request, q *Query) bool {
	if q.HasDistance() {
		return true // proximity has its own budget, and is dearer still
	}
	if r.After == "" && r.Page > broadPage/r.Size {
		return true
	}
	byDate := r.Sort != SortRelevance
	if q.Empty() {
		return byDate
	}
	if !slices.ContainsFunc(q.Groups, func(g []Term) bool {
		return slices.ContainsFunc(g, func(t Term) bool { return t.Field == "" && (t.Phrase || byDate) })
	}) {
		return false // no term whose postings the loop below would count
	}
	snap, err := engine.Open(s.idx)
	if err != nil {
		return false
	}
	defer snap.Close()
	docs, err := snap.DocCount()
	if err != nil {
		return false
	}
	for _, g := range q.Groups {
		for _, t := range g {
			if t.Field != "" || (!t.Phrase && !byDate) {
				continue // filters and identifiers read few postings; words are ranked cheaply
			}
			var postings uint64
			for _, w := range s.builder.tokens(indexer.AnalyzerExact, t.Text) {
				n, err := snap.DocFreq(ctx, indexer.FieldTextExact, w)
				if err != nil {
					return false
				}
				postings += n
			}
			if (byDate && postings > docs/4) || postings > docs {
				return true
			}
		}
	}
	return false
}

// Weigh tells a server, before a search runs, what kind of cost it has:
// broad (Broad), and whether it has a distance term, of which a server
// lets one client run one at a time.
// The query is parsed once for both.
func (s *Searcher) Weigh(ctx context.Context, r Request) (broad, distance bool) {
	if r.Validate() != nil {
		return false, false
	}
	q, err := Parse(r.Query)
	if err != nil {
		return false, false
	}
	return s.broad(ctx, r, q), q.HasDistance()
}

// HasDistance reports whether the query has a proximity term ("a b"~N),
// included or excluded.
func (q *Query) HasDistance() bool {
	for _, t := range append(slices.Concat(q.Groups...), q.Exclude...) {
		if t.Within > 0 {
			return true
		}
	}
	return false
}
