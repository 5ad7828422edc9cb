package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/inquirysearch/inquirysearch/search"
	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// mustLive returns the backend serve builds over a data directory holding
// the sample site's corpus and index.
func mustLive(t *testing.T) *live {
	t.Helper()
	dirs := dataDirs{root: t.TempDir()}
	idx, meta, err := openOrPrepare(t.Context(), dirs, io.Discard, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	l := &live{dirs: dirs, log: slog.New(slog.DiscardHandler)}
	l.swap(search.New(idx, meta))
	t.Cleanup(l.close)
	return l
}

// TestSwapNeverBlocksReaders: an export that its client reads slowly
// keeps its index; a rebuild swaps a new one in meanwhile, and new
// searches start on it at once instead of queueing behind the export.
func TestSwapNeverBlocksReaders(t *testing.T) {
	l := mustLive(t)
	before := l.Info().BuiltAt
	stalled, resume := make(chan struct{}), make(chan struct{})
	exported := make(chan error, 1)
	go func() {
		first := true
		_, err := l.Export(context.Background(), search.Request{}, 0, nil, func(search.Hit) error {
			if first {
				first = false
				close(stalled)
				<-resume // the client stops reading
			}
			return nil
		})
		exported <- err
	}()
	<-stalled
	swapped := make(chan error, 1)
	go func() { swapped <- l.reindex(context.Background()) }()

	// Searches go on while the rebuild runs and after it swaps.
	deadline := time.Now().Add(30 * time.Second)
	for {
		start := time.Now()
		if _, err := l.Search(context.Background(), search.Request{Query: "council"}); err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d > time.Second {
			t.Fatalf("a search waited %s behind the export", d)
		}
		select {
		case err := <-swapped:
			if err != nil {
				t.Fatal(err)
			}
			if l.Info().BuiltAt.Equal(before) {
				t.Error("the rebuilt index is not live")
			}
			close(resume)
			if err := <-exported; err != nil {
				t.Errorf("the export on the replaced index failed: %v", err)
			}
			return
		default:
		}
		if time.Now().After(deadline) {
			close(resume)
			t.Fatal("the swap waited for the export")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestClosedLiveIsUnavailable: after close, requests fail as unavailable
// rather than touch a closed index.
func TestClosedLiveIsUnavailable(t *testing.T) {
	l := mustLive(t)
	l.close()
	if _, err := l.Search(context.Background(), search.Request{Query: "council"}); !errors.Is(err, search.ErrUnavailable) {
		t.Errorf("search after close: %v", err)
	}
	if l.Info() != (searchapi.Info{}) {
		t.Error("info of a closed backend")
	}
}

// TestUnreadableDocumentSetAside: one damaged corpus document no longer
// stops a rebuild, from the command line or the admin route's reindex: it
// is moved out of docs/ and the index is built without it.
func TestUnreadableDocumentSetAside(t *testing.T) {
	l := mustLive(t)
	n := l.Info().Documents
	docs, err := filepath.Glob(filepath.Join(l.dirs.corpus(), "docs", "*.json"))
	if err != nil || len(docs) < 2 {
		t.Fatalf("corpus documents: %v %d", err, len(docs))
	}
	if err := os.WriteFile(docs[0], []byte(`{"id": "damaged`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := l.reindex(context.Background()); err != nil {
		t.Fatalf("reindex with a damaged document: %v", err)
	}
	if got := l.Info().Documents; got != n-1 {
		t.Errorf("the rebuilt index holds %d documents, want %d", got, n-1)
	}
	moved := filepath.Join(l.dirs.corpus(), "unreadable", filepath.Base(docs[0]))
	if _, err := os.Stat(moved); err != nil {
		t.Errorf("the damaged document was not set aside: %v", err)
	}
	if err := os.WriteFile(docs[1], []byte("\x00\x01"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := run(context.Background(), []string{"index", "--data", l.dirs.root}, &out, &out); err != nil {
		t.Fatalf("index with a damaged document: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "set aside") || !strings.Contains(out.String(), strings.TrimSuffix(filepath.Base(docs[1]), ".json")) {
		t.Errorf("the index command does not report the document set aside:\n%s", out.String())
	}
}
