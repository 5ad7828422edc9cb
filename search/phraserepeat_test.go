package search

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/indexer"
)

// A phrase that repeats a term ("the the the", looked up as the pair "the
// the" twice) can match one document along two paths that share a word.
// bleve's phrase searcher then hands back a match whose locations share
// one array-position slice, and when that match is reused for another
// document the shared slice moves a location into the wrong paragraph: a
// phrase then matches across paragraphs, and how often depends on the page
// size. Counted here against a scan of the documents.
func TestPhraseWithRepeatedTermsCountsExactly(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	rng := rand.New(rand.NewSource(3))
	words := []string{"the", "the", "the", "council", "records"}
	var docs []*corpus.Document
	for i := range 400 {
		d := &corpus.Document{
			ID: fmt.Sprintf("repeat-%03d", i), URL: fmt.Sprintf("https://example.org/sample/%d", i),
			Title: fmt.Sprintf("Sample page %d", i), Type: corpus.TypeSection, Published: "2022-01-01",
		}
		for p := range 2 + rng.Intn(4) {
			toks := make([]string, 3+rng.Intn(8))
			for k := range toks {
				toks[k] = words[rng.Intn(len(words))]
			}
			d.Paragraphs = append(d.Paragraphs, corpus.Paragraph{Number: fmt.Sprint(p + 1), Text: strings.Join(toks, " ") + "."})
		}
		docs = append(docs, d)
	}
	dir := filepath.Join(t.TempDir(), "index")
	if _, err := indexer.Build(ctx, docs, dir, nil); err != nil {
		t.Fatal(err)
	}
	idx, meta, err := indexer.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s := New(idx, meta)
	defer s.Close()

	for _, phrase := range []string{"the the the", "the the the the", "the council the", "council council"} {
		want := 0
		for _, d := range docs {
			if paras, inTitle := phraseParagraphs(d, phrase); len(paras) > 0 || inTitle {
				want++
			}
		}
		if want == 0 {
			t.Fatalf("%q: no document holds it; the case tests nothing", phrase)
		}
		for _, sort := range []string{SortRelevance, SortNewest} {
			for size := 1; size <= 12; size++ {
				res, err := s.Search(ctx, Request{Query: `"` + phrase + `"`, Size: size, Sort: sort})
				if err != nil {
					t.Fatalf("%q, %s, size %d: %v", phrase, sort, size, err)
				}
				if res.Total != uint64(want) {
					t.Errorf("%q, %s, size %d: %d found, %d documents hold it", phrase, sort, size, res.Total, want)
				}
			}
		}
	}
}
