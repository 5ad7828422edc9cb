package indexer

import (
	"context"
	"path/filepath"
	"testing"
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
