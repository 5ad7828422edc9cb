package search

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
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
	words     lazyWords
	empty     emptyBox
	facets    lazyTable
	examples  lazyExamples
	tune      Tuning
	ranking   atomic.Int32 // searches in their ranking pass
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
	s.words.done = make(chan struct{}) // the words are read once warm (Warm)
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
		return s.empty.get(ctx, s, r, start)
	}
	return s.search(ctx, r, after, start)
}

// search runs a validated request, from the cursor's position after when
// not nil: it is compiled once into a plan, ranked in one pass, and the
// page's hits are fetched in one search.
func (s *Searcher) search(ctx context.Context, r Request, after *rankAfter, start time.Time) (*Result, error) {
	p, err := s.compile(ctx, r, after)
	if err != nil {
		return nil, err
	}
	pg, err := s.rank(ctx, p.spec)
	if err != nil {
		return nil, unavailable(ctx, err)
	}
	// A correction needs only the total: it is looked for beside the
	// fetch, on the other core, rather than after it.
	var didYouMean string
	var looked sync.WaitGroup
	if pg.total < DidYouMeanBelow && suggestionsWanted(ctx) {
		looked.Go(func() { didYouMean = s.didYouMean(ctx, r, p.parsed, pg.total) })
	}
	var hits []Hit
	if r.Hits == HitsIDs {
		hits = idHits(pg.hits)
	} else {
		hits, err = s.fetch(ctx, p, pg.hits)
	}
	looked.Wait()
	if err != nil {
		return nil, err
	}
	out := &Result{
		Query: r.Query, Parsed: p.parsed.String(), Filters: r.Filters, From: r.From, To: r.To,
		Total: pg.total, Page: r.Page, Size: r.Size, Sort: r.Sort, Expanded: p.expanded,
		Hits: hits, Facets: map[string][]FacetValue{}, IndexInfo: s.meta.Version,
	}
	if p.scope != nil {
		out.Scope, out.ParagraphTotal = ScopeParagraph, pg.paragraphs
	}
	out.Next = nextCursor(r, p.spec.order, pg)
	for _, f := range Facets {
		if r.CountsFacet(f) {
			out.Facets[f] = pg.facets[f]
		}
	}
	out.DidYouMean = didYouMean
	out.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

// asksForRecommendations reports whether a search names the recommendation
// type, as a filter or as type: in the query.
func asksForRecommendations(q *Query, filters Filters) bool {
	return asksForType(q, filters, corpus.TypeRecommendation)
}

// asksForType reports whether a search names a document type, as a filter
// or as type: in the query.
func asksForType(q *Query, filters Filters, typ corpus.Type) bool {
	want := string(typ)
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

// splitTestimony marks, in indexer.FieldSplit, a transcript whose turns are
// indexed as testimony documents.
const splitTestimony = "testimony"

// splitTranscripts matches the transcripts whose turns are indexed as
// testimony documents.
var splitTranscripts = func() query.Query {
	tq := bleve.NewTermQuery(splitTestimony)
	tq.SetField(indexer.FieldSplit)
	return tq
}()

// withFilter restricts q to the documents filter matches, unscored.
func withFilter(q, filter query.Query) query.Query {
	if filter == nil {
		return q
	}
	bq := bleve.NewBooleanQuery()
	bq.AddMust(q)
	bq.AddFilter(filter)
	return bq
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
		<-s.suggester.ready // they read the index
		s.words.stop()
		if err := s.idx.Close(); err != nil && !errors.Is(err, bleve.ErrorIndexClosed) {
			s.closeErr = fmt.Errorf("close index: %w", err)
		}
	})
	return s.closeErr
}
