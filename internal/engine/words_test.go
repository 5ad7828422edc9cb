package engine

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// Words, read once, finds the neighbours the index's fuzzy dictionary
// finds, with the same edits and document counts, and counts a word's
// documents as its postings do; over an index of several segments, where
// a word's documents are spread over them.
func TestWordsEqualFuzzyDictionary(t *testing.T) {
	t.Parallel()
	texts := []string{
		"ashcombe council", "ashcombe records", "ashcmbe", "ashcombes", "sitting",
		"kitten", "ashcombe", "cafe", "café", "records kept", "recrods", "record",
		"council records", "counsel", "councils", "the council", "kitchen", "sitting room",
	}
	idx := mustIndex(t, texts, 4)
	s := mustOpen(t, idx)
	ctx := context.Background()
	skip := func(term string) bool { return !strings.HasPrefix(term, "k") } // a keep that leaves some out
	w, err := s.ReadWords(ctx, textField, skip)
	if err != nil {
		t.Fatal(err)
	}
	words := map[string]bool{}
	for _, text := range texts {
		for _, word := range strings.Fields(text) {
			words[word] = true
		}
	}
	words["absent"] = true
	for word := range words {
		want, err := s.DocFreq(ctx, textField, word)
		if err != nil {
			t.Fatal(err)
		}
		if !skip(word) {
			want = 0
		}
		if got, err := w.DocFreq(ctx, textField, word); err != nil || got != want {
			t.Errorf("%s: %d documents, want %d", word, got, want)
		}
		for fuzziness := 1; fuzziness <= 2; fuzziness++ {
			for _, prefix := range []string{"", word[:1], word[:min(2, len(word))], "\xff"} {
				keep := func(term string) bool { return term != word }
				want, err := s.Neighbours(ctx, textField, word, prefix, fuzziness, func(term string) bool { return keep(term) && skip(term) })
				if err != nil {
					t.Fatal(err)
				}
				got, err := w.Neighbours(ctx, textField, word, prefix, fuzziness, keep)
				if err != nil {
					t.Fatal(err)
				}
				byTerm := func(a, b Neighbour) int { return strings.Compare(a.Term, b.Term) }
				slices.SortFunc(want, byTerm)
				slices.SortFunc(got, byTerm)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s within %d, prefix %q: %+v, want %+v", word, fuzziness, prefix, got, want)
				}
			}
		}
	}
}
