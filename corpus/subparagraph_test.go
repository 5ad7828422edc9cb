package corpus

import (
	"strings"
	"testing"
)

func TestSubparagraphAt(t *testing.T) {
	p := Paragraph{Number: "74", Text: "The Inquiry recommends that:\n(a) councils keep records;\n- for 75 years\n(b) audits are published.",
		Subparagraphs: []Subparagraph{{Label: "a", Text: "(a) councils keep records;"}, {Label: "b", Text: "(b) audits are published."}}}
	for _, c := range []struct {
		word string
		want string
	}{
		{"Inquiry", "74"}, {"councils", "74(a)"}, {"75 years", "74(a)"}, {"(b)", "74(b)"}, {"published", "74(b)"},
	} {
		off := strings.Index(p.Text, c.word)
		if got := p.CiteAt(off); got != c.want {
			t.Errorf("%q at %d cited %q, want %q", c.word, off, got, c.want)
		}
	}
	for _, off := range []int{-1, len(p.Text), len(p.Text) + 5, strings.Index(p.Text, "\n(a)")} {
		if s, ok := p.SubparagraphAt(off); ok {
			t.Errorf("offset %d is in sub-paragraph %q", off, s.Label)
		}
	}
	// An item whose text the paragraph does not hold cites the paragraph.
	p.Subparagraphs[0].Text = "(a) something else"
	if got := p.CiteAt(strings.Index(p.Text, "councils")); got != "74" {
		t.Errorf("a match before an item not found cited %q", got)
	}
	if got := p.CiteAt(strings.Index(p.Text, "audits")); got != "74(b)" {
		t.Errorf("the item after it cited %q", got)
	}
}

func TestAnchor(t *testing.T) {
	for label, want := range map[string]string{"74": "p-74", "74(a)": "p-74-a", "12.1(iv)": "p-12.1-iv", "1-2(b)": "p-1-2-b", "u3": "p-u3", "": ""} {
		if got := Anchor(label); got != want {
			t.Errorf("Anchor(%q) = %q, want %q", label, got, want)
		}
	}
	if n, s := SplitCitation("74(a)"); n != "74" || s != "a" {
		t.Errorf("SplitCitation(74(a)) = %q, %q", n, s)
	}
	if n, s := SplitCitation("(a)"); n != "(a)" || s != "" {
		t.Errorf("SplitCitation((a)) = %q, %q", n, s)
	}
}
