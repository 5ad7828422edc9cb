package search

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/indexer"
	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// Searcher answers searches and document lookups over one index. It is safe
// for concurrent use.
type Searcher struct {
	idx       bleve.Index
	closeOnce sync.Once
	closeErr  error
	meta      *indexer.Meta
	builder   builder
	suggester lazySuggester
	empty     emptyBox
	facets    lazyTable
	tune      Tuning
}

// Option changes how a Searcher is set up.
type Option func(*Searcher)

// WithGlossary makes the Searcher expand the acronyms of g instead of
// those of DefaultGlossary; a nil g turns expansion off.
func WithGlossary(g *Glossary) Option {
	return func(s *Searcher) { s.builder = newBuilder(s.idx.Mapping(), g) }
}

// New returns a Searcher over an open index and its build description. The
// index must not change while the Searcher serves it (indexer.Open opens it
// read-only): the facet table and the empty box are read from it once.
func New(idx bleve.Index, meta *indexer.Meta, opts ...Option) *Searcher {
	if meta == nil {
		meta = &indexer.Meta{}
	}
	s := &Searcher{idx: idx, meta: meta, tune: DefaultTuning()}
	s.builder = newBuilder(idx.Mapping(), DefaultGlossary())
	for _, o := range opts {
		o(s)
	}
	// The lexicon's keys take a sort of their own (a third of a second at
	// a million paragraphs): it runs beside Warm's facet table and empty
	// box rather than before them.
	s.suggester.ready = make(chan struct{})
	go func() {
		defer close(s.suggester.ready)
		s.suggester.sg = newSuggester(idx)
	}()
	return s
}

// Info describes the index being searched, as the search layer's callers
// see it.
func (s *Searcher) Info() searchapi.Info {
	m := s.meta
	return searchapi.Info{Version: m.Version, CorpusDigest: m.CorpusDigest, BuiltAt: m.BuiltAt,
		Documents: m.Documents, Paragraphs: m.Paragraphs, Recommendations: m.Recommendations}
}

// The Searcher is the search layer's one implementation.
var _ searchapi.Service = (*Searcher)(nil)

// Search runs one search. Errors wrap ErrInvalidQuery (the request cannot
// be read; the message says why) or ErrUnavailable (the index did not
// answer in time or at all).
func (s *Searcher) Search(ctx context.Context, r Request) (*Result, error) {
	start := time.Now()
	after, err := validate(&r)
	if err != nil {
		return nil, err
	}
	if isEmptyBox(r) {
		return s.empty.get(ctx, s, start)
	}
	return s.search(ctx, r, after, start)
}

// search runs a validated request, from the values after when not nil.
func (s *Searcher) search(ctx context.Context, r Request, after []string, start time.Time) (*Result, error) {
	pr, err := s.prepare(ctx, r)
	if err != nil {
		return nil, err
	}
	parsed, filters, prox, p := pr.parsed, pr.filters, pr.prox, pr.plan
	res, facets, err := s.run(ctx, r, after, p.query, filters, pr.dates, pr.recs, phrasesOnly(parsed))
	if err != nil {
		return nil, err
	}

	out := &Result{
		Query: r.Query, Parsed: parsed.String(), Filters: filters, From: r.From, To: r.To,
		Total: res.Total, Page: r.Page, Size: r.Size, Sort: r.Sort, Expanded: p.expanded,
		Hits: []Hit{}, Facets: map[string][]FacetValue{}, IndexInfo: s.meta.Version,
	}
	out.Next = nextCursor(r, res)
	for _, h := range res.Hits {
		hit, err := toHit(h, prox.keep(h.ID))
		if err != nil {
			return nil, err
		}
		out.Hits = append(out.Hits, hit)
	}
	for _, f := range Facets {
		out.Facets[f] = facets[f]
	}
	if out.Total < DidYouMeanBelow && suggestionsWanted(ctx) {
		out.DidYouMean = s.didYouMean(ctx, r, parsed, out.Total)
	}
	out.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

// prepared is a request read and checked, ready to run.
type prepared struct {
	parsed  *Query
	filters Filters
	dates   *dateRange
	prox    proximities
	plan    plan
	recs    bool // the search asks for recommendation documents
}

// prepare parses a request's query, filters and dates, verifies its
// proximity terms and builds its scoring query.
func (s *Searcher) prepare(ctx context.Context, r Request) (*prepared, error) {
	parsed, err := Parse(r.Query)
	if err != nil {
		return nil, err
	}
	filters := r.Filters // normalised by Validate
	dates, err := requestDates(r.From, r.To)
	if err != nil {
		return nil, err
	}
	prox, err := s.proximities(ctx, parsed)
	if err != nil {
		return nil, err
	}
	return &prepared{parsed: parsed, filters: filters, dates: dates, prox: prox,
		plan: s.builder.build(parsed, !r.NoExpand, prox), recs: asksForRecommendations(parsed, filters)}, nil
}

// run runs a search and counts its facets: the facets with no selected
// value over the search's matches, and each facet with a selected value
// without that filter, so that its other values stay visible with their
// counts and a person can widen the selection. Searches in relevance order
// go to the ranking pass (rank.go); the others to bleve's collector, with
// the counting passes alongside.
func (s *Searcher) run(ctx context.Context, r Request, after []string, scoring query.Query, filters Filters, dates *dateRange, recs, phrases bool) (*bleve.SearchResult, map[string][]FacetValue, error) {
	if r.Sort == SortRelevance {
		return s.runRanked(ctx, r, after, scoring, filters, dates, recs)
	}
	// Recommendation documents repeat paragraphs of their report pages, so
	// a search shows them only when it asks for that type. Facets count
	// what the search shows, the type facet included, so that choosing one
	// type never makes another appear in the facet.
	main := searchFilter(filters, dates, "", recs).apply(scoring)
	req := bleve.NewSearchRequestOptions(main, r.Size, (r.Page-1)*r.Size, false)
	req.SortByCustom(sortOrder(r.Sort))
	continueAfter(req, after)
	if phrases {
		// A phrase's searcher reads its words' positions to match at all,
		// so gathering them costs little more: one search does.
		req.Fields = []string{indexer.FieldSource}
		req.IncludeLocations = true
	}
	passes := []countPass{{query: main}}
	for _, f := range Facets {
		fc := searchFacet(f)
		if len(filters[f]) > 0 {
			passes = append(passes, countPass{query: searchFilter(filters, dates, f, recs).apply(scoring), facets: []facetCount{fc}})
		} else {
			passes[0].facets = append(passes[0].facets, fc)
		}
	}
	wait := s.countAll(ctx, passes)
	res, err := s.idx.SearchInContext(ctx, req)
	if err == nil && !phrases {
		err = s.detail(ctx, main, res)
	}
	facets, countErr := wait()
	if err == nil {
		err = countErr
	}
	if err != nil {
		return nil, nil, unavailable(ctx, err)
	}
	return res, facets, nil
}

// phrasesOnly reports whether every term a query asks for is a phrase or
// a proximity search.
func phrasesOnly(q *Query) bool {
	if len(q.Groups) == 0 {
		return false
	}
	for _, g := range q.Groups {
		for _, t := range g {
			if !t.Phrase && t.Within == 0 {
				return false
			}
		}
	}
	return true
}

// detail fills in the stored document and the term locations of the hits
// of one page. The main search asks for neither: bleve gathers locations
// for every match, not only for the page it returns, and for a common word
// that was over two fifths of a search's time. A second search of the same
// query restricted to the page's documents gathers them for those alone.
func (s *Searcher) detail(ctx context.Context, q query.Query, res *bleve.SearchResult) error {
	if len(res.Hits) == 0 {
		return nil
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(bleve.NewDocIDQuery(ids), q), len(ids), 0, false)
	req.Fields = []string{indexer.FieldSource}
	req.IncludeLocations = true
	req.Score = "none"
	more, err := s.idx.SearchInContext(ctx, req)
	if err != nil {
		return err
	}
	byID := make(map[string]*bsearch.DocumentMatch, len(more.Hits))
	for _, h := range more.Hits {
		byID[h.ID] = h
	}
	for _, h := range res.Hits {
		if d, ok := byID[h.ID]; ok {
			h.Fields, h.Locations = d.Fields, d.Locations
		}
	}
	return nil
}

// restriction is the non-scoring part of a search: what its documents
// must match and what they must not.
type restriction struct {
	filter, exclude query.Query
}

// searchFilter is the restriction of a search: its filters but the facet
// named skip, its dates, and (unless the search asks for them) no
// recommendation documents.
func searchFilter(filters Filters, dates *dateRange, skip string, recs bool) restriction {
	f := filterQuery(filters, skip)
	if dates != nil {
		f = and(f, dates.query())
	}
	r := restriction{filter: f}
	if !recs {
		r.exclude = recommendations
	}
	return r
}

// apply restricts q. Recommendations are left out with a must-not clause
// rather than a filter: as a filter, "every document but recommendations"
// walked every document beside each match, a sixth of a common word's
// search; a must-not clause only skips the few recommendations.
func (r restriction) apply(q query.Query) query.Query {
	if r.filter == nil && r.exclude == nil {
		return q
	}
	bq := bleve.NewBooleanQuery()
	bq.AddMust(q)
	if r.filter != nil {
		bq.AddFilter(r.filter)
	}
	if r.exclude != nil {
		bq.AddMustNot(r.exclude)
	}
	return bq
}

// asksForRecommendations reports whether a search names the recommendation
// type, as a filter or as type: in the query.
func asksForRecommendations(q *Query, filters Filters) bool {
	want := string(corpus.TypeRecommendation)
	if slices.Contains(filters[FacetType], want) {
		return true
	}
	for _, g := range q.Groups {
		for _, t := range g {
			if t.Field == FacetType && t.Text == want {
				return true
			}
		}
	}
	return false
}

func unavailable(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("%w: the search took too long", ErrUnavailable)
	}
	return fmt.Errorf("%w: %v", ErrUnavailable, err)
}

// and joins two filters, either of which may be nil.
func and(a, b query.Query) query.Query {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	}
	return bleve.NewConjunctionQuery(a, b)
}

// recommendations matches the recommendation documents, which most
// searches leave out.
var recommendations = typeTerm(corpus.TypeRecommendation)

func withFilter(q, filter query.Query) query.Query {
	return restriction{filter: filter}.apply(q)
}

// sortOrder returns the bleve sort for a sort name. Every order ends with
// the document id, so equal keys still give one stable order.
func sortOrder(name string) bsearch.SortOrder {
	byDate := func(desc bool) *bsearch.SortField {
		return &bsearch.SortField{Field: indexer.FieldPublished, Desc: desc,
			Type: bsearch.SortFieldAsDate, Missing: bsearch.SortFieldMissingLast}
	}
	id := &bsearch.SortDocID{}
	switch name {
	case SortNewest:
		return bsearch.SortOrder{byDate(true), &bsearch.SortScore{Desc: true}, id}
	case SortOldest:
		return bsearch.SortOrder{byDate(false), &bsearch.SortScore{Desc: true}, id}
	}
	return bsearch.SortOrder{&bsearch.SortScore{Desc: true}, id}
}

// facetValues returns a bleve facet's values in display order.
func facetValues(facet string, fr *bsearch.FacetResult) []FacetValue {
	out := []FacetValue{}
	if fr == nil || fr.Terms == nil {
		return out
	}
	for _, t := range fr.Terms.Terms() {
		out = append(out, FacetValue{Value: t.Term, Count: t.Count})
	}
	return displayOrder(facet, out)
}

// displayOrder sorts a facet's values as pages show them: years newest
// first, other facets by count, then alphabetically.
func displayOrder(facet string, out []FacetValue) []FacetValue {
	sort.SliceStable(out, func(i, j int) bool {
		if facet == FacetYear {
			return out[i].Value > out[j].Value
		}
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	return out
}

// Document returns one document by id. Errors wrap ErrNotFound or
// ErrUnavailable.
func (s *Searcher) Document(ctx context.Context, id string) (*corpus.Document, error) {
	if !corpus.ValidID(id) {
		return nil, searchapi.NotFound("no document has that id")
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery([]string{id}), 1, 0, false)
	req.Fields = []string{indexer.FieldSource}
	res, err := s.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, unavailable(ctx, err)
	}
	if len(res.Hits) == 0 {
		return nil, searchapi.NotFound("no document has the id " + id)
	}
	return sourceOf(res.Hits[0])
}

// TypeCounts returns how many documents of each type the index holds,
// recommendations included. Errors wrap ErrUnavailable.
func (s *Searcher) TypeCounts(ctx context.Context) (map[string]int, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 0, 0, false)
	req.Score = "none"
	req.AddFacet(FacetType, bleve.NewFacetRequest(indexer.FieldType, len(corpus.Types)+10))
	res, err := s.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, unavailable(ctx, err)
	}
	out := map[string]int{}
	for _, v := range facetValues(FacetType, res.Facets[FacetType]) {
		out[v.Value] = v.Count
	}
	return out, nil
}

// Close releases the index. It is safe to call more than once (bleve's
// own Close is not).
func (s *Searcher) Close() error {
	s.closeOnce.Do(func() {
		<-s.suggester.ready // it reads the index
		if err := s.idx.Close(); err != nil && !errors.Is(err, bleve.ErrorIndexClosed) {
			s.closeErr = fmt.Errorf("close index: %w", err)
		}
	})
	return s.closeErr
}
