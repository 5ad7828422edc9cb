package search

import (
	"errors"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want string // want: the normalised form
	}{
		{"", ""},
		{"care homes", "care homes"},
		{`"record keeping" council`, `"record keeping" council`},
		{`council OR police records`, `council OR police records`},
		{`records -police -"crown court"`, `records -police -"crown court"`},
		{`place:Ashcombe records`, `place:Ashcombe records`},
		{`investigation:"Organised networks" type:Recommendations`, `investigation:"Organised networks" type:recommendations`},
		{`type:"executive summary"`, `type:executive-summary`},
		{`year:2021`, `year:2021`},
		{`note: care`, `note: care`},                // unknown field: plain words
		{`"unbalanced quote`, `"unbalanced quote"`}, // runs to the end
		{`((care)) AND homes`, `care homes`},
		{`OR care OR`, `care`},
		{`care OR`, `care`},
		{`a OR b OR c d`, `a OR b OR c d`},
		{`""  -""`, ``},
		{"  lots   of\tspace  ", "lots of space"},
		{`- care`, `- care`},
		{`+care`, `care`},
		{`"  spaced   phrase "`, `"spaced phrase"`},
		{`HOM003339_078`, `urn:HOM003339_078`},
		{`hom003339 urn:ABC000001_002`, `urn:HOM003339 urn:ABC000001_002`},
		{`fo-a3 cipher:ON-A12`, `cipher:FO-A3 cipher:ON-A12`},
		{`"care homes"~3 records`, `"care homes"~3 records`},
		{`"care homes"~500`, `"care homes"~50`},
		{`"care"~3 "a b"~ x`, `"care" "a b" x`},
		{`=CSE ="child sexual exploitation" -=LADO`, `=CSE ="child sexual exploitation" -=LADO`},
		{`published:2019..2021 published:>2020-06-01 published:"< 2021"`, `published:2019..2021 published:>2020-06-01 published:<2021`},
	}
	for _, tt := range tests {
		q, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got := q.String(); got != tt.want {
			t.Errorf("Parse(%q).String() = %q, want %q", tt.in, got, tt.want)
		}
		// The normalised form parses back to itself.
		again, err := Parse(q.String())
		if err != nil || again.String() != q.String() {
			t.Errorf("Parse(%q) does not round-trip: %q, %v", q.String(), again, err)
		}
	}
}

func TestParseStructure(t *testing.T) {
	t.Parallel()
	q, err := Parse(`a "b c" OR d -e place:X`)
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Groups) != 3 || len(q.Groups[1]) != 2 || !q.Groups[1][0].Phrase || q.Groups[2][0].Field != "place" {
		t.Errorf("groups = %+v", q.Groups)
	}
	if len(q.Exclude) != 1 || q.Exclude[0].Text != "e" {
		t.Errorf("exclude = %+v", q.Exclude)
	}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	for name, in := range map[string]string{
		"invalid utf-8": "care \xff homes",
		"too long":      strings.Repeat("a", MaxQueryBytes+1),
		"too many":      strings.Repeat("w ", MaxTerms+1),
		"bad year":      "year:20x1",
		"bad type":      "type:podcast",
		"bad urn":       "urn:HOM12",
		"bad cipher":    "cipher:A-1",
		"bad date":      "published:2020-13",
		"empty range":   "published:..",
		"reverse range": "published:2021..2019",
		"bad compare":   "published:>soon",
	} {
		if _, err := Parse(in); !errors.Is(err, ErrInvalidQuery) {
			t.Errorf("%s: err = %v, want ErrInvalidQuery", name, err)
		}
	}
}
