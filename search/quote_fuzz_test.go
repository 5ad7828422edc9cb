package search

import (
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// FuzzQuoteAlign: whatever a quotation and a paragraph hold, reading the
// quotation and aligning it never panics; the diff's quotation side
// spells the quotation's words, its source side is in the paragraph, and
// the score lies in [0, 1], 1 exactly when the quotation is exact.
func FuzzQuoteAlign(f *testing.F) {
	for _, c := range [][2]string{
		{"“the council decided … every [T]he referral”", "In 2014 the council decided that it would review every referral."},
		{"[the council] said [...] it would", "It said that it would."},
		{"a [b", "a b c"},
		{"support[s] the ... . . . …", "supports the case"},
		{"don’t", "don't"},
		{"", "x"},
		{"[ab]c [x]", "abc"},
	} {
		f.Add(c[0], c[1])
	}
	f.Fuzz(func(t *testing.T, quote, text string) {
		q := newQuotation(quote)
		if len(q.words) == 0 {
			return
		}
		a := align(q, text)
		var quoted []string
		for _, op := range a.ops {
			if op.Quote != "" && op.Op != searchapi.OpBracketed {
				quoted = append(quoted, op.Quote)
			}
			if op.Source != "" && !strings.Contains(text, op.Source) {
				t.Errorf("op %+v: its source is not in the paragraph", op)
			}
		}
		if got, want := wordKeys(strings.Join(quoted, " ")), wordKeys(quote); got != want {
			t.Errorf("the diff spells %q, want %q (%+v)", got, want, a.ops)
		}
		if a.score < 0 || a.score > 1 || a.exact != (a.score == 1) {
			t.Errorf("score %v, exact %v", a.score, a.exact)
		}
	})
}
