package search

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/indexer"
)

// matchedByScan returns the indices of d's paragraphs that hold a stemmed
// token of any of words, or the exact phrase: what a reader scanning the
// stored document would mark.
func matchedByScan(d *corpus.Document, words []string, phrase string) []int {
	var out []int
	if phrase != "" {
		out, _ = phraseParagraphs(d, phrase)
		return out
	}
	var want []string
	for _, w := range words {
		want = append(want, analyze(indexer.AnalyzerText, w)...)
	}
	for i, p := range d.Paragraphs {
		toks := analyze(indexer.AnalyzerText, p.Text)
		if slices.ContainsFunc(want, func(w string) bool { return slices.Contains(toks, w) }) {
			out = append(out, i)
		}
	}
	return out
}

// Every hit's match_count is the number of its paragraphs a scan of the
// stored document finds; its matches are at most MaxMatches of them, best
// first, each with its own snippet, citation and page.
func TestHitPassages(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		query  string
		words  []string
		phrase string
	}{
		{query: "council", words: []string{"council"}},
		{query: "police council", words: []string{"police", "council"}},
		{query: `"record keeping"`, phrase: "record keeping"},
	} {
		res := mustSearch(t, Request{Query: c.query, NoExpand: true, Size: MaxSize})
		if len(res.Hits) == 0 {
			t.Fatalf("%s: no hits", c.query)
		}
		for _, h := range res.Hits {
			d := docByID(h.ID)
			if d == nil {
				t.Fatalf("%s: hit %s is not in the corpus", c.query, h.ID)
			}
			want := matchedByScan(d, c.words, c.phrase)
			if h.MatchCount != len(want) || h.MatchCount != len(h.Paragraphs) {
				t.Errorf("%s: %s has match_count %d, %d paragraphs listed; a scan finds %d", c.query, h.ID, h.MatchCount, len(h.Paragraphs), len(want))
			}
			if len(h.Matches) != min(h.MatchCount, MaxMatches) {
				t.Errorf("%s: %s carries %d matches of %d", c.query, h.ID, len(h.Matches), h.MatchCount)
			}
			if len(h.Matches) > 0 && h.Matches[0].Snippet != h.Snippet {
				t.Errorf("%s: %s: the first match is not the hit's snippet", c.query, h.ID)
			}
			for _, m := range h.Matches {
				p := paragraphNumbered(d, m.Paragraph)
				if p == nil {
					t.Errorf("%s: %s: match in paragraph %q, which the document does not have", c.query, h.ID, m.Paragraph)
					continue
				}
				if !strings.Contains(m.Snippet, "<mark>") || m.Page != p.Page ||
					m.Citation.Paragraph != m.Paragraph || !strings.HasSuffix(m.Citation.Permalink, "#"+corpus.Anchor(m.Paragraph)) {
					t.Errorf("%s: %s ¶%s: %+v", c.query, h.ID, m.Paragraph, m)
				}
			}
		}
	}
}

// paragraphNumbered returns d's paragraph with number (or the parent of a
// sub-paragraph's "74(a)").
func paragraphNumbered(d *corpus.Document, number string) *corpus.Paragraph {
	parent, _, _ := strings.Cut(number, "(")
	for i := range d.Paragraphs {
		if d.Paragraphs[i].Number == parent {
			return &d.Paragraphs[i]
		}
	}
	return nil
}

// A document matched in more paragraphs than MaxMatches carries the best
// MaxMatches of them (the most distinct terms first, then page order),
// unless all are asked for, as an export by paragraph does.
func TestPassagesAreBounded(t *testing.T) {
	t.Parallel()
	d := &corpus.Document{ID: "sample-long"}
	spans := map[int][]span{}
	for i := range 3 * MaxMatches {
		text := "The council kept records."
		d.Paragraphs = append(d.Paragraphs, corpus.Paragraph{Number: strconv.Itoa(i + 1), Text: text, Page: i/10 + 1})
		spans[i] = []span{{start: 4, end: 11, term: "council"}}
		if i%7 == 6 {
			spans[i] = append(spans[i], span{start: 17, end: 24, term: "record"})
		}
	}
	ranked := rankParagraphs(spans)
	cite := func(n string) Citation { return Citation{Paragraph: n} }
	got := passages(d, spans, ranked, passageLimit{}, cite)
	if len(got) != MaxMatches {
		t.Fatalf("%d passages of %d matched paragraphs; want %d", len(got), len(spans), MaxMatches)
	}
	var twoTerms []string
	for i := 6; i < len(d.Paragraphs); i += 7 {
		twoTerms = append(twoTerms, d.Paragraphs[i].Number)
	}
	for k, n := range twoTerms {
		if got[k].Paragraph != n || got[k].Text != "" {
			t.Errorf("passage %d is ¶%s; want ¶%s, the paragraphs with both terms first, without text", k, got[k].Paragraph, n)
		}
	}
	if next := got[len(twoTerms)].Paragraph; next != "1" {
		t.Errorf("after the two-term paragraphs comes ¶%s; want ¶1", next)
	}
	all := passages(d, spans, ranked, passageLimit{all: true, text: true}, cite)
	if len(all) != len(spans) || all[0].Text == "" {
		t.Errorf("asked for all: %d passages of %d, text %q", len(all), len(spans), all[0].Text)
	}
}
