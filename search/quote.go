package search

import (
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/indexer"
	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// Limits of a quote check: however long the quotation and however common
// its words, one check searches for a fixed number of its words, reads a
// fixed number of documents and aligns a fixed number of paragraphs.
const (
	quoteTerms         = 16 // the quotation's rarest words searched for
	quoteDocuments     = 25 // documents read for candidate paragraphs
	quotePerDocument   = 3  // a document's paragraphs aligned, at most
	quoteCandidates    = 40 // paragraphs aligned in all
	quoteMinScore      = 0.2
	quoteWordsAsPhrase = 3   // runs of this many words between marks are also searched as phrases
	quotePhrases       = 12  // the most of those phrases searched
	quotePhraseWeight  = 0.5 // what each word of a phrase found adds to its paragraph's weight
)

// Quote finds the paragraphs a quotation may come from, best first (at
// most n): each with the differences between the quotation and the
// paragraph's words, and its citation. Candidate paragraphs are found
// through the index (the quotation's rarest words, with its runs of
// words as phrases weighing more), then each is aligned with the
// quotation word by word. Errors wrap ErrInvalidQuery (an empty or too
// long quotation) or ErrUnavailable.
func (s *Searcher) Quote(ctx context.Context, text string, n int) (*searchapi.QuoteCheck, error) {
	q, err := readQuotation(text)
	if err != nil {
		return nil, err
	}
	if n <= 0 || n > searchapi.MaxQuoteHits {
		n = searchapi.MaxQuoteHits
	}
	cands, err := s.quoteCandidates(ctx, q)
	if err != nil {
		return nil, err
	}
	out := &searchapi.QuoteCheck{Words: len(q.words), Results: []searchapi.QuoteMatch{}}
	for _, c := range cands {
		if err := ctx.Err(); err != nil {
			return nil, unavailable(ctx, err)
		}
		p := c.doc.Paragraphs[c.para]
		a := align(q, p.Text)
		if a.score < quoteMinScore {
			continue
		}
		label := quoteLabel(p, a)
		out.Results = append(out.Results, searchapi.QuoteMatch{
			DocumentID: c.doc.ID, Title: c.doc.Title, Report: c.doc.Report, Paragraph: label,
			Exact: a.exact, Score: a.score, Diff: a.ops, Citation: searchapi.Cite(c.doc, label),
		})
	}
	sort.SliceStable(out.Results, func(i, j int) bool {
		a, b := out.Results[i], out.Results[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.DocumentID != b.DocumentID {
			return a.DocumentID < b.DocumentID
		}
		return a.Paragraph < b.Paragraph
	})
	if len(out.Results) > n {
		out.Results = out.Results[:n]
	}
	return out, nil
}

// quoteLabel cites a quotation by the rule every match follows: by the
// lettered or roman item of p that holds all of the words it was aligned
// with ("74(a)"), by the paragraph when they run across items or into its
// lead-in.
func quoteLabel(p corpus.Paragraph, a alignment) string {
	if a.start < 0 {
		return p.Number
	}
	first, ok := p.SubparagraphAt(a.start)
	if !ok {
		return p.Number
	}
	if last, ok := p.SubparagraphAt(a.end - 1); !ok || last != first {
		return p.Number
	}
	return p.Cite(first)
}

// readQuotation checks a quotation's size before reading it, then that
// it has words.
func readQuotation(text string) (quotation, error) {
	if len(text) > searchapi.MaxQuoteBytes {
		return quotation{}, invalidf(fmt.Sprintf("the quotation is longer than %d bytes: check a passage of at most %d words", searchapi.MaxQuoteBytes, searchapi.MaxQuoteWords))
	}
	if !utf8.ValidString(text) {
		return quotation{}, invalidf("the quotation is not valid UTF-8 text")
	}
	q := newQuotation(text)
	if len(q.words) == 0 {
		return quotation{}, invalidf("the quotation has no words to check")
	}
	if words := len(q.words) + bracketed(q); words > searchapi.MaxQuoteWords {
		return quotation{}, invalidf(fmt.Sprintf("the quotation has %d words, and a check takes at most %d: check a shorter passage", words, searchapi.MaxQuoteWords))
	}
	return q, nil
}

func bracketed(q quotation) int {
	n := 0
	for _, ms := range q.marks {
		n += bracketWords(ms)
	}
	return n
}

// quoteCandidate is a paragraph to align, with the weight of the
// quotation's words it holds.
type quoteCandidate struct {
	doc    *corpus.Document
	para   int
	weight float64
}

// quoteCandidates searches for the quotation's rarest words (stemmed, so
// that one changed ending still counts) and its runs of words as phrases,
// and returns the paragraphs of the best documents that hold most of the
// searched words' weight.
func (s *Searcher) quoteCandidates(ctx context.Context, q quotation) ([]*quoteCandidate, error) {
	weights, err := s.rareTerms(ctx, q)
	if err != nil {
		return nil, err
	}
	if len(weights) == 0 {
		return nil, nil
	}
	alts := weightedTerms(weights)
	for _, run := range q.runs() {
		alts = append(alts, s.builder.bodyPhrase(run))
	}
	bq := bleve.NewBooleanQuery()
	bq.AddShould(alts...)
	bq.AddMustNot(recommendations, typeTerm(corpus.TypeTestimony))
	req := bleve.NewSearchRequestOptions(bq, quoteDocuments, 0, false)
	req.Fields = []string{indexer.FieldSource}
	req.IncludeLocations = true
	req.SortByCustom(sortOrder(SortRelevance))
	res, err := s.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, unavailable(ctx, err)
	}
	var out []*quoteCandidate
	for _, h := range res.Hits {
		if err := ctx.Err(); err != nil {
			return nil, unavailable(ctx, err)
		}
		d, err := sourceOf(h)
		if err != nil {
			return nil, err
		}
		held := map[int]map[string]bool{}
		for _, field := range []string{indexer.FieldText, indexer.FieldTextExact} {
			for term, ls := range h.Locations[field] {
				for _, l := range ls {
					if len(l.ArrayPositions) == 0 || int(l.ArrayPositions[0]) >= len(d.Paragraphs) {
						continue
					}
					i := int(l.ArrayPositions[0])
					if held[i] == nil {
						held[i] = map[string]bool{}
					}
					held[i][field+":"+term] = true
				}
			}
		}
		var mine []*quoteCandidate
		for i, terms := range held {
			w := 0.0
			for t := range terms {
				if term, ok := strings.CutPrefix(t, indexer.FieldText+":"); ok {
					w += weights[term]
				} else {
					w += quotePhraseWeight
				}
			}
			mine = append(mine, &quoteCandidate{doc: d, para: i, weight: w})
		}
		sortCandidates(mine)
		out = append(out, mine[:min(len(mine), quotePerDocument)]...)
	}
	sortCandidates(out)
	return out[:min(len(out), quoteCandidates)], nil
}

func sortCandidates(cs []*quoteCandidate) {
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].weight != cs[j].weight {
			return cs[i].weight > cs[j].weight
		}
		if cs[i].doc.ID != cs[j].doc.ID {
			return cs[i].doc.ID < cs[j].doc.ID
		}
		return cs[i].para < cs[j].para
	})
}

// rareTerms weighs the quotation's distinct stemmed words by how rare
// they are in the index, and keeps the rarest that it holds at all.
func (s *Searcher) rareTerms(ctx context.Context, q quotation) (map[string]float64, error) {
	keys := make([]string, len(q.words))
	for i, w := range q.words {
		keys[i] = w.key
	}
	terms := map[string]bool{}
	for _, t := range s.builder.tokens(indexer.AnalyzerText, strings.Join(keys, " ")) {
		terms[t] = true
	}
	dfs, total, err := s.docFreqs(ctx, slices.Collect(maps.Keys(terms)))
	if err != nil {
		return nil, err
	}
	weights := map[string]float64{}
	for t, df := range dfs {
		if df > 0 {
			weights[t] = math.Log(1 + float64(total)/float64(df))
		}
	}
	return heaviest(weights, quoteTerms), nil
}

// runs returns the quotation's runs of words between its marks, cut into
// phrases of quoteWordsAsPhrase words: a passage quoted exactly matches
// them all, and one changed word breaks only the phrase that holds it.
func (q quotation) runs() []string {
	var out []string
	var run []string
	flush := func() {
		for i := 0; i+quoteWordsAsPhrase <= len(run); i += quoteWordsAsPhrase {
			out = append(out, strings.Join(run[i:i+quoteWordsAsPhrase], " "))
		}
		run = run[:0]
	}
	for i, w := range q.words {
		if len(q.marks[i]) > 0 {
			flush()
		}
		run = append(run, w.key)
	}
	flush()
	if len(out) <= quotePhrases {
		return out
	}
	// Spread over the whole quotation, so that a change in one part
	// cannot hide every phrase searched.
	spread := make([]string, quotePhrases)
	for i := range spread {
		spread[i] = out[i*len(out)/quotePhrases]
	}
	return spread
}
