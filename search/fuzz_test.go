package search

import (
	"errors"
	"testing"
)

// FuzzParse: the query parser never panics, rejects input only with
// ErrInvalidQuery, and its normalised form parses back to itself.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`"record keeping" council OR police -"crown court" place:Ashcombe`,
		`"unbalanced`, `((a OR)) b`, `type:"executive summary" year:2021`, `-`, `""`, "\xff", `a:b:c`,
		`investigation:"Organised networks" -place:X OR`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		q, err := Parse(in)
		if err != nil {
			if !errors.Is(err, ErrInvalidQuery) {
				t.Fatalf("Parse(%q): %v is not ErrInvalidQuery", in, err)
			}
			return
		}
		s := q.String()
		again, err := Parse(s)
		if err != nil || again.String() != s {
			t.Fatalf("Parse(%q) -> %q does not parse back to itself: %q, %v", in, s, again, err)
		}
	})
}
