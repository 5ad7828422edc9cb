package server

import (
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// Marks land on the matched bytes across sub-paragraph runs, and the
// text around them stays text.
func TestMarkParagraphsAcrossRuns(t *testing.T) {
	for _, d := range testDocs {
		for _, p := range d.Paragraphs {
			runs := paraRuns(p)
			if len(runs) < 3 {
				continue
			}
			// Mark the word after each label, and one word in the lead-in.
			var spans [][2]int
			at := 0
			for _, r := range runs {
				from := at + len(r.Label)
				text := r.Text
				lead := len(text) - len(strings.TrimLeft(text, " "))
				if w := strings.IndexByte(text[lead:], ' '); w > 0 {
					spans = append(spans, [2]int{from + lead, from + lead + w})
				}
				at = from + len(text)
			}
			doc := &corpus.Document{Paragraphs: []corpus.Paragraph{p}}
			marked, n := markParagraphs(doc, &searchapi.DocumentMatches{Paragraphs: []searchapi.ParagraphMatches{{Paragraph: p.Number, Spans: spans}}})
			if n != len(spans) {
				t.Fatalf("%d marks for %d spans", n, len(spans))
			}
			var html strings.Builder
			for _, r := range marked[p.Number] {
				html.WriteString(r.Label)
				html.WriteString(string(r.HTML))
			}
			for i, sp := range spans {
				want := `id="m-` + itoa(i+1) + `" tabindex="-1">` + strings.ReplaceAll(p.Text[sp[0]:sp[1]], "'", "&#39;") + `</mark>`
				if !strings.Contains(html.String(), want) {
					t.Errorf("mark %d of %q is not %q in %s", i+1, p.Number, p.Text[sp[0]:sp[1]], html.String())
				}
			}
			return
		}
	}
	t.Fatal("no paragraph with sub-paragraphs in the sample")
}
