package search

import (
	"context"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/internal/engine"
)

// TestDidYouMean: a place name with a letter dropped or two swapped finds
// nothing, and the suggested query is the real name, which finds it.
func TestDidYouMean(t *testing.T) {
	t.Parallel()
	places := map[string]bool{}
	for _, d := range testDocs {
		for _, p := range d.Places {
			if len(p) >= 6 && !strings.Contains(p, " ") {
				places[p] = true
			}
		}
	}
	checked := 0
	for p := range places {
		for _, typo := range []string{p[:3] + p[4:], p[:2] + p[3:4] + p[2:3] + p[4:]} {
			res := mustSearch(t, Request{Query: typo + " council"})
			if res.Total >= DidYouMeanBelow {
				continue // the misspelling is a word of the corpus too
			}
			checked++
			if res.DidYouMean != p+" council" {
				t.Errorf("%q: did you mean %q, want %q", typo+" council", res.DidYouMean, p+" council")
				continue
			}
			if fixed := mustSearch(t, Request{Query: res.DidYouMean}); fixed.Total <= res.Total {
				t.Errorf("%q finds %d, no more than %q", res.DidYouMean, fixed.Total, typo)
			}
		}
	}
	if checked < 6 {
		t.Errorf("only %d misspellings checked", checked)
	}
	// A correction keeps the first letter typed.
	for p := range places {
		typo := "q" + p[1:]
		if res := mustSearch(t, Request{Query: typo + " council"}); strings.EqualFold(res.DidYouMean, p+" council") {
			t.Errorf("%q: did you mean %q, which changes the first letter", typo+" council", res.DidYouMean)
		}
	}
	// A query that finds enough is left alone, and so are words that are
	// fine but absent.
	if res := mustSearch(t, Request{Query: "council"}); res.DidYouMean != "" {
		t.Errorf("council: did you mean %q", res.DidYouMean)
	}
	if res := mustSearch(t, Request{Query: "zzzzqqqq"}); res.DidYouMean != "" {
		t.Errorf("nonsense: did you mean %q", res.DidYouMean)
	}
}

// A correction is the same whether it is looked for among the words read
// into memory or, while they are still being read, in the index.
func TestCorrectionsSameFromWordsReadOrIndex(t *testing.T) {
	t.Parallel()
	s := testSearcher
	s.words.start(s.idx)
	<-s.words.done
	words := s.words.ready()
	if words == nil {
		t.Fatalf("the words were not read: %v", s.words.err)
	}
	r, err := engine.Open(s.idx)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	ctx := context.Background()
	tried, corrected := 0, 0
	for _, d := range testDocs {
		for _, p := range d.Places {
			if len(p) < 6 || strings.Contains(p, " ") {
				continue
			}
			for _, w := range []string{p, p[:3] + p[4:], p[:2] + p[3:4] + p[2:3] + p[4:], strings.ToUpper(p[1:])} {
				fromWords, fromIndex := s.correction(ctx, words, w), s.correction(ctx, r, w)
				if fromWords != fromIndex {
					t.Errorf("%q: corrected to %q from the words read, %q from the index", w, fromWords, fromIndex)
				}
				tried++
				if fromIndex != "" {
					corrected++
				}
			}
		}
	}
	if corrected < 6 {
		t.Errorf("only %d of %d words corrected", corrected, tried)
	}
}
