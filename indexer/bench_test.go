package indexer

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus/crawl"
)

// BenchmarkBuild measures a full build of the sample corpus; paragraphs/s
// is reported alongside the usual figures.
func BenchmarkBuild(b *testing.B) {
	docs := sampleDocs(b)
	paras := 0
	for _, d := range docs {
		paras += len(d.Paragraphs)
	}
	dir := b.TempDir()
	i := 0
	for b.Loop() {
		i++
		if _, err := Build(context.Background(), docs, filepath.Join(dir, "index"), nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(paras*i)/b.Elapsed().Seconds(), "paragraphs/s")
}

// BenchmarkBuildData builds the corpus of the data directory named by
// INQUIRYSEARCH_BENCH_DATA (for example one written by `inquirysearch gen`);
// it is skipped when the variable is unset.
func BenchmarkBuildData(b *testing.B) {
	dir := os.Getenv("INQUIRYSEARCH_BENCH_DATA")
	if dir == "" {
		b.Skip("set INQUIRYSEARCH_BENCH_DATA to a data directory")
	}
	store, err := crawl.OpenStore(filepath.Join(dir, "corpus"))
	if err != nil {
		b.Fatal(err)
	}
	docs, err := store.Documents()
	if err != nil {
		b.Fatal(err)
	}
	paras := 0
	for _, d := range docs {
		paras += len(d.Paragraphs)
	}
	out := b.TempDir()
	i := 0
	for b.Loop() {
		i++
		if _, err := Build(context.Background(), docs, filepath.Join(out, "index"), nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(paras*i)/b.Elapsed().Seconds(), "paragraphs/s")
}
