package corpus

import "strings"

// SubparagraphSpan is where one sub-paragraph sits in its paragraph's
// Text: bytes [Start, End).
type SubparagraphSpan struct {
	Subparagraph
	Start, End int
}

// SubparagraphSpans places p's sub-paragraphs in p.Text, in order. A
// sub-paragraph runs from its label to the start of the next one, or to
// the end of the paragraph: the bullets or the quotation printed under
// item (b) are part of (b) when cited. Text before the first item (the
// lead-in, "The Inquiry recommends that:") belongs to no sub-paragraph.
// An item whose text is not found where expected is left out, so a
// paragraph edited by hand cites its whole number rather than a wrong
// letter. An item whose label the paragraph has already used (a list of
// (i), (ii) under each of (a) and (b)) starts no span of its own: it
// stays in the item it is printed in, so that no two items share a
// citation or an anchor.
func (p Paragraph) SubparagraphSpans() []SubparagraphSpan {
	if len(p.Subparagraphs) == 0 {
		return nil
	}
	out := make([]SubparagraphSpan, 0, len(p.Subparagraphs))
	from := 0
	seen := make(map[string]bool, len(p.Subparagraphs))
	for _, s := range p.Subparagraphs {
		if s.Text == "" || seen[s.Label] {
			continue
		}
		i := strings.Index(p.Text[from:], s.Text)
		if i < 0 {
			continue
		}
		start := from + i
		if n := len(out); n > 0 {
			out[n-1].End = start
		}
		out = append(out, SubparagraphSpan{Subparagraph: s, Start: start, End: len(p.Text)})
		seen[s.Label] = true
		from = start + len(s.Text)
	}
	// Each item ends before the line break that starts the next one.
	for i := range out {
		out[i].End = trimEnd(p.Text, out[i].Start, out[i].End)
	}
	return out
}

// trimEnd moves end back over the line break that separates one item
// from the next, so a span holds the item's text only.
func trimEnd(text string, start, end int) int {
	for end > start && (text[end-1] == '\n' || text[end-1] == ' ') {
		end--
	}
	return end
}

// SubparagraphAt returns the sub-paragraph of p that holds the byte at
// offset of p.Text, the rule every citation of a match follows: a match
// in item (a) of paragraph 74 is cited "74(a)". It reports false for an
// offset in the lead-in, out of the text, or negative (a match with no
// place in the text, such as a reference cited only by a footnote).
func (p Paragraph) SubparagraphAt(offset int) (Subparagraph, bool) {
	if offset < 0 || offset >= len(p.Text) {
		return Subparagraph{}, false
	}
	for _, s := range p.SubparagraphSpans() {
		if offset >= s.Start && offset < s.End {
			return s.Subparagraph, true
		}
	}
	return Subparagraph{}, false
}

// CiteAt returns the label that cites a match at offset of p.Text:
// "74(a)" inside sub-paragraph (a), the paragraph's number elsewhere.
func (p Paragraph) CiteAt(offset int) string {
	if s, ok := p.SubparagraphAt(offset); ok {
		return p.Cite(s)
	}
	return p.Number
}

// SplitCitation splits a citation label into the paragraph's number and
// the sub-paragraph's label: "74(a)" gives "74" and "a"; "74" gives "74"
// and "".
func SplitCitation(label string) (number, sub string) {
	if strings.HasSuffix(label, ")") {
		if i := strings.LastIndexByte(label, '('); i > 0 {
			return label[:i], label[i+1 : len(label)-1]
		}
	}
	return label, ""
}

// Anchor returns the fragment id of a citation label on a document's
// page: "p-74" for paragraph 74, "p-74-a" for its sub-paragraph (a).
// Paragraph labels never end in a letter, so the two cannot collide, and
// the id needs no brackets escaped in a URL or a CSS selector.
func Anchor(label string) string {
	if label == "" {
		return ""
	}
	number, sub := SplitCitation(label)
	if sub == "" {
		return "p-" + number
	}
	return "p-" + number + "-" + sub
}
