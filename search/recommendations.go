package search

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/indexer"
	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// MaxRecommendations bounds one recommendations list. The inquiry made
// about a hundred; a list is not paged.
const MaxRecommendations = 2000

// Recommendations lists recommendations with counts by recipient, report
// and investigation; each facet is counted without its own filter, so its
// other values stay visible. Errors wrap ErrInvalidQuery or ErrUnavailable.
func (s *Searcher) Recommendations(ctx context.Context, r RecommendationsRequest) (*RecommendationList, error) {
	parsed, err := Parse(r.Query)
	if err != nil {
		return nil, err
	}
	filters, err := recommendationFilters(r)
	if err != nil {
		return nil, err
	}
	t, err := s.table()
	if err != nil {
		return nil, unavailable(ctx, err)
	}
	// The same pass as a search's: the filters are checked in the facet
	// table, and each facet is counted over the matches of every filter
	// but its own.
	spec := rankSpec{
		query: withFilter(s.builder.build(parsed, true, proximities{}).query, typeTerm(corpus.TypeRecommendation)),
		order: orderOf(SortRelevance), k: MaxRecommendations,
	}
	if spec.filters, err = t.filters(recFacets, RecommendationFacets, filters); err != nil {
		return nil, unavailable(ctx, err)
	}
	for _, f := range RecommendationFacets {
		if len(filters[f]) == 0 {
			spec.facets = append(spec.facets, recFacets[f])
		}
	}
	pg, err := s.rank(ctx, spec)
	if err != nil {
		return nil, unavailable(ctx, err)
	}
	out := &RecommendationList{Query: r.Query, Parsed: parsed.String(), Filters: filters,
		Recommendations: []RecommendationItem{}, Facets: pg.facets, IndexVersion: s.meta.Version}
	if out.Recommendations, err = s.recommendationItems(ctx, pg.hits); err != nil {
		return nil, err
	}
	if err := s.attachResponses(ctx, out.Recommendations, time.Now()); err != nil {
		return nil, err
	}
	out.Recommendations = responseFacets(out, filters)
	out.Total = len(out.Recommendations)
	return out, nil
}

// recommendationItems reads the ranked recommendations' stored documents
// and lists them as the inquiry numbered them: by report, then number.
func (s *Searcher) recommendationItems(ctx context.Context, hits []*rankedHit) ([]RecommendationItem, error) {
	out := make([]RecommendationItem, 0, len(hits))
	if len(hits) == 0 {
		return out, nil
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.id
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = []string{indexer.FieldSource}
	req.Score = "none"
	res, err := s.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, unavailable(ctx, err)
	}
	if len(res.Hits) != len(ids) {
		return nil, fmt.Errorf("%w: %d recommendations were ranked but %d could be read", ErrUnavailable, len(ids), len(res.Hits))
	}
	for _, h := range res.Hits {
		item, err := recommendationItem(h)
		if err != nil {
			return nil, err
		}
		out = append(out, item)
	}
	slices.SortFunc(out, func(a, b RecommendationItem) int {
		switch {
		case a.Report == "" && b.Report != "":
			return 1 // a recommendation of no report last
		case b.Report == "" && a.Report != "":
			return -1
		}
		return cmp.Or(strings.Compare(a.Report, b.Report), cmp.Compare(a.Number, b.Number), strings.Compare(a.ID, b.ID))
	})
	return out, nil
}

// attachResponses gives each recommendation its responses, its status and
// its overdue recipients, as of now.
func (s *Searcher) attachResponses(ctx context.Context, items []RecommendationItem, now time.Time) error {
	req := bleve.NewSearchRequestOptions(typeTerm(corpus.TypeResponse), MaxRecommendations*4, 0, false)
	req.Fields = []string{indexer.FieldSource}
	req.SortBy([]string{indexer.FieldPublished, "_id"})
	res, err := s.idx.SearchInContext(ctx, req)
	if err != nil {
		return unavailable(ctx, err)
	}
	type key struct {
		report string
		number int
	}
	byRec := map[key][]ResponseItem{}
	for _, h := range res.Hits {
		raw, _ := h.Fields[indexer.FieldSource].(string)
		var d corpus.Document
		if err := json.Unmarshal([]byte(raw), &d); err != nil || d.Response == nil {
			continue
		}
		r := d.Response
		k := key{indexer.FoldKey(r.Report), r.Recommendation}
		byRec[k] = append(byRec[k], ResponseItem{Recipient: indexer.CanonicalRecipient(r.Recipient), Date: r.Date,
			Status: r.Status, Source: r.Source, Summary: r.Summary, URL: d.URL, DocumentID: d.ID})
	}
	for i := range items {
		it := &items[i]
		it.Responses = byRec[key{indexer.FoldKey(it.Report), it.Number}]
		if it.Responses == nil {
			it.Responses = []ResponseItem{}
		}
		latest := map[string]string{}
		for _, r := range it.Responses { // oldest first: the last one stands
			latest[indexer.FoldKey(r.Recipient)] = r.Status
		}
		var statuses []string
		for _, rc := range it.Recipients {
			st, ok := latest[indexer.FoldKey(rc)]
			if !ok {
				st = corpus.StatusNoResponse
				if due(it.Published, now) {
					it.Overdue = append(it.Overdue, rc)
				}
			}
			statuses = append(statuses, st)
		}
		if len(it.Recipients) == 0 {
			for _, st := range latest {
				statuses = append(statuses, st)
			}
		}
		it.Status = corpus.CombineStatuses(statuses)
	}
	return nil
}

// responseFacets counts the status and overdue facets of a list, each
// without its own filter, and returns the recommendations that pass both.
func responseFacets(out *RecommendationList, filters Filters) []RecommendationItem {
	statusOK := func(it RecommendationItem) bool {
		return len(filters[FacetStatus]) == 0 || slices.Contains(filters[FacetStatus], it.Status)
	}
	overdueOK := func(it RecommendationItem) bool { return len(filters[FacetOverdue]) == 0 || len(it.Overdue) > 0 }
	statuses := map[string]int{}
	overdue := 0
	kept := []RecommendationItem{}
	for _, it := range out.Recommendations {
		if overdueOK(it) {
			statuses[it.Status]++
		}
		if statusOK(it) && len(it.Overdue) > 0 {
			overdue++
		}
		if statusOK(it) && overdueOK(it) {
			kept = append(kept, it)
		}
	}
	out.Facets[FacetStatus] = []FacetValue{}
	for _, st := range corpus.Statuses {
		if statuses[st] > 0 {
			out.Facets[FacetStatus] = append(out.Facets[FacetStatus], FacetValue{Value: st, Count: statuses[st]})
		}
	}
	out.Facets[FacetOverdue] = []FacetValue{}
	if overdue > 0 {
		out.Facets[FacetOverdue] = append(out.Facets[FacetOverdue], FacetValue{Value: searchapi.OverdueValue, Count: overdue})
	}
	return kept
}

// due reports whether a response to a report published on date is overdue
// at now.
func due(published string, now time.Time) bool {
	t, err := time.Parse("2006-01-02", published)
	return err == nil && now.After(t.AddDate(0, searchapi.ResponseDueMonths, 0))
}

// recommendationFilters checks the request's filters and puts recipients
// under their canonical names.
func recommendationFilters(r RecommendationsRequest) (Filters, error) {
	f, err := Filters{FacetRecipient: r.Recipients, FacetReport: r.Reports, FacetInvestigation: r.Investigations, FacetStatus: r.Statuses}.NormaliseRecommendations()
	if r.Overdue {
		f[FacetOverdue] = []string{searchapi.OverdueValue}
	}
	if err != nil {
		return nil, err
	}
	for i, v := range f[FacetRecipient] {
		f[FacetRecipient][i] = indexer.CanonicalRecipient(v)
	}
	return f.NormaliseRecommendations() // again: two names may be one recipient
}

func typeTerm(t corpus.Type) query.Query {
	tq := bleve.NewTermQuery(string(t))
	tq.SetField(indexer.FieldType)
	return tq
}

func recommendationItem(h *bsearch.DocumentMatch) (RecommendationItem, error) {
	raw, ok := h.Fields[indexer.FieldSource].(string)
	if !ok {
		return RecommendationItem{}, fmt.Errorf("%w: recommendation %s has no stored source", ErrUnavailable, h.ID)
	}
	var r indexer.RecommendationDocument
	if err := json.Unmarshal([]byte(raw), &r); err != nil {
		return RecommendationItem{}, fmt.Errorf("%w: recommendation %s: %v", ErrUnavailable, h.ID, err)
	}
	var texts []string
	for _, p := range r.Paragraphs {
		if !p.Heading {
			texts = append(texts, p.Text)
		}
	}
	page := r.Document
	page.ID, page.Title = r.Recommendation.DocumentID, r.Recommendation.PageTitle
	item := RecommendationItem{
		ID: r.ID, Number: r.Recommendation.Number, Title: r.Recommendation.Title,
		Recipients: r.Recommendation.Recipients, Report: r.Report, Investigation: r.Investigation,
		Section: r.Section, Published: r.Published, Text: strings.Join(texts, "\n\n"),
		DocumentID: r.Recommendation.DocumentID, Citation: searchapi.Cite(&page, r.Recommendation.Paragraph),
	}
	if item.Recipients == nil {
		item.Recipients = []string{}
	}
	return item, nil
}
