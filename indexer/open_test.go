package indexer

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"testing"

	"github.com/blevesearch/bleve/v2"
)

// An index of an older schema opens as ErrNoIndex, which makes the
// program rebuild it rather than search fields it lacks.
func TestOpenRejectsOlderSchema(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "index")
	if _, err := Build(context.Background(), sampleDocs(t)[:3], dir, nil); err != nil {
		t.Fatal(err)
	}
	// Open serves read-only; rewrite the meta through a writable handle.
	// The build's unsafe_batch setting is kept with the index; without
	// turning it off, Close may come before the write reaches the disk.
	idx, err := bleve.OpenUsing(dir, map[string]any{"unsafe_batch": false})
	if err != nil {
		t.Fatal(err)
	}
	meta, err := ReadMeta(idx)
	if err != nil {
		t.Fatal(err)
	}
	meta.Schema = SchemaVersion - 1
	b, _ := json.Marshal(meta)
	if err := idx.SetInternal(metaKey, b); err != nil {
		t.Fatal(err)
	}
	// The index was built with unsafe batches, a setting it keeps: wait
	// for the write to reach the disk.
	if err := waitSteady(context.Background(), idx, dir); err != nil {
		t.Fatal(err)
	}
	idx.Close()
	if _, _, err := Open(dir); !errors.Is(err, ErrNoIndex) {
		t.Errorf("Open of an older schema: %v, want ErrNoIndex", err)
	}
}
