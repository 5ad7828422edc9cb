package search

import (
	"context"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/indexer"
)

// plan is one search compiled: what the ranking pass walks, keeps and
// counts (spec), and what the fetch needs to make the page's hits. A
// search is parsed once and compiled once into one plan.
type plan struct {
	parsed   *Query
	expanded []Expansion
	prox     proximities // the verified proximity terms, whose paragraphs the fetch keeps
	spec     rankSpec
	passages passageLimit    // how many of a hit's matched paragraphs it carries
	scope    *paragraphScope // of a same-paragraph search, its verified paragraphs
}

// compile parses a validated request, verifies its proximity terms, and
// builds its plan; after is the cursor's position, nil from the first
// result. Errors wrap ErrInvalidQuery or ErrUnavailable.
func (s *Searcher) compile(ctx context.Context, r Request, after *rankAfter) (*plan, error) {
	parsed, err := Parse(r.Query)
	if err != nil {
		return nil, err
	}
	dates, err := requestDates(r.From, r.To)
	if err != nil {
		return nil, err
	}
	prox, err := s.proximities(ctx, parsed)
	if err != nil {
		return nil, err
	}
	t, err := s.table()
	if err != nil {
		return nil, unavailable(ctx, err)
	}
	sc := s.builder.build(parsed, !r.NoExpand, prox)
	// What the index holds none of needs no clause to leave it out: each
	// clause wraps the search in a searcher that every match goes through.
	recs := asksForRecommendations(parsed, r.Filters) || !t.holds(indexer.FieldType, string(corpus.TypeRecommendation))
	transcripts := asksForType(parsed, r.Filters, corpus.TypeTranscript) || !t.holds(indexer.FieldSplit, splitTestimony)
	spec := rankSpec{
		query: restrict(sc.query, dates, recs, transcripts),
		order: orderOf(r.Sort), after: after,
	}
	if after == nil {
		spec.from = (r.Page - 1) * r.Size
	}
	spec.k = spec.from + r.Size
	if spec.filters, err = t.filters(searchFacets, Facets, r.Filters); err != nil {
		return nil, unavailable(ctx, err)
	}
	for i := range spec.filters {
		spec.filters[i].counted = r.CountsFacet(spec.filters[i].facet.name)
	}
	for _, f := range Facets {
		if len(r.Filters[f]) == 0 && r.CountsFacet(f) {
			spec.facets = append(spec.facets, searchFacets[f])
		}
	}
	var scope *paragraphScope
	if groups := scopedGroups(parsed, r.Scope == ScopeParagraph); len(groups) > 0 {
		if scope, err = s.paragraphScope(ctx, parsed, groups, !r.NoExpand, prox, spec.query); err != nil {
			return nil, err
		}
		spec.query = bleve.NewConjunctionQuery(scope.query(), spec.query)
		spec.weight = scope.counts
	}
	return &plan{parsed: parsed, expanded: sc.expanded, prox: prox, spec: spec, scope: scope}, nil
}

// restrict adds to a search's scoring query what its documents must match
// apart from the facet filters: its dates, and no recommendation documents
// unless it asks for them (recs). Those repeat paragraphs of their report
// pages, so a search shows them only when it asks for that type; facets
// count what the search shows, the type facet included, so that choosing
// one type never makes another appear in the facet.
//
// Recommendations are left out with a must-not clause rather than a
// filter: as a filter, "every document but recommendations" walked every
// document beside each match, a sixth of a common word's search; a
// must-not clause only skips the few recommendations.
//
// A transcript split into testimony documents is left out the same way
// unless the search asks for transcripts (whole): its turns are found in
// the testimonies, one hit per speaker and sitting, which the speaker,
// hearing and role facets count.
func restrict(q query.Query, dates *dateRange, recs, transcripts bool) query.Query {
	if dates == nil && recs && transcripts {
		return q
	}
	bq := bleve.NewBooleanQuery()
	bq.AddMust(q)
	if dates != nil {
		bq.AddFilter(dates.query())
	}
	if !recs {
		bq.AddMustNot(recommendations)
	}
	if !transcripts {
		bq.AddMustNot(splitTranscripts)
	}
	return bq
}
