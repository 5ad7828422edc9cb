package indexer

import (
	"slices"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
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

// TestParagraphIdentifiers checks the per-paragraph arrays against the
// sample corpus: every reference a paragraph's footnotes cite is among its
// terms, no cipher ever is, and every cipher in its text is in its ciphers.
func TestParagraphIdentifiers(t *testing.T) {
	docs := sampleDocs(t)
	cited, named := 0, 0
	for _, d := range docs {
		refs, ciphers := paragraphReferences(d), paragraphCiphers(d)
		if len(refs) != len(d.Paragraphs) || len(ciphers) != len(d.Paragraphs) {
			t.Fatalf("%s: arrays of %d and %d for %d paragraphs", d.ID, len(refs), len(ciphers), len(d.Paragraphs))
		}
		notes := map[int]corpus.Footnote{}
		for _, f := range d.Footnotes {
			notes[f.Number] = f
		}
		for i, p := range d.Paragraphs {
			terms := strings.Fields(refs[i])
			for _, n := range p.Footnotes {
				for _, urn := range notes[n].References {
					cited++
					if !slices.Contains(terms, strings.ToLower(urn)) {
						t.Errorf("%s ¶%s cites %s; its terms are %v", d.ID, p.Number, urn, terms)
					}
				}
			}
			for _, term := range terms {
				if NormaliseCipher(strings.ToUpper(term)) != "" {
					t.Errorf("%s ¶%s: cipher %s among the references", d.ID, p.Number, term)
				}
			}
			for _, c := range CipherPattern.FindAllString(p.Text, -1) {
				named++
				if !slices.Contains(strings.Fields(ciphers[i]), NormaliseCipher(c)) {
					t.Errorf("%s ¶%s names %s; its ciphers are %q", d.ID, p.Number, c, ciphers[i])
				}
			}
		}
	}
	if cited < 20 || named < 20 {
		t.Errorf("the sample cites %d references and names %d ciphers: too few to test", cited, named)
	}
}
