package search

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/indexer"
)

// benchSearcher is the sample's Searcher, or with
// INQUIRYSEARCH_BENCH_DATA the index of a data directory (a generated
// corpus, see BENCHMARKS.md).
func benchSearcher(b *testing.B) *Searcher {
	dir := os.Getenv("INQUIRYSEARCH_BENCH_DATA")
	if dir == "" {
		return testSearcher
	}
	idx, meta, err := indexer.Open(filepath.Join(dir, "index"))
	if err != nil {
		b.Fatal(err)
	}
	s := New(idx, meta)
	b.Cleanup(func() { s.Close() })
	if err := s.Warm(context.Background()); err != nil {
		b.Fatal(err)
	}
	return s
}

// benchParagraphs returns up to n paragraphs of 40 words or more from the
// first documents of the empty search.
func benchParagraphs(b *testing.B, s *Searcher, n int) []string {
	ctx := context.Background()
	res, err := s.Search(ctx, Request{Size: 100})
	if err != nil {
		b.Fatal(err)
	}
	var out []string
	for _, h := range res.Hits {
		d, err := s.Document(ctx, h.ID)
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range d.Paragraphs {
			if len(strings.Fields(p.Text)) >= 40 && d.Type != corpus.TypeTranscript && len(out) < n {
				out = append(out, p.Text)
			}
		}
	}
	if len(out) == 0 {
		b.Fatal("no paragraph to quote")
	}
	return out
}

// BenchmarkQuote checks quotations of 30 words altered as the quote
// test alters them, and exact quotations of whole paragraphs.
func BenchmarkQuote(b *testing.B) {
	s := benchSearcher(b)
	paras := benchParagraphs(b, s, 50)
	rng := rand.New(rand.NewPCG(1, 2))
	var altered []string
	for _, p := range paras {
		_, q := alter(rng, strings.Fields(p))
		altered = append(altered, q)
	}
	for name, quotes := range map[string][]string{"altered-30-words": altered, "whole-paragraph": paras} {
		b.Run(name, func(b *testing.B) {
			ctx := context.Background()
			i := 0
			for b.Loop() {
				if _, err := s.Quote(ctx, quotes[i%len(quotes)], 5); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// BenchmarkBatch counts a batch of 100 terms: words and two-word phrases
// of the paragraphs, common and rare alike.
func BenchmarkBatch(b *testing.B) {
	s := benchSearcher(b)
	paras := benchParagraphs(b, s, 50)
	seen := map[string]bool{}
	var terms []string
	for i := 0; len(terms) < 100; i++ {
		words := strings.Fields(paras[i%len(paras)])
		w := strings.Trim(words[(i*7)%len(words)], ".,;:()“”\"'’")
		term := w
		if i%2 == 1 {
			term = `"` + w + " " + strings.Trim(words[((i*7)+1)%len(words)], ".,;:()“”\"'’") + `"`
		}
		if w != "" && !seen[term] {
			seen[term] = true
			terms = append(terms, term)
		}
	}
	ctx := context.Background()
	for b.Loop() {
		if _, err := s.Batch(ctx, terms); err != nil {
			b.Fatal(err)
		}
	}
}
