package search

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/indexer"
)

// paragraphsWithAll returns the indices of d's paragraphs that hold a
// stemmed token of every word.
func paragraphsWithAll(d *corpus.Document, words []string) []int {
	var out []int
	for i, p := range d.Paragraphs {
		toks := analyze(indexer.AnalyzerText, p.Text)
		all := true
		for _, w := range words {
			all = all && slices.Contains(toks, analyze(indexer.AnalyzerText, w)[0])
		}
		if all {
			out = append(out, i)
		}
	}
	return out
}

// A same-paragraph search finds the documents with a paragraph holding
// every word, never one where the words are only in different paragraphs,
// and counts (and facets) the paragraphs exactly; para:(...) and
// scope=paragraph ask the same.
func TestSameParagraph(t *testing.T) {
	t.Parallel()
	apart := 0 // documents that hold the words, but in different paragraphs
	for _, words := range [][]string{{"police", "council"}, {"school", "children"}, {"records", "council"}, {"abuse", "church"}} {
		q := strings.Join(words, " ")
		wantParas := map[string]int{}
		total := 0
		for _, d := range testDocs {
			if n := len(paragraphsWithAll(d, words)); n > 0 {
				wantParas[d.ID] = n
				total += n
			}
		}
		scoped := mustSearch(t, Request{Query: q, NoExpand: true, Scope: ScopeParagraph, Size: MaxSize})
		grouped := mustSearch(t, Request{Query: "para:(" + q + ")", NoExpand: true, Size: MaxSize})
		whole := mustSearch(t, Request{Query: q, NoExpand: true, Size: MaxSize})
		apart += int(whole.Total) - len(wantParas)
		for _, res := range []*Result{scoped, grouped} {
			if int(res.Total) != len(wantParas) || int(res.ParagraphTotal) != total || res.Scope != ScopeParagraph {
				t.Errorf("%s: %d documents, %d paragraphs (scope %q); a scan finds %d and %d", q, res.Total, res.ParagraphTotal, res.Scope, len(wantParas), total)
			}
			for _, h := range res.Hits {
				if want, ok := wantParas[h.ID]; !ok || h.MatchCount != want {
					t.Errorf("%s: %s has %d matched paragraphs; a scan finds %d holding every word", q, h.ID, h.MatchCount, want)
				}
			}
			typed := 0
			for _, v := range res.Facets[FacetType] {
				typed += v.Count
			}
			if typed != int(res.ParagraphTotal) {
				t.Errorf("%s: the type facet counts %d; %d paragraphs matched", q, typed, res.ParagraphTotal)
			}
		}
		if grouped.Parsed != "para:("+q+")" {
			t.Errorf("para:(%s) reads back as %q", q, grouped.Parsed)
		}
	}
	if apart == 0 {
		t.Error("no document holds the words only in different paragraphs: the test cannot tell")
	}

	// A phrase, a filter and words outside the group.
	res := mustSearch(t, Request{Query: `para:("record keeping" council) type:section`, Size: MaxSize})
	for _, h := range res.Hits {
		d := docByID(h.ID)
		phrase, _ := phraseParagraphs(d, "record keeping")
		both := 0
		for _, i := range phrase {
			if slices.Contains(paragraphsWithAll(d, []string{"council"}), i) {
				both++
			}
		}
		if h.Type != "section" || both == 0 || h.MatchCount != both {
			t.Errorf("para:(\"record keeping\" council) type:section: %s (%s) has %d matched paragraphs; %d hold both", h.ID, h.Type, h.MatchCount, both)
		}
	}
	if res.Total == 0 {
		t.Error(`para:("record keeping" council) type:section finds nothing`)
	}
}

func TestSameParagraphErrors(t *testing.T) {
	t.Parallel()
	for q, says := range map[string]string{
		"para:police council":     "in parentheses",
		"para:(police -council)":  "cannot leave one out",
		"para:(police) OR school": "OR cannot join",
	} {
		_, err := testSearcher.Search(t.Context(), Request{Query: q})
		if !errors.Is(err, ErrInvalidQuery) || !strings.Contains(err.Error(), says) {
			t.Errorf("%s: %v; want an invalid query saying %q", q, err, says)
		}
	}
	if _, err := testSearcher.Search(t.Context(), Request{Query: "council", Scope: "sentence"}); !errors.Is(err, ErrInvalidQuery) {
		t.Errorf("scope=sentence: %v", err)
	}
}
