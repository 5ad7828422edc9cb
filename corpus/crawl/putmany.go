package crawl

import (
	"context"
	"sync"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// putWriters is how many documents PutDocuments writes at once. Each
// write waits on its own fsync; the disk takes many at a time (the file
// system commits them together), so a bulk import is bounded by the disk's
// throughput rather than by one sync's latency after another.
const putWriters = 32

// PutDocuments keeps many documents, as PutDocument does each (atomically,
// synced), several at a time. It stops at the first error or when ctx is
// done; documents written before then stay.
func (s *Store) PutDocuments(ctx context.Context, docs []*corpus.Document) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	next := make(chan *corpus.Document)
	var wg sync.WaitGroup
	for range min(putWriters, len(docs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range next {
				if err := s.PutDocument(d); err != nil {
					cancel(err)
				}
			}
		}()
	}
feed:
	for _, d := range docs {
		select {
		case next <- d:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	return context.Cause(ctx)
}
