package indexer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// damage overwrites bytes in the middle of the largest segment of the
// index at dir, as a bad disk or a stray write would.
func damage(t *testing.T, dir string) {
	t.Helper()
	files, err := segmentFiles(dir)
	if err != nil || len(files) == 0 {
		t.Fatalf("segments of %s: %v %v", dir, files, err)
	}
	var biggest string
	var size int64
	for _, f := range files {
		st, err := os.Stat(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		if st.Size() > size {
			biggest, size = filepath.Join(dir, f), st.Size()
		}
	}
	f, err := os.OpenFile(biggest, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	junk := make([]byte, 4096)
	for i := range junk {
		junk[i] = byte(i*7 + 13)
	}
	if _, err := f.WriteAt(junk, size/2); err != nil {
		t.Fatal(err)
	}
}

// TestDamagedIndexIsRefused: random bytes in a segment make Open fail
// with ErrDamaged (the segment fails its checksum), never a panic; and
// without a manifest (an index built before them) Open still does not
// panic.
func TestDamagedIndexIsRefused(t *testing.T) {
	t.Parallel()
	docs := sampleDocs(t)
	dir := filepath.Join(t.TempDir(), "index")
	if _, err := Build(context.Background(), docs, dir, nil); err != nil {
		t.Fatal(err)
	}
	idx, _, err := Open(dir)
	if err != nil {
		t.Fatalf("a sound index fails its check: %v", err)
	}
	idx.Close()
	damage(t, dir)
	if _, _, err := Open(dir); !errors.Is(err, ErrDamaged) {
		t.Errorf("Open of a damaged index: %v, want ErrDamaged", err)
	}
	if err := os.Remove(filepath.Join(dir, manifestName)); err != nil {
		t.Fatal(err)
	}
	idx, _, err = Open(dir)
	if err == nil {
		idx.Close()
	}
	t.Logf("a damaged index without a manifest: %v", err)
}
