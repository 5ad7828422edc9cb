package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/crawl"
	"github.com/inquirysearch/inquirysearch/indexer"
)

// crawlProgress prints one status line every n pages; the caller prints
// the summary when the crawl ends (fetches still in flight when the queue
// empties would otherwise print a line each).
func crawlProgress(w io.Writer, every int) func(crawl.Progress) {
	return func(p crawl.Progress) {
		if p.Fetched%every == 0 {
			fmt.Fprintf(w, "  fetched %d pages: %d stored, %d duplicates, %d skipped, %d failed, %d queued\n",
				p.Fetched, p.Stored, p.Duplicates, p.Skipped, p.Failed, p.Queued)
		}
	}
}

// openOrPrepare opens the index in dirs, building what is missing first:
// with an empty corpus it crawls the embedded sample site, and with no
// index it indexes the corpus.
func openOrPrepare(ctx context.Context, dirs dataDirs, stdout io.Writer, log *slog.Logger) (bleve.Index, *indexer.Meta, error) {
	idx, meta, err := indexer.Open(dirs.index())
	if err == nil {
		return idx, meta, nil
	}
	if errors.Is(err, indexer.ErrDamaged) {
		return rebuildDamaged(ctx, dirs, err, stdout, log)
	}
	if !errors.Is(err, indexer.ErrNoIndex) {
		return nil, nil, err
	}
	store, err := crawl.OpenStore(dirs.corpus())
	if err != nil {
		return nil, nil, err
	}
	n, err := store.Len()
	if err != nil {
		return nil, nil, err
	}
	if n == 0 {
		fmt.Fprintf(stdout, "The data directory %s is empty: crawling and indexing the embedded sample site first.\n", dirs.root)
		start := time.Now()
		rep, meta, err := indexer.BuildSample(ctx, dirs.corpus(), dirs.index(),
			crawl.Options{Logger: log, Progress: crawlProgress(stdout, 25)}, log)
		if err != nil {
			return nil, nil, err
		}
		fmt.Fprintf(stdout, "Crawled %d sample pages (%d duplicates, %d skipped, %d broken links) and indexed %d paragraphs in %s.\n",
			rep.Stored, rep.Duplicates, rep.Skipped, rep.Failed, meta.Paragraphs, time.Since(start).Round(time.Millisecond))
		return indexer.Open(dirs.index())
	}
	if err := buildIndex(ctx, dirs, stdout, log); err != nil {
		return nil, nil, err
	}
	return indexer.Open(dirs.index())
}

// rebuildDamaged answers an index that failed its integrity check: the
// corpus is the source of truth, so the index is built again from it
// (beside the damaged one, which it then replaces). With no corpus to
// build from, serving stops with the reason rather than serve a damaged
// index.
func rebuildDamaged(ctx context.Context, dirs dataDirs, damage error, stdout io.Writer, log *slog.Logger) (bleve.Index, *indexer.Meta, error) {
	store, err := crawl.OpenStore(dirs.corpus())
	if err != nil {
		return nil, nil, fmt.Errorf("%w; and its corpus cannot be read to rebuild it: %v", damage, err)
	}
	if n, err := store.Len(); err != nil || n == 0 {
		return nil, nil, fmt.Errorf("%w; and there is no corpus in %s to rebuild it from: crawl again, or restore the index from a backup", damage, dirs.corpus())
	}
	log.Error("the index failed its integrity check; rebuilding it from the corpus", "error", damage)
	fmt.Fprintf(stdout, "The index is damaged (%v): rebuilding it from the corpus.\n", damage)
	if err := buildIndex(ctx, dirs, stdout, log); err != nil {
		return nil, nil, fmt.Errorf("rebuild the damaged index: %w", err)
	}
	return indexer.Open(dirs.index())
}

func buildIndex(ctx context.Context, dirs dataDirs, stdout io.Writer, log *slog.Logger) error {
	docs, err := dirs.documents(log)
	if err != nil {
		return err
	}
	return buildIndexOf(ctx, dirs, docs, stdout, log)
}

// buildIndexOf is buildIndex of documents already read: the whole corpus.
func buildIndexOf(ctx context.Context, dirs dataDirs, docs []*corpus.Document, stdout io.Writer, log *slog.Logger) error {
	start := time.Now()
	fmt.Fprintf(stdout, "Indexing %d documents...\n", len(docs))
	meta, err := indexer.Build(ctx, docs, dirs.index(), log)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Indexed %d documents (%d paragraphs) in %s.\n", meta.Documents, meta.Paragraphs, time.Since(start).Round(time.Millisecond))
	sum := corpus.SummariseExtraction(docs)
	store, err := crawl.OpenStore(dirs.corpus())
	if err != nil {
		return err
	}
	if err := store.PutExtraction(sum); err != nil {
		return err
	}
	printExtraction(stdout, sum, filepath.Join(dirs.corpus(), crawl.ExtractionFile))
	return nil
}
