package server

import (
	"strings"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// paraRun is a run of a paragraph's text. A sub-paragraph's run carries
// its anchor ("p-74-a"), its citation ("74(a)") and its label as printed
// ("(a)", "a."), which links to the anchor, so that a citation of 74(a)
// lands on the item and a reader can take the item's link.
type paraRun struct {
	Text   string
	Anchor string
	Cite   string
	Label  string
}

// paraRuns cuts a paragraph's text at its sub-paragraphs, by the rule
// its citations follow (corpus.Paragraph.SubparagraphSpans).
func paraRuns(p corpus.Paragraph) []paraRun {
	spans := p.SubparagraphSpans()
	if len(spans) == 0 {
		return []paraRun{{Text: p.Text}}
	}
	var out []paraRun
	at := 0
	for _, s := range spans {
		if s.Start > at {
			out = append(out, paraRun{Text: p.Text[at:s.Start]})
		}
		cite := p.Cite(s.Subparagraph)
		item := p.Text[s.Start:s.End]
		label, rest := item, ""
		if i := strings.IndexAny(item, " \t\n"); i > 0 {
			label, rest = item[:i], item[i:]
		}
		out = append(out, paraRun{Text: rest, Anchor: corpus.Anchor(cite), Cite: cite, Label: label})
		at = s.End
	}
	if at < len(p.Text) {
		out = append(out, paraRun{Text: p.Text[at:]})
	}
	return out
}
