package search

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/indexer"
)

// Searcher answers searches and document lookups over one index. It is safe
// for concurrent use.
type Searcher struct {
	idx       bleve.Index
	closeOnce sync.Once
	closeErr  error
	meta      *indexer.Meta
	builder   builder
}

// New returns a Searcher over an open index and its build description.
func New(idx bleve.Index, meta *indexer.Meta) *Searcher {
	if meta == nil {
		meta = &indexer.Meta{}
	}
	return &Searcher{idx: idx, meta: meta, builder: builder{mapping: idx.Mapping()}}
}

// Meta describes the index being searched.
func (s *Searcher) Meta() indexer.Meta { return *s.meta }

// Search runs one search. Errors wrap ErrInvalidQuery (the request cannot
// be read; the message says why) or ErrUnavailable (the index did not
// answer in time or at all).
func (s *Searcher) Search(ctx context.Context, r Request) (*Result, error) {
	start := time.Now()
	if err := r.validate(); err != nil {
		return nil, err
	}
	parsed, err := Parse(r.Query)
	if err != nil {
		return nil, err
	}
	filters, err := r.Filters.normalise()
	if err != nil {
		return nil, err
	}
	scoring := s.builder.build(parsed)

	req := bleve.NewSearchRequestOptions(withFilter(scoring, filters.query("")), r.Size, (r.Page-1)*r.Size, false)
	req.Fields = []string{indexer.FieldSource}
	req.IncludeLocations = true
	req.SortByCustom(sortOrder(r.Sort))
	for _, f := range Facets {
		if len(filters[f]) == 0 {
			req.AddFacet(f, bleve.NewFacetRequest(facetField[f], facetSize[f]))
		}
	}

	// A facet with a selected value is counted without its own filter, so
	// that its other values stay visible with their counts and a person can
	// widen the selection; those counts come from side searches run
	// alongside the main one.
	side := map[string]*bleve.SearchResult{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	var sideErr error
	for _, f := range Facets {
		if len(filters[f]) == 0 {
			continue
		}
		wg.Add(1)
		go func(f string) {
			defer wg.Done()
			sr := bleve.NewSearchRequestOptions(withFilter(scoring, filters.query(f)), 0, 0, false)
			sr.Score = "none"
			sr.AddFacet(f, bleve.NewFacetRequest(facetField[f], facetSize[f]))
			res, err := s.idx.SearchInContext(ctx, sr)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				sideErr = err
				return
			}
			side[f] = res
		}(f)
	}
	res, err := s.idx.SearchInContext(ctx, req)
	wg.Wait()
	if err == nil {
		err = sideErr
	}
	if err != nil {
		return nil, unavailable(ctx, err)
	}

	out := &Result{
		Query: r.Query, Parsed: parsed.String(), Filters: filters,
		Total: res.Total, Page: r.Page, Size: r.Size, Sort: r.Sort,
		Hits: []Hit{}, Facets: map[string][]FacetValue{}, IndexInfo: s.meta.Version,
	}
	for _, h := range res.Hits {
		hit, err := toHit(h)
		if err != nil {
			return nil, err
		}
		out.Hits = append(out.Hits, hit)
	}
	for _, f := range Facets {
		src := res
		if sr, ok := side[f]; ok {
			src = sr
		}
		out.Facets[f] = facetValues(f, src.Facets[f])
	}
	out.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

func unavailable(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("%w: the search took too long", ErrUnavailable)
	}
	return fmt.Errorf("%w: %v", ErrUnavailable, err)
}

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

func facetValues(facet string, fr *bsearch.FacetResult) []FacetValue {
	out := []FacetValue{}
	if fr == nil || fr.Terms == nil {
		return out
	}
	for _, t := range fr.Terms.Terms() {
		out = append(out, FacetValue{Value: t.Term, Count: t.Count})
	}
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

// toHit turns a bleve hit into a Hit: it reads the stored document, names
// the paragraphs the query matched and cuts the snippet from the best one.
func toHit(h *bsearch.DocumentMatch) (Hit, error) {
	doc, err := sourceOf(h)
	if err != nil {
		return Hit{}, err
	}
	hit := Hit{
		ID: doc.ID, Title: doc.Title, Report: doc.Report, Section: doc.Section, URL: doc.URL,
		Investigation: doc.Investigation, Type: string(doc.Type), Published: doc.Published,
		Score: h.Score, Paragraphs: []string{},
	}
	spans := paragraphSpans(h, len(doc.Paragraphs))
	indices := make([]int, 0, len(spans))
	for i := range spans {
		indices = append(indices, i)
	}
	sort.Ints(indices)
	for _, i := range indices {
		hit.Paragraphs = append(hit.Paragraphs, doc.Paragraphs[i].Number)
	}
	hit.Snippet = bestSnippet(doc, spans)
	return hit, nil
}

func sourceOf(h *bsearch.DocumentMatch) (*corpus.Document, error) {
	raw, ok := h.Fields[indexer.FieldSource].(string)
	if !ok {
		return nil, fmt.Errorf("%w: document %s has no stored source", ErrUnavailable, h.ID)
	}
	var d corpus.Document
	if err := json.Unmarshal([]byte(raw), &d); err != nil {
		return nil, fmt.Errorf("%w: document %s: %v", ErrUnavailable, h.ID, err)
	}
	return &d, nil
}

// paragraphSpans groups the matched byte ranges of the paragraph fields by
// paragraph index (the location's array position).
func paragraphSpans(h *bsearch.DocumentMatch, paragraphs int) map[int][]span {
	out := map[int][]span{}
	for _, field := range []string{indexer.FieldText, indexer.FieldTextExact} {
		for term, locs := range h.Locations[field] {
			for _, l := range locs {
				if len(l.ArrayPositions) == 0 {
					continue
				}
				i := int(l.ArrayPositions[0])
				if i < 0 || i >= paragraphs {
					continue
				}
				out[i] = append(out[i], span{start: int(l.Start), end: int(l.End), term: term})
			}
		}
	}
	return out
}

// Document returns one document by id. Errors wrap ErrNotFound or
// ErrUnavailable.
func (s *Searcher) Document(ctx context.Context, id string) (*corpus.Document, error) {
	if !corpus.ValidID(id) {
		return nil, fmt.Errorf("document %q: %w", id, ErrNotFound)
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery([]string{id}), 1, 0, false)
	req.Fields = []string{indexer.FieldSource}
	res, err := s.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, unavailable(ctx, err)
	}
	if len(res.Hits) == 0 {
		return nil, fmt.Errorf("document %s: %w", id, ErrNotFound)
	}
	return sourceOf(res.Hits[0])
}

// Close releases the index. It is safe to call more than once (bleve's
// own Close is not).
func (s *Searcher) Close() error {
	s.closeOnce.Do(func() {
		if err := s.idx.Close(); err != nil && !errors.Is(err, bleve.ErrorIndexClosed) {
			s.closeErr = fmt.Errorf("close index: %w", err)
		}
	})
	return s.closeErr
}

// Lower-cased facet labels for display.
func FacetLabel(facet string) string {
	return strings.ToUpper(facet[:1]) + facet[1:]
}
