package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/crawl"
	"github.com/inquirysearch/inquirysearch/indexer"
	"github.com/inquirysearch/inquirysearch/search"
)

// live is the server's backend: the searcher of the live index, which a
// rebuild replaces without a failed request. Searches hold a read lock for
// their whole run, so the swap waits for those in flight, and new ones
// wait a moment for the swap; the old index is closed only when none is
// using it.
type live struct {
	mu   sync.RWMutex
	cur  *search.Searcher
	dirs dataDirs
	log  *slog.Logger
	// seeds are what the admin crawl fetches; empty means the embedded
	// sample site.
	seeds []string
	opts  []search.Option // for every searcher, the first and each rebuilt one
}

func (l *live) Search(ctx context.Context, r search.Request) (*search.Result, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.cur.Search(ctx, r)
}

func (l *live) Document(ctx context.Context, id string) (*corpus.Document, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.cur.Document(ctx, id)
}

func (l *live) Suggest(ctx context.Context, prefix string) (*search.Suggestions, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.cur.Suggest(ctx, prefix)
}

func (l *live) Recommendations(ctx context.Context, r search.RecommendationsRequest) (*search.RecommendationList, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.cur.Recommendations(ctx, r)
}

func (l *live) Similar(ctx context.Context, id, paragraph string, n int) (*search.Similar, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.cur.Similar(ctx, id, paragraph, n)
}

func (l *live) Evidence(ctx context.Context, urn string) (*search.Evidence, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.cur.Evidence(ctx, urn)
}

// Export holds the read lock for the whole export, so a swap waits for
// it like for any search.
func (l *live) Export(ctx context.Context, r search.Request, limit int, before func(uint64) error, emit func(search.Hit) error) (*search.ExportSummary, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.cur.Export(ctx, r, limit, before, emit)
}

func (l *live) TypeCounts(ctx context.Context) (map[string]int, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.cur.TypeCounts(ctx)
}

func (l *live) Meta() indexer.Meta {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.cur.Meta()
}

// crawlReport reads the last crawl's report from the corpus.
func (l *live) crawlReport() (*crawl.CrawlReport, error) {
	store, err := crawl.OpenStore(l.dirs.corpus())
	if err != nil {
		return nil, err
	}
	return store.Report()
}

func (l *live) ready() error {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.cur == nil {
		return errors.New("no index is open")
	}
	return nil
}

func (l *live) close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.cur == nil {
		return nil
	}
	return l.cur.Close()
}

// reindex builds a new index from the corpus beside the live one, then
// swaps it in. A failed build leaves the live index serving.
func (l *live) reindex(ctx context.Context) error {
	docs, err := l.dirs.documents()
	if err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	if _, err := indexer.Build(ctx, docs, l.dirs.index(), l.log); err != nil {
		return err
	}
	idx, meta, err := indexer.Open(l.dirs.index())
	if err != nil {
		return err
	}
	next := search.New(idx, meta, l.opts...)
	// The new index answers the empty box from memory before anyone sees it.
	if err := next.Warm(ctx); err != nil {
		next.Close()
		return err
	}
	l.mu.Lock()
	old := l.cur
	l.cur = next
	l.mu.Unlock()
	l.log.Info("index swapped in", "version", meta.Version, "documents", meta.Documents)
	if old != nil {
		return old.Close()
	}
	return nil
}

// crawl fetches the configured seeds (or the sample site) into the corpus
// and then reindexes.
func (l *live) crawl(ctx context.Context) error {
	store, err := crawl.OpenStore(l.dirs.corpus())
	if err != nil {
		return err
	}
	gaz, err := corpus.DefaultGazetteer()
	if err != nil {
		return err
	}
	opts := crawl.Options{Seeds: l.seeds, Logger: l.log}
	if len(l.seeds) == 0 {
		_, err = crawl.CrawlSample(ctx, store, gaz, opts)
	} else {
		var c *crawl.Crawler
		if c, err = crawl.NewCrawler(store, gaz, opts); err == nil {
			_, err = c.Run(ctx)
		}
	}
	if err != nil {
		return err
	}
	return l.reindex(ctx)
}
