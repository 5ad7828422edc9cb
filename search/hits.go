package search

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	bsearch "github.com/blevesearch/bleve/v2/search"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/indexer"
	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// toHit turns a fetched document into a Hit with its score: it reads the
// stored document, names the paragraphs the query matched, makes the
// passages lim allows of them, and cuts the snippet from the best one.
// keep, if not nil, says which term locations count as matches.
func toHit(h *bsearch.DocumentMatch, score float64, keep func(field, term string, para int) bool, lim passageLimit) (Hit, error) {
	doc, err := sourceOf(h)
	if err != nil {
		return Hit{}, err
	}
	hit := Hit{
		ID: doc.ID, Title: doc.Title, Report: doc.Report, Section: doc.Section, URL: doc.URL,
		Investigation: doc.Investigation, Type: string(doc.Type), Published: doc.Published,
		Score: score, Paragraphs: []string{},
	}
	spans := paragraphSpans(h, doc, keep)
	indices := make([]int, 0, len(spans))
	for i := range spans {
		indices = append(indices, i)
	}
	sort.Ints(indices)
	for _, i := range indices {
		hit.Paragraphs = append(hit.Paragraphs, matchNumber(doc.Paragraphs[i], spans[i]))
	}
	ranked := rankParagraphs(spans)
	hit.Snippet = bestSnippet(doc, spans, ranked)
	hit.MatchCount = len(ranked)
	first := ""
	if len(hit.Paragraphs) > 0 {
		first = hit.Paragraphs[0]
	}
	cited := doc
	if doc.Type == corpus.TypeTestimony {
		var err error
		if hit, cited, err = testimonyHit(h, hit, doc, first); err != nil {
			return Hit{}, err
		}
	}
	hit.Citation = searchapi.Cite(cited, first)
	hit.Permalink = hit.Citation.Permalink
	hit.Matches = passages(doc, spans, ranked, lim, func(number string) searchapi.Citation { return searchapi.Cite(cited, number) })
	return hit, nil
}

// testimonyHit completes the hit of a testimony document: its speaker and
// sitting, and the question its first matched answer answers. It returns
// the document its turns are cited in: the whole transcript.
func testimonyHit(h *bsearch.DocumentMatch, hit Hit, doc *corpus.Document, first string) (Hit, *corpus.Document, error) {
	var t indexer.TestimonyDocument
	if err := json.Unmarshal([]byte(h.Fields[indexer.FieldSource].(string)), &t); err != nil {
		return Hit{}, nil, fmt.Errorf("%w: testimony %s: %v", ErrUnavailable, h.ID, err)
	}
	hit.Speaker, hit.Role, hit.Hearing = t.Testimony.Speaker, t.Testimony.Role, t.Testimony.Hearing.Label()
	if q, ok := t.Testimony.Questions[first]; ok {
		hit.Question = &Turn{Number: q.Number, Speaker: q.Speaker, Text: q.Text, Citation: corpus.TurnCitation(t.Testimony.Hearing, q)}
	}
	whole := *doc
	whole.ID = t.Testimony.TranscriptID
	return hit, &whole, nil
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

// paragraphFields are the fields indexed paragraph by paragraph (a
// location's array position is the paragraph's index): the body, stemmed
// and exact, and the identifiers each paragraph cites or prints.
var paragraphFields = []string{indexer.FieldText, indexer.FieldTextExact, indexer.FieldRefs, indexer.FieldCiphers}

// paragraphSpans groups the matched byte ranges of the paragraph fields by
// paragraph index (the location's array position). Identifier fields hold
// terms, not the paragraph's text, so their offsets mean nothing there: an
// identifier the paragraph prints is marked where the text has it, and one
// it cites only through a footnote names the paragraph without a mark.
func paragraphSpans(h *bsearch.DocumentMatch, doc *corpus.Document, keep func(field, term string, para int) bool) map[int][]span {
	out := map[int][]span{}
	for _, field := range paragraphFields {
		identifier := field == indexer.FieldRefs || field == indexer.FieldCiphers
		for term, locs := range h.Locations[field] {
			for _, l := range locs {
				if len(l.ArrayPositions) == 0 {
					continue
				}
				i := int(l.ArrayPositions[0])
				if i < 0 || i >= len(doc.Paragraphs) || (keep != nil && !keep(field, term, i)) {
					continue
				}
				if identifier {
					out[i] = append(out[i], identifierSpans(doc.Paragraphs[i].Text, term)...)
					continue
				}
				out[i] = append(out[i], span{start: int(l.Start), end: int(l.End), term: term})
			}
		}
	}
	return out
}

// identifierSpans finds an identifier term in a paragraph's text, case
// and hyphen form aside; with none it returns one empty span, which names
// the paragraph but marks nothing.
func identifierSpans(text, term string) []span {
	var out []span
	for _, m := range identifierInText.FindAllStringIndex(text, -1) {
		found := text[m[0]:m[1]]
		if strings.EqualFold(found, term) || corpus.NormaliseCipher(found) == term ||
			slices.Contains(corpus.URNTerms(found), term) {
			out = append(out, span{start: m[0], end: m[1], term: term})
		}
	}
	if len(out) == 0 {
		out = append(out, span{start: -1, end: -1, term: term})
	}
	return out
}

// identifierInText matches what may be a reference or a cipher in text.
var identifierInText = regexp.MustCompile(`\b[A-Z]{2,3}[-\x{2010}\x{2011}\x{2012}][A-Z]\d{1,4}\b|` + corpus.URNPattern.String())
