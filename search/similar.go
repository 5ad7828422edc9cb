package search

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/indexer"
	"github.com/inquirysearch/inquirysearch/internal/engine"
	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// Limits of a similar-paragraphs search.
const (
	similarTerms      = 12 // the paragraph's most distinctive terms searched for
	similarMinShared  = 2  // a candidate must share at least this many of them
	similarCandidates = 50 // documents examined for their best paragraph
	MaxSimilar        = 20
)

// Similar finds the paragraphs across all documents most like paragraph
// number of document id: a more-like-this search on the paragraph's most
// distinctive (stemmed) terms, weighted by how rare each is in the index,
// then each candidate document's paragraph sharing the most weight. The
// paragraph itself is left out. Errors wrap ErrNotFound (no such document
// or paragraph), ErrInvalidQuery or ErrUnavailable.
func (s *Searcher) Similar(ctx context.Context, id, number string, n int) (*Similar, error) {
	if n <= 0 || n > MaxSimilar {
		return nil, invalidf(fmt.Sprintf("the number of similar paragraphs must be between 1 and %d", MaxSimilar))
	}
	doc, err := s.Document(ctx, id)
	if err != nil {
		return nil, err
	}
	at := -1
	for i, p := range doc.Paragraphs {
		if p.Number == number {
			at = i
		}
	}
	if at < 0 {
		return nil, searchapi.NotFound(fmt.Sprintf("document %s has no paragraph %q", id, number))
	}
	weights, err := s.distinctive(ctx, doc.Paragraphs[at].Text)
	if err != nil {
		return nil, err
	}
	out := &Similar{ID: id, Paragraph: number, Terms: sortedTerms(weights), Results: []SimilarParagraph{}}
	if len(weights) < similarMinShared {
		return out, nil
	}
	alts := weightedTerms(weights)
	dq := bleve.NewDisjunctionQuery(alts...)
	dq.SetMin(similarMinShared)
	req := bleve.NewSearchRequestOptions(restrict(dq, nil, false, false), similarCandidates, 0, false)
	req.Fields = []string{indexer.FieldSource}
	req.IncludeLocations = true
	res, err := s.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, unavailable(ctx, err)
	}
	for _, h := range res.Hits {
		d, err := sourceOf(h)
		if err != nil {
			return nil, err
		}
		if best, ok := bestSimilar(h.Locations[indexer.FieldText], d, weights, id, at); ok {
			out.Results = append(out.Results, best)
		}
	}
	sort.SliceStable(out.Results, func(i, j int) bool {
		if out.Results[i].Score != out.Results[j].Score {
			return out.Results[i].Score > out.Results[j].Score
		}
		return out.Results[i].ID+out.Results[i].Paragraph < out.Results[j].ID+out.Results[j].Paragraph
	})
	if len(out.Results) > n {
		out.Results = out.Results[:n]
	}
	return out, nil
}

// distinctive weighs the paragraph's terms by frequency in it times
// inverse document frequency, and keeps the heaviest few. Terms found in
// only one document can match nothing else and are dropped.
func (s *Searcher) distinctive(ctx context.Context, text string) (map[string]float64, error) {
	tf := map[string]int{}
	for _, t := range s.builder.tokens(indexer.AnalyzerText, text) {
		if len([]rune(t)) > 2 {
			tf[t]++
		}
	}
	dfs, total, err := s.docFreqs(ctx, slices.Collect(maps.Keys(tf)))
	if err != nil {
		return nil, err
	}
	weights := map[string]float64{}
	for term, n := range tf {
		if df := dfs[term]; df >= 2 {
			weights[term] = float64(n) * math.Log(1+float64(total)/float64(df))
		}
	}
	return heaviest(weights, similarTerms), nil
}

// weightedTerms matches each body term, boosted by its weight.
func weightedTerms(weights map[string]float64) []query.Query {
	alts := make([]query.Query, 0, len(weights))
	for term, w := range weights {
		tq := bleve.NewTermQuery(term)
		tq.SetField(indexer.FieldText)
		tq.SetBoost(w)
		alts = append(alts, tq)
	}
	return alts
}

// heaviest keeps the n terms of greatest weight, ties broken by term so
// that the choice does not rest on map order.
func heaviest(weights map[string]float64, n int) map[string]float64 {
	terms := slices.Collect(maps.Keys(weights))
	slices.SortFunc(terms, func(a, b string) int {
		return cmp.Or(cmp.Compare(weights[b], weights[a]), strings.Compare(a, b))
	})
	out := make(map[string]float64, min(n, len(terms)))
	for _, t := range terms[:min(n, len(terms))] {
		out[t] = weights[t]
	}
	return out
}

// bestSimilar picks the document's paragraph that shares the most weight
// of distinctive terms, other than the paragraph itself.
func bestSimilar(locs bsearch.TermLocationMap, d *corpus.Document, weights map[string]float64, selfID string, selfAt int) (SimilarParagraph, bool) {
	shared := map[int]map[string]bool{}
	spans := map[int][]span{}
	for term, ls := range locs {
		for _, l := range ls {
			if len(l.ArrayPositions) == 0 {
				continue
			}
			i := int(l.ArrayPositions[0])
			if i >= len(d.Paragraphs) || (d.ID == selfID && i == selfAt) {
				continue
			}
			if shared[i] == nil {
				shared[i] = map[string]bool{}
			}
			shared[i][term] = true
			spans[i] = append(spans[i], span{start: int(l.Start), end: int(l.End), term: term})
		}
	}
	best, bestW := -1, 0.0
	for i, terms := range shared {
		if len(terms) < similarMinShared {
			continue
		}
		w := 0.0
		for t := range terms {
			w += weights[t]
		}
		if w > bestW || (w == bestW && i < best) {
			best, bestW = i, w
		}
	}
	if best < 0 {
		return SimilarParagraph{}, false
	}
	var terms []string
	for t := range shared[best] {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	p := d.Paragraphs[best]
	return SimilarParagraph{
		ID: d.ID, Title: d.Title, Report: d.Report, Paragraph: p.Number, Score: math.Round(bestW*1000) / 1000,
		Shared: terms, Snippet: Snippet(p.Text, spans[best], SnippetLength), Citation: searchapi.Cite(d, p.Number),
	}, true
}

func sortedTerms(weights map[string]float64) []string {
	out := make([]string, 0, len(weights))
	for t := range weights {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool {
		if weights[out[i]] != weights[out[j]] {
			return weights[out[i]] > weights[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}

// docFreqs returns how many documents hold each of the body's terms, and
// how many the index holds in all, read from one snapshot.
func (s *Searcher) docFreqs(ctx context.Context, terms []string) (map[string]uint64, uint64, error) {
	r, err := engine.Open(s.idx)
	if err != nil {
		return nil, 0, unavailable(ctx, err)
	}
	defer r.Close()
	total, err := r.DocCount()
	if err != nil || total == 0 {
		return nil, 0, unavailable(ctx, fmt.Errorf("count documents: %v", err))
	}
	out := make(map[string]uint64, len(terms))
	for _, t := range terms {
		df, err := r.DocFreq(ctx, indexer.FieldText, t)
		if err != nil {
			return nil, 0, unavailable(ctx, err)
		}
		out[t] = df
	}
	return out, total, nil
}
