package indexer

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// A quoted phrase of common words ("that the", "of the inquiry") is the
// slowest search bleve runs: its searcher reads the positions of every word
// in every document holding them all, and the commonest words have the
// longest position lists, which are read from the start of a block of
// documents even to reach one of them. The exact field therefore also
// holds, at the position of its first word, pairs of adjacent words as one
// term ("of the"), and a phrase reads the far shorter lists of its pairs
// (see PhraseTerms). A pair is indexed when both words are among the
// corpus's CommonWordsCount commonest, or when either is among its
// CommonestCount commonest ("the ask", "referral in"). Indexing every pair
// doubled the build and the index; pairs of two rarer words are cheap to
// find from the words themselves.
const (
	FilterCommonGrams = "common_grams" // token filter type
	commonGramsName   = "corpus_common_grams"
	// CommonWordsCount is how many of the corpus's commonest words pair
	// with each other.
	CommonWordsCount = 200
	// CommonestCount is how many of them pair with any word. The index
	// records it with the words, so that queries pair as the index did.
	CommonestCount = 20
)

func init() {
	registry.RegisterTokenFilter(FilterCommonGrams, func(config map[string]any, _ *registry.Cache) (analysis.TokenFilter, error) {
		p, err := configPairing(config)
		if err != nil {
			return nil, err
		}
		return commonGrams{p}, nil
	})
}

// configPairing reads the pairing a filter's configuration describes: its
// words, commonest first, and how many of them pair with any word.
func configPairing(config map[string]any) (Pairing, error) {
	words, err := configWords(config)
	if err != nil {
		return Pairing{}, err
	}
	var n int
	switch v := config["any"].(type) {
	case nil:
	case int:
		n = v
	case float64: // as read back from the index's stored mapping
		n = int(v)
	default:
		return Pairing{}, fmt.Errorf("%s: any must be a number, not %T", FilterCommonGrams, v)
	}
	return pairing(words, n), nil
}

// configWords reads the filter's words, commonest first.
func configWords(config map[string]any) ([]string, error) {
	var out []string
	switch ws := config["words"].(type) {
	case nil:
	case []string:
		out = ws
	case []any: // as read back from the index's stored mapping
		for _, w := range ws {
			s, ok := w.(string)
			if !ok {
				return nil, fmt.Errorf("%s: words must be strings, not %T", FilterCommonGrams, w)
			}
			out = append(out, s)
		}
	default:
		return nil, fmt.Errorf("%s: words must be a list, not %T", FilterCommonGrams, ws)
	}
	return out, nil
}

// Pairing says which adjacent words an index holds as pairs.
type Pairing struct {
	common    map[string]bool // pair with each other
	commonest map[string]bool // pair with any word
}

// pairing returns the pairing of a corpus's commonest words, commonest
// first, the first n of which pair with any word.
func pairing(words []string, n int) Pairing {
	p := Pairing{common: map[string]bool{}, commonest: map[string]bool{}}
	for i, w := range words {
		p.common[w] = true
		if i < n {
			p.commonest[w] = true
		}
	}
	return p
}

// Pairs reports whether the pair of adjacent words a b is indexed.
func (p Pairing) Pairs(a, b string) bool {
	return p.commonest[a] || p.commonest[b] || (p.common[a] && p.common[b])
}

type commonGrams struct{ p Pairing }

func (c commonGrams) Filter(in analysis.TokenStream) analysis.TokenStream {
	if len(c.p.common) == 0 || len(in) < 2 {
		return in
	}
	var grams []analysis.Token
	var buf []byte
	for i := 1; i < len(in); i++ {
		a, b := in[i-1], in[i]
		if b.Position == a.Position+1 && c.p.Pairs(string(a.Term), string(b.Term)) {
			if grams == nil {
				// One array and one buffer for the stream's pairs: the
				// filter runs on every paragraph of the corpus.
				grams = make([]analysis.Token, 0, len(in)/2)
				buf = make([]byte, 0, 8*len(in))
			}
			from := len(buf)
			buf = append(append(append(buf, a.Term...), ' '), b.Term...)
			grams = append(grams, analysis.Token{Term: buf[from:len(buf):len(buf)],
				Start: a.Start, End: b.End, Position: a.Position, Type: analysis.Shingle})
		}
	}
	for i := range grams {
		in = append(in, &grams[i])
	}
	return in
}

// IndexPairing returns the pairing an index was built with, as its mapping
// records it (one that pairs nothing for an index built without pairs).
func IndexPairing(m mapping.IndexMapping) Pairing {
	im, ok := m.(*mapping.IndexMappingImpl)
	if !ok {
		return Pairing{}
	}
	p, err := configPairing(im.CustomAnalysis.TokenFilters[commonGramsName])
	if err != nil {
		return Pairing{}
	}
	return p
}

// PhraseTerms returns the terms of a phrase query on the exact field that
// finds the phrase of exact tokens toks: at each position the pair starting
// there when it is indexed, otherwise the word unless the previous pair
// covers it ("" leaves the position free; none is left at the end). "of
// the inquiry" with "of" and "the" common but not "inquiry" becomes
// ["of the", "", "inquiry"].
func (p Pairing) PhraseTerms(toks []string) []string {
	out := make([]string, 0, len(toks))
	covered := false
	for i, t := range toks {
		switch {
		case covered && i == len(toks)-1:
			covered = false // the last word, checked by the pair before it
		case i+1 < len(toks) && p.Pairs(t, toks[i+1]):
			out = append(out, t+" "+toks[i+1])
			covered = true
		case covered:
			out = append(out, "")
			covered = false
		default:
			out = append(out, t)
		}
	}
	return out
}

// commonWords returns the corpus's commonest exact tokens, counted over an
// even sample of its paragraphs; ties go alphabetically so that a corpus
// always gives the same list.
func commonWords(texts func(yield func(string) bool), analyzer analysis.Analyzer) []string {
	counts := map[string]int{}
	for t := range texts {
		for _, tok := range analyzer.Analyze([]byte(t)) {
			counts[string(tok.Term)]++
		}
	}
	words := make([]string, 0, len(counts))
	for w := range counts {
		words = append(words, w)
	}
	slices.SortFunc(words, func(a, b string) int {
		return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b))
	})
	return words[:min(len(words), CommonWordsCount)]
}

// commonSample is about how many paragraphs the common words are counted
// over: the commonest words of a large corpus show in any even sample.
const commonSample = 20000

// corpusMapping returns the mapping for indexing docs, pairing the
// commonest words of their paragraphs.
func corpusMapping(docs []*corpus.Document) (*mapping.IndexMappingImpl, error) {
	plain, err := NewMapping()
	if err != nil {
		return nil, err
	}
	total := 0
	for _, d := range docs {
		total += len(d.Paragraphs)
	}
	step := max(1, total/commonSample)
	texts := func(yield func(string) bool) {
		n := 0
		for _, d := range docs {
			for _, p := range d.Paragraphs {
				n++
				if n%step == 0 && !yield(p.Text) {
					return
				}
			}
		}
	}
	return NewMapping(commonWords(texts, plain.AnalyzerNamed(AnalyzerExact))...)
}
