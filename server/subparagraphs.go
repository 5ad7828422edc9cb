package server

import "github.com/inquirysearch/inquirysearch/corpus"

// paraRun is a run of a paragraph's text; a sub-paragraph's run carries
// its anchor ("p-74-a"), so that a citation of 74(a) lands on the item.
type paraRun struct {
	Text   string
	Anchor string
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
		out = append(out, paraRun{Text: p.Text[s.Start:s.End], Anchor: corpus.Anchor(p.Cite(s.Subparagraph))})
		at = s.End
	}
	if at < len(p.Text) {
		out = append(out, paraRun{Text: p.Text[at:]})
	}
	return out
}
