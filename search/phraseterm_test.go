package search

import (
	"math"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/inquirysearch/inquirysearch/indexer"
)

// TestOneWordPhraseIsItsTerm: a quoted word (or =word) is looked up as its
// term rather than as a phrase of one word; bleve's phrase query finds the
// same documents with the same scores, in the body and in the titles.
func TestOneWordPhraseIsItsTerm(t *testing.T) {
	t.Parallel()
	b := testSearcher.builder
	for _, word := range []string{"records", "council", "the", "Ashcombe", "CSE", "vetting"} {
		for _, field := range []struct {
			name  string
			boost float64
		}{{indexer.FieldTextExact, 1}, {indexer.FieldTitleExact, titleBoost}} {
			p := bleve.NewMatchPhraseQuery(word)
			p.Analyzer = indexer.AnalyzerExact
			p.SetField(field.name)
			p.SetBoost(field.boost)
			want := scoresOf(t, p)
			got := scoresOf(t, b.phrase(word, field.name, indexer.AnalyzerExact, field.boost))
			if len(want) == 0 && field.name == indexer.FieldTextExact {
				t.Errorf("%q is in no body: choose a word that tests something", word)
			}
			if len(got) != len(want) {
				t.Errorf("%q in %s: %d matches, the phrase query has %d", word, field.name, len(got), len(want))
			}
			for id, s := range want {
				if g, ok := got[id]; !ok || math.Abs(g-s) > 1e-9*math.Abs(s) {
					t.Errorf("%q in %s: %s scored %v (found %v), the phrase query %v", word, field.name, id, g, ok, s)
				}
			}
		}
	}
}

// scoresOf returns every match of q with its score.
func scoresOf(t *testing.T, q query.Query) map[string]float64 {
	t.Helper()
	req := bleve.NewSearchRequestOptions(q, 10000, 0, false)
	res, err := testSearcher.idx.Search(req)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	for _, h := range res.Hits {
		out[h.ID] = h.Score
	}
	return out
}
