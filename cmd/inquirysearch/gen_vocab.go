package main

import (
	"fmt"
	"io"
	"net/http/httptest"
	"sort"
	"strings"
	"unicode"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/extract"
	"github.com/inquirysearch/inquirysearch/corpus/samplesite"
)

// vocabulary returns the generator's words, most frequent first: the words
// of the embedded sample site ranked by how often they occur there (so the
// head of the distribution reads like an inquiry report), followed by a
// long tail of made-up words so that the vocabulary grows with the corpus
// the way real text does.
func vocabulary() ([]string, error) {
	site, err := samplesite.Load()
	if err != nil {
		return nil, err
	}
	gaz, err := corpus.DefaultGazetteer()
	if err != nil {
		return nil, err
	}
	counts := map[string]int{}
	for _, u := range site.URLs() {
		rec := httptest.NewRecorder()
		site.ServeHTTP(rec, httptest.NewRequest("GET", u, nil))
		body, _ := io.ReadAll(rec.Body)
		d, err := extract.Extract(body, "https://"+corpus.SampleHost+u, gaz)
		if err != nil {
			return nil, fmt.Errorf("vocabulary: %w", err)
		}
		for _, p := range d.Paragraphs {
			for _, w := range strings.FieldsFunc(p.Text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }) {
				counts[strings.ToLower(w)]++
			}
		}
	}
	words := make([]string, 0, len(counts))
	for w := range counts {
		words = append(words, w)
	}
	sort.Slice(words, func(i, j int) bool {
		if counts[words[i]] != counts[words[j]] {
			return counts[words[i]] > counts[words[j]]
		}
		return words[i] < words[j]
	})
	return append(words, madeUpWords(60000)...), nil
}

// madeUpWords returns n distinct pronounceable words, the same every time.
func madeUpWords(n int) []string {
	consonants := []string{"b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "w", "br", "st", "th", "gr", "pl"}
	vowels := []string{"a", "e", "i", "o", "u", "ea", "ou"}
	out := make([]string, 0, n)
	for i := 0; len(out) < n; i++ {
		x := i
		var b strings.Builder
		for syl := 0; syl < 2 || x > 0; syl++ {
			b.WriteString(consonants[x%len(consonants)])
			x /= len(consonants)
			b.WriteString(vowels[x%len(vowels)])
			x /= len(vowels)
		}
		b.WriteString("n")
		out = append(out, b.String())
	}
	return out
}
