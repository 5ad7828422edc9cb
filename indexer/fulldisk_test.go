package indexer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/inquirysearch/inquirysearch/internal/smalldisk"
)

// TestFullDiskEndsBuild: on a file system with too little room for a
// second index, a rebuild fails within seconds with an error that says
// the disk is full, instead of waiting for ever on a persister that
// retries; the live index still opens and nothing half-built is left.
// It needs root to mount a small tmpfs (CI runs as root) and skips
// otherwise; TestUnwritableIndexEndsBuild covers the same path without.
func TestFullDiskEndsBuild(t *testing.T) {
	mnt := smalldisk.Mount(t, "64m")
	docs := sampleDocs(t)
	dir := filepath.Join(mnt, "index")
	first, err := Build(context.Background(), docs, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Room for a tenth of another index.
	smalldisk.Shrink(t, mnt, 0.1)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	start := time.Now()
	_, err = Build(ctx, docs, dir, nil)
	if err == nil {
		t.Fatal("a build on a full disk succeeded")
	}
	if errors.Is(err, context.DeadlineExceeded) || time.Since(start) > time.Minute {
		t.Fatalf("the build on a full disk waited %s: %v", time.Since(start), err)
	}
	if !errors.Is(err, syscall.ENOSPC) && !strings.Contains(err.Error(), "no space left") {
		t.Errorf("the error does not say the disk is full: %v", err)
	}
	checkLiveIndex(t, dir, first.Version)
}

// TestUnwritableIndexEndsBuild: a build whose index directory stops
// taking writes part-way (as a disk that fails would) ends with the
// persister's error. Root ignores file modes, so it skips as root, where
// TestFullDiskEndsBuild runs instead.
func TestUnwritableIndexEndsBuild(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes through file modes")
	}
	docs := sampleDocs(t)
	dir := filepath.Join(t.TempDir(), "index")
	first, err := Build(context.Background(), docs, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	building := dir + ".building"
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		// Take away write permission as soon as the new index has its
		// first files: the persister's later writes fail.
		for {
			select {
			case <-stop:
				return
			default:
			}
			if entries, err := os.ReadDir(building); err == nil && len(entries) > 0 {
				os.Chmod(building, 0o500)
				return
			}
			time.Sleep(time.Millisecond)
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	_, err = Build(ctx, docs, dir, nil)
	os.Chmod(building, 0o700)
	os.RemoveAll(building)
	if err == nil {
		t.Fatal("a build into an unwritable directory succeeded")
	}
	if errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("the build waited for ever: %v", err)
	}
	checkLiveIndex(t, dir, first.Version)
}

func checkLiveIndex(t *testing.T, dir, version string) {
	t.Helper()
	idx, meta, err := Open(dir)
	if err != nil {
		t.Fatalf("the live index did not survive: %v", err)
	}
	defer idx.Close()
	if meta.Version != version {
		t.Errorf("live index is %q, want %q", meta.Version, version)
	}
	if _, err := os.Stat(dir + ".building"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the failed build left %s.building behind", dir)
	}
}
