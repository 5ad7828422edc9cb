package search

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/crawl"
	"github.com/inquirysearch/inquirysearch/indexer"
)

// The sample site's corpus and index, built once for the package's tests.
var (
	testSearcher *Searcher
	testDocs     []*corpus.Document
)

func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	dir, err := os.MkdirTemp("", "search-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	ctx := context.Background()
	if _, _, err := indexer.BuildSample(ctx, filepath.Join(dir, "corpus"), filepath.Join(dir, "index"), crawl.Options{}, nil); err != nil {
		fmt.Fprintln(os.Stderr, "build sample index:", err)
		return 1
	}
	store, _ := crawl.OpenStore(filepath.Join(dir, "corpus"))
	if testDocs, err = store.Documents(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	corpus.Resolve(testDocs)
	idx, meta, err := indexer.Open(filepath.Join(dir, "index"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	testSearcher = New(idx, meta)
	defer testSearcher.Close()
	// As serve does before it is ready: the facet table and the empty box
	// are read now, not by whichever test searches first.
	if err := testSearcher.Warm(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "warm:", err)
		return 1
	}
	return m.Run()
}

func mustSearch(t *testing.T, r Request) *Result {
	t.Helper()
	res, err := testSearcher.Search(context.Background(), r)
	if err != nil {
		t.Fatalf("Search(%+v): %v", r, err)
	}
	return res
}
