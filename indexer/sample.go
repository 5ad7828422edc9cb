package indexer

import (
	"context"
	"log/slog"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// BuildSample crawls the embedded sample site into the corpus at corpusDir
// and builds its index at indexDir. It is what `serve` does on first start
// with an empty data directory, and the fixture every search and server
// test runs on.
func BuildSample(ctx context.Context, corpusDir, indexDir string, opts corpus.Options, log *slog.Logger) (*corpus.CrawlReport, *Meta, error) {
	store, err := corpus.OpenStore(corpusDir)
	if err != nil {
		return nil, nil, err
	}
	gaz, err := corpus.DefaultGazetteer()
	if err != nil {
		return nil, nil, err
	}
	rep, err := corpus.CrawlSample(ctx, store, gaz, opts)
	if err != nil {
		return rep, nil, err
	}
	docs, err := store.Documents()
	if err != nil {
		return rep, nil, err
	}
	meta, err := Build(ctx, docs, indexDir, log)
	return rep, meta, err
}
