package indexer

import (
	"context"
	"log/slog"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/crawl"
)

// BuildSample crawls the embedded sample site into the corpus at corpusDir
// and builds its index at indexDir. It is what `serve` does on first start
// with an empty data directory, and the fixture every search and server
// test runs on.
func BuildSample(ctx context.Context, corpusDir, indexDir string, opts crawl.Options, log *slog.Logger) (*crawl.CrawlReport, *Meta, error) {
	store, err := crawl.OpenStore(corpusDir)
	if err != nil {
		return nil, nil, err
	}
	gaz, err := corpus.DefaultGazetteer()
	if err != nil {
		return nil, nil, err
	}
	rep, err := crawl.CrawlSample(ctx, store, gaz, opts)
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
