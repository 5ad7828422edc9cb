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

// TestRepeatedLabelsStayInTheirItem: (i) and (ii) printed under both (a)
// and (b) give one span each to (i) and (ii), the first ones, and the
// second pair stays in (b), so no two items share an anchor.
func TestRepeatedLabelsStayInTheirItem(t *testing.T) {
	text := "Lead:\n(a) first;\n(i) one\n(ii) two\n(b) second;\n(i) three\n(ii) four"
	p := Paragraph{Number: "5", Text: text}
	for _, l := range strings.Split(text, "\n")[1:] {
		label := strings.Trim(strings.Fields(l)[0], "()")
		p.Subparagraphs = append(p.Subparagraphs, Subparagraph{Label: label, Text: l})
	}
	var labels []string
	for _, s := range p.SubparagraphSpans() {
		labels = append(labels, s.Label)
	}
	if got := strings.Join(labels, " "); got != "a i ii b" {
		t.Errorf("spans %q, want a i ii b", got)
	}
	if got := p.CiteAt(strings.Index(text, "four")); got != "5(b)" {
		t.Errorf("the second (ii) cited %q, want 5(b)", got)
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

// FuzzCiteAt: for any paragraph text, items and offset, the items' spans
// lie in the text in order without overlapping or sharing a label, and a
// match is cited by
// the paragraph or by one of its items, a label that splits back.
func FuzzCiteAt(f *testing.F) {
	f.Add("Lead-in:\n(a) one;\n(b) two.", "(a) one;|(b) two.", 12)
	f.Add("(i) first\n(ii) second", "(i) first|(ii) second|(iii) gone", 0)
	f.Add("x", "", -3)
	f.Fuzz(func(t *testing.T, text, items string, offset int) {
		p := Paragraph{Number: "74", Text: text}
		for i, s := range strings.Split(items, "|") {
			p.Subparagraphs = append(p.Subparagraphs, Subparagraph{Label: string(rune('a' + i%26)), Text: s})
		}
		end := 0
		seen := map[string]bool{}
		for _, s := range p.SubparagraphSpans() {
			if s.Start < end || s.End < s.Start || s.End > len(text) || !strings.HasPrefix(text[s.Start:], s.Text) || seen[s.Label] {
				t.Fatalf("span %+v after %d in %q (labels so far %v)", s, end, text, seen)
			}
			end = s.End
			seen[s.Label] = true
		}
		label := p.CiteAt(offset)
		n, sub := SplitCitation(label)
		if n != "74" || (sub == "") != (label == "74") || !strings.HasPrefix(Anchor(label), "p-74") {
			t.Fatalf("CiteAt(%d) = %q (splits %q %q)", offset, label, n, sub)
		}
	})
}

// BenchmarkCiteAt is the cost a search pays per matched paragraph that
// has items: paragraph 13 of the sample's organised networks
// recommendations, four items, a match in the third.
func BenchmarkCiteAt(b *testing.B) {
	lead := "The figures should be published in a form that allows areas to be compared with one another. At a minimum, the published data should include:"
	items := []string{"(a) the number of children identified as at risk;", "(b) the number of investigations opened;",
		"(c) the time taken from first report to charge; and", "(d) the number of children offered independent advocacy."}
	p := Paragraph{Number: "13", Text: lead + "\n" + strings.Join(items, "\n")}
	for i, it := range items {
		p.Subparagraphs = append(p.Subparagraphs, Subparagraph{Label: string(rune('a' + i)), Text: it})
	}
	off := strings.Index(p.Text, "first report")
	for b.Loop() {
		if p.CiteAt(off) != "13(c)" {
			b.Fatal("wrong item")
		}
	}
}
