package indexer

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
)

func TestPhraseTerms(t *testing.T) {
	t.Parallel()
	// "the" pairs with any word; "of", "to" and "and" with each other and
	// with "the".
	p := Pairing{common: map[string]bool{"of": true, "the": true, "to": true, "and": true},
		commonest: map[string]bool{"the": true}}
	for _, c := range []struct {
		phrase string
		want   []string
	}{
		{"of the", []string{"of the"}},
		{"of the inquiry", []string{"of the", "the inquiry"}},
		{"report of the inquiry", []string{"report", "of the", "the inquiry"}},
		{"and of the", []string{"and of", "of the"}},
		{"child protection", []string{"child", "protection"}},
		{"of the council staff", []string{"of the", "the council", "", "staff"}},
		{"to the council and the", []string{"to the", "the council", "", "and the"}},
		{"council of report", []string{"council", "of", "report"}},
	} {
		got := p.PhraseTerms(strings.Fields(c.phrase))
		if !slices.Equal(got, c.want) {
			t.Errorf("PhraseTerms(%q) = %q, want %q", c.phrase, got, c.want)
		}
	}
}

func TestCommonGramsFilter(t *testing.T) {
	t.Parallel()
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
			// A pair spans both words, and what lies between them.
			a, b, _ := strings.Cut(string(tok.Term), " ")
			if got := strings.ToLower(text[tok.Start:tok.End]); !strings.HasPrefix(got, a) || !strings.HasSuffix(got, b) {
				t.Errorf("pair %q spans %q", tok.Term, got)
			}
			continue
		}
		words = append(words, string(tok.Term))
	}
	if want := []string{"referred", "to", "the", "director", "of", "the", "trust", "of", "the"}; !slices.Equal(words, want) {
		t.Errorf("words %q, want %q", words, want)
	}
	// All three words are among the commonest, so they pair with any word.
	// Punctuation does not part words ("trust; of"), as a phrase query
	// reads them too.
	if want := []string{"referred to", "to the", "the director", "director of", "of the", "the trust", "trust of", "of the"}; !slices.Equal(pairs, want) {
		t.Errorf("pairs %q, want %q", pairs, want)
	}
	if got := IndexPairing(m); len(got.common) != 3 || !got.Pairs("the", "trust") {
		t.Errorf("IndexPairing = %v", got)
	}
	plain, err := NewMapping()
	if err != nil {
		t.Fatal(err)
	}
	if got := len(plain.AnalyzerNamed(AnalyzerExactIndex).Analyze([]byte(text))); got != 9 {
		t.Errorf("without common words the exact field has %d tokens, want the 9 words", got)
	}
}

// Queries must pair words as the index did, whatever this version's
// CommonestCount: the pairing is read back from the index's own mapping.
func TestPairingTravelsWithTheMapping(t *testing.T) {
	t.Parallel()
	words := make([]string, 30)
	for i := range words {
		words[i] = fmt.Sprintf("w%02d", i)
	}
	m, err := NewMapping(words...)
	if err != nil {
		t.Fatal(err)
	}
	cfg := m.CustomAnalysis.TokenFilters[commonGramsName]
	cfg["any"] = 3 // as an index built by a version that paired fewer
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var back mapping.IndexMappingImpl
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	p := IndexPairing(&back)
	if !p.Pairs("w02", "rare") || p.Pairs("w03", "rare") || !p.Pairs("w03", "w29") {
		t.Errorf("read back, the pairing is %v; want w00-w02 with any word, all thirty with each other", p)
	}
	toks := back.AnalyzerNamed(AnalyzerExactIndex).Analyze([]byte("w02 rare w03 rare w03 w29"))
	var pairs []string
	for _, tok := range toks {
		if tok.Type == analysis.Shingle {
			pairs = append(pairs, string(tok.Term))
		}
	}
	if want := []string{"w02 rare", "w03 w29"}; !slices.Equal(pairs, want) {
		t.Errorf("the read-back analyzer pairs %q, want %q", pairs, want)
	}
}
