package server

import (
	"reflect"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
)

func TestSplitRefs(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   corpus.Footnote
		want footnoteView
	}{
		{"plain", corpus.Footnote{Number: 1, Text: "Transcript, day 3"}, footnoteView{Number: 1, Parts: []textPart{{Text: "Transcript, day 3"}}}},
		{"inside", corpus.Footnote{Number: 2, Text: "Statement of A, LKP000306 paras 3–4", References: []string{"LKP000306"}},
			footnoteView{Number: 2, Parts: []textPart{{Text: "Statement of A, "}, {Text: "LKP000306", Ref: "LKP000306"}, {Text: " paras 3–4"}}}},
		{"longest at one place", corpus.Footnote{Number: 3, Text: "HOM003339_078; HOM003339", References: []string{"HOM003339", "HOM003339_078"}},
			footnoteView{Number: 3, Parts: []textPart{{Text: "HOM003339_078", Ref: "HOM003339_078"}, {Text: "; "}, {Text: "HOM003339", Ref: "HOM003339"}}}},
		{"not in the text", corpus.Footnote{Number: 4, Text: "See the annex", References: []string{"ABC000001"}},
			footnoteView{Number: 4, Parts: []textPart{{Text: "See the annex"}}, Unplaced: []string{"ABC000001"}}},
	} {
		if got := splitRefs(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %+v, want %+v", tc.name, got, tc.want)
		}
	}
}
