package search

import (
	"context"
	"sort"
	"strings"

	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// DocumentMatches returns where a query matches in one document: the
// query is parsed, expanded and built as a search builds it, and asked of
// that document alone, so stems, phrases, distances and references match
// as they do in results. The document's type and dates do not restrict
// it (a transcript's page marks what its testimony matched). A query the
// document does not match gives no paragraphs. Errors wrap
// ErrInvalidQuery, ErrNotFound or ErrUnavailable.
func (s *Searcher) DocumentMatches(ctx context.Context, id, q string) (*searchapi.DocumentMatches, error) {
	r := Request{Query: q, Page: 1, Size: 1}
	if _, err := validate(&r); err != nil {
		return nil, err
	}
	doc, err := s.Document(ctx, id)
	if err != nil {
		return nil, err
	}
	out := &searchapi.DocumentMatches{ID: id, Query: q, Paragraphs: []searchapi.ParagraphMatches{}}
	parsed, err := Parse(r.Query)
	if err != nil {
		return nil, err
	}
	if parsed.Empty() {
		return out, nil
	}
	prox, err := s.proximities(ctx, parsed)
	if err != nil {
		return nil, err
	}
	sc := s.builder.build(parsed, !r.NoExpand, prox)
	dm, err := s.fetchOne(ctx, id, sc.query)
	if err != nil {
		return nil, err
	}
	if dm == nil {
		return out, nil
	}
	spans := paragraphSpans(dm, doc, prox.keep(id))
	indices := make([]int, 0, len(spans))
	for i := range spans {
		indices = append(indices, i)
	}
	sort.Ints(indices)
	for _, i := range indices {
		pm := searchapi.ParagraphMatches{Paragraph: doc.Paragraphs[i].Number, Spans: mergeSpans(doc.Paragraphs[i].Text, spans[i])}
		out.Matches += len(pm.Spans)
		out.Paragraphs = append(out.Paragraphs, pm)
	}
	return out, nil
}

// mergeSpans sorts a paragraph's match ranges and joins those that
// overlap or that only a space or punctuation parts ("record-keeping"
// found by "record keeping" is one mark, not two); a range without a
// place (an identifier cited only in a footnote) is dropped.
func mergeSpans(text string, spans []span) [][2]int {
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	out := [][2]int{}
	for _, sp := range spans {
		if sp.start < 0 || sp.end <= sp.start {
			continue
		}
		if n := len(out); n > 0 && (sp.start <= out[n-1][1] || onlyPunctuation(text[out[n-1][1]:sp.start])) {
			out[n-1][1] = max(out[n-1][1], sp.end)
			continue
		}
		out = append(out, [2]int{sp.start, sp.end})
	}
	return out
}

// onlyPunctuation tells whether the text between two matches is short and
// holds no letter or digit.
func onlyPunctuation(gap string) bool {
	return len(gap) <= 4 && strings.IndexFunc(gap, isWordRune) < 0
}
