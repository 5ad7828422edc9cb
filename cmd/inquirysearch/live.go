package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync/atomic"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/crawl"
	"github.com/inquirysearch/inquirysearch/indexer"
	"github.com/inquirysearch/inquirysearch/search"
	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// live is the server's backend: the searcher of the live index, which a
// rebuild replaces without a failed request. The live searcher sits behind
// an atomic pointer with a reference count, so that no reader ever waits
// for a writer: a search takes a reference to whatever index is live when
// it starts and finishes on it, a swap only moves the pointer, and the old
// index is closed by whoever drops its last reference (the swap, or the
// last search still on it). With a lock here instead, a slow export held
// the read side for its whole response, and a waiting swap then stalled
// every new search behind it.
type live struct {
	cur  atomic.Pointer[served]
	dirs dataDirs
	log  *slog.Logger
	// seeds are what the admin crawl fetches; empty means the embedded
	// sample site.
	seeds []string
	opts  []search.Option // for every searcher, the first and each rebuilt one
}

// served is one searcher with the count of its users: the live pointer
// holds one reference, each request in flight another.
type served struct {
	s    *search.Searcher
	refs atomic.Int64
	log  *slog.Logger
}

func newServed(s *search.Searcher, log *slog.Logger) *served {
	sv := &served{s: s, log: log}
	sv.refs.Store(1)
	return sv
}

// acquire takes a reference unless the searcher is already closing.
func (sv *served) acquire() bool {
	for {
		n := sv.refs.Load()
		if n <= 0 {
			return false
		}
		if sv.refs.CompareAndSwap(n, n+1) {
			return true
		}
	}
}

// release drops a reference, closing the searcher with the last.
func (sv *served) release() {
	if sv.refs.Add(-1) == 0 {
		if err := sv.s.Close(); err != nil {
			sv.log.Error("close the replaced index", "error", err)
		}
	}
}

// use returns the live searcher with a reference taken, and the function
// that gives it back. It retries only when a swap closed the searcher it
// loaded between the load and the reference, which a swap does once.
func (l *live) use() (*search.Searcher, func(), error) {
	for {
		sv := l.cur.Load()
		if sv == nil {
			return nil, nil, fmt.Errorf("%w: no index is open", search.ErrUnavailable)
		}
		if sv.acquire() {
			return sv.s, sv.release, nil
		}
	}
}

// swap makes s the live searcher and drops the live reference to the one
// before, which closes when its last request ends.
func (l *live) swap(s *search.Searcher) {
	if old := l.cur.Swap(newServed(s, l.log)); old != nil {
		old.release()
	}
}

// with runs f on the live searcher, holding a reference for its run.
func with[T any](l *live, f func(*search.Searcher) (T, error)) (T, error) {
	s, done, err := l.use()
	if err != nil {
		var zero T
		return zero, err
	}
	defer done()
	return f(s)
}

func (l *live) Search(ctx context.Context, r search.Request) (*search.Result, error) {
	return with(l, func(s *search.Searcher) (*search.Result, error) { return s.Search(ctx, r) })
}

func (l *live) Document(ctx context.Context, id string) (*corpus.Document, error) {
	return with(l, func(s *search.Searcher) (*corpus.Document, error) { return s.Document(ctx, id) })
}

func (l *live) Suggest(ctx context.Context, prefix string) (*search.Suggestions, error) {
	return with(l, func(s *search.Searcher) (*search.Suggestions, error) { return s.Suggest(ctx, prefix) })
}

func (l *live) Recommendations(ctx context.Context, r search.RecommendationsRequest) (*search.RecommendationList, error) {
	return with(l, func(s *search.Searcher) (*search.RecommendationList, error) { return s.Recommendations(ctx, r) })
}

func (l *live) Similar(ctx context.Context, id, paragraph string, n int) (*search.Similar, error) {
	return with(l, func(s *search.Searcher) (*search.Similar, error) { return s.Similar(ctx, id, paragraph, n) })
}

func (l *live) Evidence(ctx context.Context, urn string) (*search.Evidence, error) {
	return with(l, func(s *search.Searcher) (*search.Evidence, error) { return s.Evidence(ctx, urn) })
}

// Export keeps its index for the whole export, so that every row comes
// from one index; a swap meanwhile neither waits for it nor makes anyone
// else wait.
func (l *live) Export(ctx context.Context, r search.Request, limit int, before func(uint64) error, emit func(search.Hit) error) (*search.ExportSummary, error) {
	return with(l, func(s *search.Searcher) (*search.ExportSummary, error) { return s.Export(ctx, r, limit, before, emit) })
}

func (l *live) Quote(ctx context.Context, text string, n int) (*searchapi.QuoteCheck, error) {
	return with(l, func(s *search.Searcher) (*searchapi.QuoteCheck, error) { return s.Quote(ctx, text, n) })
}

func (l *live) Batch(ctx context.Context, terms []string) (*searchapi.Batch, error) {
	return with(l, func(s *search.Searcher) (*searchapi.Batch, error) { return s.Batch(ctx, terms) })
}

func (l *live) DocumentMatches(ctx context.Context, id, q string) (*searchapi.DocumentMatches, error) {
	return with(l, func(s *search.Searcher) (*searchapi.DocumentMatches, error) { return s.DocumentMatches(ctx, id, q) })
}

func (l *live) Examples(ctx context.Context) (*searchapi.Examples, error) {
	return with(l, func(s *search.Searcher) (*searchapi.Examples, error) { return s.Examples(ctx) })
}

func (l *live) TypeCounts(ctx context.Context) (map[string]int, error) {
	return with(l, func(s *search.Searcher) (map[string]int, error) { return s.TypeCounts(ctx) })
}

// Weigh tells the server's admission what a search will cost
// (search.Searcher's Weigh).
func (l *live) Weigh(ctx context.Context, r search.Request) (broad, distance bool) {
	s, done, err := l.use()
	if err != nil {
		return false, false
	}
	defer done()
	return s.Weigh(ctx, r)
}

func (l *live) Info() searchapi.Info {
	m, _ := with(l, func(s *search.Searcher) (searchapi.Info, error) { return s.Info(), nil })
	return m
}

// crawlReport reads the last crawl's report from the corpus.
func (l *live) crawlReport() (*crawl.CrawlReport, error) {
	store, err := crawl.OpenStore(l.dirs.corpus())
	if err != nil {
		return nil, err
	}
	return store.Report()
}

// extraction reads the summary of how the corpus's pages were read.
func (l *live) extraction() (*corpus.ExtractionSummary, error) {
	store, err := crawl.OpenStore(l.dirs.corpus())
	if err != nil {
		return nil, err
	}
	return store.Extraction()
}

func (l *live) ready() error {
	if l.cur.Load() == nil {
		return errors.New("no index is open")
	}
	return nil
}

// close drops the live reference; the index closes when the last request
// on it ends, which after a server's shutdown is at once.
func (l *live) close() {
	if old := l.cur.Swap(nil); old != nil {
		old.release()
	}
}

// reindex builds a new index from the corpus beside the live one, then
// swaps it in. A failed build leaves the live index serving.
func (l *live) reindex(ctx context.Context) error {
	docs, err := l.dirs.documents(l.log)
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
	l.swap(next)
	l.log.Info("index swapped in", "version", meta.Version, "documents", meta.Documents)
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
	if _, err := crawlSeedsOrSample(ctx, store, gaz, crawl.Options{Seeds: l.seeds, Logger: l.log}); err != nil {
		return err
	}
	return l.reindex(ctx)
}
