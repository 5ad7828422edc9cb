package indexer

import (
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
)

func TestPhraseTerms(t *testing.T) {
	common := map[string]bool{"of": true, "the": true, "to": true, "and": true}
	for _, c := range []struct {
		phrase string
		want   []string
	}{
		{"of the", []string{"of the"}},
		{"of the inquiry", []string{"of the", "", "inquiry"}},
		{"report of the inquiry", []string{"report", "of the", "", "inquiry"}},
		{"and of the", []string{"and of", "of the"}},
		{"child protection", []string{"child", "protection"}},
		{"to the council and the", []string{"to the", "", "council", "and the"}},
	} {
		got := PhraseTerms(strings.Fields(c.phrase), common)
		if !slices.Equal(got, c.want) {
			t.Errorf("PhraseTerms(%q) = %q, want %q", c.phrase, got, c.want)
		}
	}
}

func TestCommonGramsFilter(t *testing.T) {
	m, err := NewMapping("of", "the", "to")
	if err != nil {
		t.Fatal(err)
	}
	text := "Referred to the Director of the Trust; of the"
	toks := m.AnalyzerNamed(AnalyzerExactIndex).Analyze([]byte(text))
	var words, pairs []string
	for _, tok := range toks {
		if tok.Type == analysis.Shingle {
			pairs = append(pairs, string(tok.Term))
			// A pair sits at its first word's position and spans both words.
			if got := text[tok.Start:tok.End]; !strings.EqualFold(got, string(tok.Term)) {
				t.Errorf("pair %q spans %q", tok.Term, got)
			}
			continue
		}
		words = append(words, string(tok.Term))
	}
	if want := []string{"referred", "to", "the", "director", "of", "the", "trust", "of", "the"}; !slices.Equal(words, want) {
		t.Errorf("words %q, want %q", words, want)
	}
	// Punctuation does not part words: "trust; of" would pair if both
	// were common, as a phrase query reads it too.
	if want := []string{"to the", "of the", "of the"}; !slices.Equal(pairs, want) {
		t.Errorf("pairs %q, want %q", pairs, want)
	}
	if got := CommonWords(m); len(got) != 3 || !got["the"] {
		t.Errorf("CommonWords = %v", got)
	}
	plain, err := NewMapping()
	if err != nil {
		t.Fatal(err)
	}
	if got := len(plain.AnalyzerNamed(AnalyzerExactIndex).Analyze([]byte(text))); got != 9 {
		t.Errorf("without common words the exact field has %d tokens, want the 9 words", got)
	}
}
