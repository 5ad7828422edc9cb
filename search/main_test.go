package search

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/crawl"
	"github.com/inquirysearch/inquirysearch/indexer"
)

// The sample site's corpus and index, built once for the package's tests.
// testDocs are the documents a search sees: the corpus's pages, less the
// transcripts split into testimony documents, plus those testimonies;
// corpusDocs are the pages alone.
var (
	testSearcher *Searcher
	testDocs     []*corpus.Document
	corpusDocs   []*corpus.Document
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
	corpusDocs, testDocs = testDocs, searchable(testDocs)
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

// searchable returns the documents a search of docs' index sees.
func searchable(docs []*corpus.Document) []*corpus.Document {
	var out []*corpus.Document
	for _, d := range docs {
		if d.Type == corpus.TypeTranscript && slices.ContainsFunc(d.Paragraphs, func(p corpus.Paragraph) bool { return p.Speaker != "" }) {
			continue
		}
		out = append(out, d)
	}
	for _, t := range indexer.Testimonies(docs) {
		out = append(out, &t.Document)
	}
	return out
}
