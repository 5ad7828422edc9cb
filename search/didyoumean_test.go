package search

import (
	"strings"
	"testing"
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
	// A query that finds enough is left alone, and so are words that are
	// fine but absent.
	if res := mustSearch(t, Request{Query: "council"}); res.DidYouMean != "" {
		t.Errorf("council: did you mean %q", res.DidYouMean)
	}
	if res := mustSearch(t, Request{Query: "zzzzqqqq"}); res.DidYouMean != "" {
		t.Errorf("nonsense: did you mean %q", res.DidYouMean)
	}
}
