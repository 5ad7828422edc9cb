package crawl

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// putWriters is how many documents PutDocuments writes at once. No write
// waits on the disk, and more writers than cores only contend for the
// directory's lock in the kernel.
var putWriters = runtime.NumCPU()

// PutDocuments keeps many documents, each atomically as PutDocument does,
// with one sync for them all instead of one each: every document is
// written to a temporary file beside its place, the file system is synced
// once, and only then is each renamed into place (at 100,000 documents,
// a sync each took most of an import's time). It stops at the first error
// or when ctx is done; documents renamed before then stay, and the
// temporary files of the rest are removed.
func (s *Store) PutDocuments(ctx context.Context, docs []*corpus.Document) error {
	tmps := make([]string, len(docs))
	defer func() {
		for _, t := range tmps {
			if t != "" {
				os.Remove(t)
			}
		}
	}()
	err := s.each(ctx, len(docs), func(i int) error {
		var err error
		tmps[i], err = s.writeUnsynced(docs[i])
		return err
	})
	if err == nil {
		err = syncFiles(filepath.Join(s.dir, "docs"), tmps)
	}
	if err != nil {
		return err
	}
	for i, d := range docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := os.Rename(tmps[i], filepath.Join(s.dir, "docs", d.ID+".json")); err != nil {
			return fmt.Errorf("put document %s: %w", d.ID, err)
		}
		tmps[i] = ""
	}
	syncDir(filepath.Join(s.dir, "docs"))
	return nil
}

// each calls f(0) ... f(n-1), putWriters at a time, until one fails or ctx
// is done.
func (s *Store) each(ctx context.Context, n int, f func(int) error) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(putWriters, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := f(i); err != nil {
					cancel(err)
				}
			}
		}()
	}
feed:
	for i := range n {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	return context.Cause(ctx)
}

// writeUnsynced writes d to a temporary file beside its place in the
// store and returns the file's name.
func (s *Store) writeUnsynced(d *corpus.Document) (string, error) {
	if !corpus.ValidID(d.ID) {
		return "", fmt.Errorf("put docs: invalid id %q", d.ID)
	}
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return "", fmt.Errorf("put docs %s: %w", d.ID, err)
	}
	f, err := os.CreateTemp(filepath.Join(s.dir, "docs"), "."+d.ID+".json.tmp-*")
	if err != nil {
		return "", fmt.Errorf("put document %s: %w", d.ID, err)
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("put document %s: %w", d.ID, err)
	}
	return f.Name(), nil
}

// syncDir makes the renames into dir durable; a failure leaves them to
// the file system's next commit, so it is not an error.
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}
