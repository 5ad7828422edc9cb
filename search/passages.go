package search

import (
	"sort"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// passageLimit says how many of a hit's matched paragraphs become Matches
// (every one when all is set, as an export by paragraph asks) and whether
// each carries its whole text.
type passageLimit struct {
	all, text bool
}

// rankParagraphs orders a hit's matched paragraphs best first: the most
// distinct terms, then the most matches, then page order.
func rankParagraphs(spans map[int][]span) []int {
	type scored struct{ i, terms, count int }
	all := make([]scored, 0, len(spans))
	for i, ss := range spans {
		terms := map[string]bool{}
		for _, s := range ss {
			terms[s.term] = true
		}
		all = append(all, scored{i: i, terms: len(terms), count: len(ss)})
	}
	sort.Slice(all, func(a, b int) bool {
		x, y := all[a], all[b]
		if x.terms != y.terms {
			return x.terms > y.terms
		}
		if x.count != y.count {
			return x.count > y.count
		}
		return x.i < y.i
	})
	out := make([]int, len(all))
	for k, s := range all {
		out[k] = s.i
	}
	return out
}

// passages makes the Matches of a hit from its ranked paragraphs: at most
// MaxMatches unless lim.all, so that the snippets cut for one hit are
// bounded whatever the document's length. cite gives a paragraph's
// citation (a testimony's cites the whole transcript).
func passages(doc *corpus.Document, spans map[int][]span, ranked []int, lim passageLimit, cite func(number string) searchapi.Citation) []Match {
	n := len(ranked)
	if !lim.all {
		n = min(n, MaxMatches)
	}
	out := make([]Match, 0, n)
	for _, i := range ranked[:n] {
		p := doc.Paragraphs[i]
		number := matchNumber(p, spans[i])
		m := Match{Paragraph: number, Snippet: Snippet(p.Text, spans[i], SnippetLength), Citation: cite(number), Page: p.Page}
		if lim.text {
			m.Text = p.Text
		}
		out = append(out, m)
	}
	return out
}

// matchNumber is the number the matches in p are cited by: the
// sub-paragraph's ("74(a)") when every marked span lies in that one item
// (corpus.Paragraph.CiteAt), else the paragraph's, which holds them all.
func matchNumber(p corpus.Paragraph, ss []span) string {
	label := ""
	for _, s := range ss {
		if s.start < 0 {
			continue // a span with no place in the text marks nothing
		}
		l := p.CiteAt(s.start)
		if label != "" && l != label {
			return p.Number
		}
		label = l
	}
	if label == "" {
		return p.Number
	}
	return label
}
