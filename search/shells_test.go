package search

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus/crawl"
	"github.com/inquirysearch/inquirysearch/corpus/samplesite"
	"github.com/inquirysearch/inquirysearch/indexer"
)

// TestRelevanceInEveryShell crawls the sample site printed in each page
// shell real publishing systems produce, indexes it, and runs the
// relevance set against it: extraction that depends on the template would
// lose documents or paragraphs here. The web-archive shell is crawled
// through the archive, from its captures of the seeds.
func TestRelevanceInEveryShell(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls and indexes the sample site once in each shell")
	}
	for _, shell := range samplesite.Shells[1:] {
		t.Run(shell, func(t *testing.T) {
			dir := t.TempDir()
			rep, meta, err := indexer.BuildSample(context.Background(), filepath.Join(dir, "corpus"), filepath.Join(dir, "index"),
				crawl.Options{SampleShell: shell}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if meta.Documents != testSearcher.meta.Documents {
				t.Errorf("%s: %d documents indexed (crawl stored %d), the sample's own shell %d", shell, meta.Documents, rep.Stored, testSearcher.meta.Documents)
			}
			idx, m, err := indexer.Open(filepath.Join(dir, "index"))
			if err != nil {
				t.Fatal(err)
			}
			s := New(idx, m)
			defer s.Close()
			recall, mrr := relevanceOf(t, s)
			t.Logf("%s: recall@10 %.3f, MRR %.3f", shell, recall, mrr)
			if recall < minRecallAt10 || mrr < minMRR {
				t.Errorf("%s: recall@10 %.3f, MRR %.3f, below %.2f and %.2f", shell, recall, mrr, minRecallAt10, minMRR)
			}
			os.RemoveAll(dir)
		})
	}
}
