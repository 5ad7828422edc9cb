package search

import (
	"context"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/inquirysearch/inquirysearch/indexer"
)

// The body phrase query must find and score exactly what bleve's phrase
// query does: the same documents with the same scores, when scored, when
// only counted, and when moved through by Advance (as a filter or a part
// of the index does). Phrases are cut from the sample's paragraphs, some
// with words swapped so that they match less or nothing.
func TestBodyPhraseEqualsBlevePhrase(t *testing.T) {
	s := testSearcher
	rng := rand.New(rand.NewSource(11))
	var phrases []string
	for len(phrases) < 150 {
		d := testDocs[rng.Intn(len(testDocs))]
		if len(d.Paragraphs) == 0 {
			continue
		}
		words := strings.Fields(d.Paragraphs[rng.Intn(len(d.Paragraphs))].Text)
		n := 2 + rng.Intn(3)
		if len(words) < n {
			continue
		}
		i := rng.Intn(len(words) - n + 1)
		run := append([]string(nil), words[i:i+n]...)
		if len(phrases)%5 == 4 {
			run[0], run[n-1] = run[n-1], run[0]
		}
		phrases = append(phrases, strings.Join(run, " "))
	}
	phrases = append(phrases, "the the", "of the", "the council", "council records were")

	found := 0
	for _, p := range phrases {
		toks := s.builder.tokens(indexer.AnalyzerExact, p)
		if len(toks) < 2 {
			continue
		}
		terms := s.builder.pairing.PhraseTerms(toks)
		if len(terms) < 2 {
			continue
		}
		bleveQ := guardRepeats(bleve.NewPhraseQuery(terms, indexer.FieldTextExact), terms)
		ours := newBodyPhrase(terms, indexer.FieldTextExact, bleveQ)
		want := phraseHits(t, s, bleveQ, "")
		if want.Total > 0 {
			found++
		}
		for _, score := range []string{"", "none"} {
			got := phraseHits(t, s, ours, score)
			if got.Total != want.Total {
				t.Errorf("%q %v (score %q): %d found, bleve's phrase %d", p, terms, score, got.Total, want.Total)
				continue
			}
			if score != "" {
				continue
			}
			for i := range want.Hits {
				if got.Hits[i].ID != want.Hits[i].ID || got.Hits[i].Score != want.Hits[i].Score {
					t.Errorf("%q hit %d: %s %v, bleve's phrase %s %v", p, i, got.Hits[i].ID, got.Hits[i].Score, want.Hits[i].ID, want.Hits[i].Score)
					break
				}
			}
		}
		// Advance: every other matching document named by id.
		var ids []string
		for i, h := range want.Hits {
			if i%2 == 0 {
				ids = append(ids, h.ID)
			}
		}
		if len(ids) > 0 {
			w := phraseHits(t, s, bleve.NewConjunctionQuery(bleve.NewDocIDQuery(ids), bleveQ), "")
			g := phraseHits(t, s, bleve.NewConjunctionQuery(bleve.NewDocIDQuery(ids), ours), "")
			if g.Total != w.Total || g.Total != uint64(len(ids)) {
				t.Errorf("%q among %d of its documents: %d found, bleve's phrase %d", p, len(ids), g.Total, w.Total)
			}
		}
	}
	if found < 80 {
		t.Errorf("only %d of %d phrases found anything; the case tests too little", found, len(phrases))
	}
}

func phraseHits(t *testing.T, s *Searcher, q query.Query, score string) *bleve.SearchResult {
	t.Helper()
	req := bleve.NewSearchRequestOptions(q, 10000, 0, false)
	req.SortBy([]string{"-_score", "_id"})
	req.Score = score
	if score == "none" {
		req.SortBy([]string{"_id"})
	}
	res, err := s.idx.SearchInContext(context.Background(), req)
	if err != nil {
		t.Fatal(fmt.Errorf("%v: %w", q, err))
	}
	return res
}
