package search

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/indexer"
)

func mustSuggest(t testing.TB, prefix string) []Suggestion {
	t.Helper()
	res, err := testSearcher.Suggest(context.Background(), prefix)
	if err != nil {
		t.Fatalf("Suggest(%q): %v", prefix, err)
	}
	return res.Suggestions
}

func TestSuggest(t *testing.T) {
	t.Parallel()
	// Every place and every title is offered for its first letters.
	kinds := map[string]bool{}
	for _, d := range corpusDocs {
		for _, want := range append([]string{d.Title}, d.Places...) {
			if len(want) < 6 {
				continue
			}
			got := mustSuggest(t, want[:len(want)-2])
			if len(got) > MaxSuggestions {
				t.Errorf("%q: %d suggestions", want, len(got))
			}
			found := slices.ContainsFunc(got, func(s Suggestion) bool { return s.Text == want })
			if !found && len(got) < MaxSuggestions {
				t.Errorf("%q is not suggested for %q: %v", want, want[:len(want)-2], got)
			}
			for _, s := range got {
				kinds[s.Kind] = true
				if !strings.HasPrefix(strings.ToLower(s.Text), strings.ToLower(want[:len(want)-2])) &&
					!strings.Contains(strings.ToLower(s.Text), " "+strings.ToLower(want[:len(want)-2])) {
					t.Errorf("%q offered for %q", s.Text, want[:len(want)-2])
				}
			}
		}
	}
	for _, k := range []string{indexer.KindTitle, indexer.KindPlace} {
		if !kinds[k] {
			t.Errorf("no %s suggested", k)
		}
	}
	// Phrases and words complete too; an entry the prefix starts comes
	// before one where it starts a later word.
	got := mustSuggest(t, "designated saf")
	if !slices.ContainsFunc(got, func(s Suggestion) bool {
		return s.Text == "designated safeguarding lead" && s.Kind == indexer.KindPhrase
	}) {
		t.Errorf("designated saf: %v", got)
	}
	got = mustSuggest(t, "safeg")
	if len(got) == 0 || !strings.HasPrefix(strings.ToLower(got[0].Text), "safeg") {
		t.Errorf("safeg: %v", got)
	}
	if got := mustSuggest(t, ""); len(got) != 0 {
		t.Errorf("empty prefix: %v", got)
	}
	if got := mustSuggest(t, "qqqzzz"); len(got) != 0 {
		t.Errorf("nonsense: %v", got)
	}
	for _, bad := range []string{"\xff", strings.Repeat("a", MaxSuggestPrefix+1)} {
		if _, err := testSearcher.Suggest(context.Background(), bad); !errors.Is(err, ErrInvalidQuery) {
			t.Errorf("Suggest(%q): %v", bad, err)
		}
	}
}

// BenchmarkSuggest measures the typeahead's latency over a range of
// prefixes, from one letter to a phrase.
func BenchmarkSuggest(b *testing.B) {
	prefixes := []string{"a", "s", "re", "saf", "ashc", "larksp", "record", "designated saf", "child sexual"}
	for i := 0; b.Loop(); i++ {
		mustSuggest(b, prefixes[i%len(prefixes)])
	}
}

// The bounded scan must give what ranking every match gives, for every
// prefix of one to three letters the lexicon has.
func TestSuggestBoundedScanRanksLikeFullSort(t *testing.T) {
	t.Parallel()
	sg, err := testSearcher.suggester.get(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	full := func(prefix string, limit int) []Suggestion {
		best := map[int]bool{}
		for _, k := range sg.keys {
			if strings.HasPrefix(k.key, prefix) {
				best[k.entry] = best[k.entry] || k.start
			}
		}
		var entries []int
		for e := range best {
			entries = append(entries, e)
		}
		sort.Slice(entries, func(a, b int) bool {
			if best[entries[a]] != best[entries[b]] {
				return best[entries[a]]
			}
			return sg.rank[entries[a]] < sg.rank[entries[b]]
		})
		out := []Suggestion{}
		seen := map[string]bool{}
		for _, e := range entries {
			if f := fold(sg.entries[e].Text); !seen[f] && f != prefix {
				seen[f] = true
				out = append(out, Suggestion{Text: sg.entries[e].Text, Kind: sg.entries[e].Kind})
			}
			if len(out) == limit {
				break
			}
		}
		return out
	}
	prefixes := map[string]bool{}
	for _, k := range sg.keys {
		r := []rune(k.key)
		for n := 1; n <= 3 && n <= len(r); n++ {
			prefixes[string(r[:n])] = true
		}
	}
	if len(prefixes) < 100 {
		t.Fatalf("only %d prefixes in the lexicon", len(prefixes))
	}
	for p := range prefixes {
		if got, want := sg.find(p, MaxSuggestions), full(p, MaxSuggestions); !reflect.DeepEqual(got, want) {
			t.Errorf("find(%q) = %v, want %v", p, got, want)
		}
	}
}

// Entries that the prefix matches at several word starts, or that fold to
// the same text, must not crowd out others: the limit is always filled
// when there are enough distinct completions.
func TestSuggestFillsTheLimit(t *testing.T) {
	t.Parallel()
	var entries []indexer.Entry
	for i := range 12 {
		entries = append(entries,
			indexer.Entry{Text: fmt.Sprintf("Report%02d bay bee bus bog bun", i), Kind: indexer.KindTitle, Weight: 1},
			indexer.Entry{Text: fmt.Sprintf("report%02d BAY bee bus bog bun", i), Kind: indexer.KindPhrase, Weight: 2})
	}
	sg := buildSuggester(entries, nil)
	got := sg.find("b", MaxSuggestions)
	if len(got) != MaxSuggestions {
		t.Fatalf("find(b) gave %d suggestions, want %d: %v", len(got), MaxSuggestions, got)
	}
	seen := map[string]bool{}
	for _, s := range got {
		if seen[fold(s.Text)] || s.Kind != indexer.KindTitle {
			t.Errorf("%v: a repeat, or the phrase where the title ranks first", s)
		}
		seen[fold(s.Text)] = true
	}
}
