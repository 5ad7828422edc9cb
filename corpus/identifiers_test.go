package corpus

import (
	"slices"
	"testing"
)

func TestURNTerms(t *testing.T) {
	for in, want := range map[string][]string{
		"HOM003339":         {"hom003339"},
		"HOM003339_078":     {"hom003339_078", "hom003339"},
		"HOM003339_078_080": {"hom003339_078_080", "hom003339", "hom003339_078", "hom003339_079", "hom003339_080"},
		"hom003339_100_099": {"hom003339_100_099", "hom003339", "hom003339_100"}, // a backwards range names only its ends
		"FO-A3":             nil,
		"HOM00333":          nil,
		"HOM003339_78":      nil,
	} {
		if got := URNTerms(in); !slices.Equal(got, want) {
			t.Errorf("URNTerms(%q) = %v, want %v", in, got, want)
		}
	}
	if n := len(URNTerms("ABC000001_001_999")); n != 3 {
		t.Errorf("a range past maxRangePages gave %d terms, want only its ends", n)
	}
}

func TestNormaliseCipher(t *testing.T) {
	for in, want := range map[string]string{
		"FO-A3": "fo-a3", "RC-F167": "rc-f167", "ON\u2011A12": "on-a12",
		"fo-a3": "", "HOM003339": "", "FO-A3x": "", "A-A1": "",
	} {
		if got := NormaliseCipher(in); got != want {
			t.Errorf("NormaliseCipher(%q) = %q, want %q", in, got, want)
		}
	}
}
