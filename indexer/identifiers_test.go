package indexer

import (
	"slices"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// TestParagraphIdentifiers checks the per-paragraph arrays against the
// sample corpus: every reference a paragraph's footnotes cite is among its
// terms, no cipher ever is, and every cipher in its text is in its ciphers.
func TestParagraphIdentifiers(t *testing.T) {
	t.Parallel()
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
				if corpus.NormaliseCipher(strings.ToUpper(term)) != "" {
					t.Errorf("%s ¶%s: cipher %s among the references", d.ID, p.Number, term)
				}
			}
			for _, c := range corpus.CipherPattern.FindAllString(p.Text, -1) {
				named++
				if !slices.Contains(strings.Fields(ciphers[i]), corpus.NormaliseCipher(c)) {
					t.Errorf("%s ¶%s names %s; its ciphers are %q", d.ID, p.Number, c, ciphers[i])
				}
			}
		}
	}
	if cited < 20 || named < 20 {
		t.Errorf("the sample cites %d references and names %d ciphers: too few to test", cited, named)
	}
}
