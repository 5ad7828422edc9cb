package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// damageSegments writes junk into the middle of every segment file of the
// index at dir.
func damageSegments(t *testing.T, dir string) {
	t.Helper()
	segs, err := filepath.Glob(filepath.Join(dir, "store", "*.zap"))
	if err != nil || len(segs) == 0 {
		t.Fatalf("segments in %s: %v %v", dir, segs, err)
	}
	for _, s := range segs {
		f, err := os.OpenFile(s, os.O_RDWR, 0)
		if err != nil {
			t.Fatal(err)
		}
		st, _ := f.Stat()
		if _, err := f.WriteAt([]byte(strings.Repeat("\xde\xad\xbe\xef", 256)), st.Size()/2); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
}

// TestServeRebuildsDamagedIndex: a server whose index fails its integrity
// check at start-up rebuilds it from the corpus before it says it is
// ready, and then answers searches; with no corpus to rebuild from it
// refuses to start and says why.
func TestServeRebuildsDamagedIndex(t *testing.T) {
	data := t.TempDir()
	dirs := dataDirs{root: data}
	idx, _, err := openOrPrepare(t.Context(), dirs, io.Discard, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	idx.Close()
	damageSegments(t, dirs.index())

	base, stop, out := startServe(t, data)
	if !strings.Contains(out.String(), "damaged") {
		t.Errorf("start-up does not say the index was damaged:\n%s", out)
	}
	var res struct {
		Total int `json:"total"`
	}
	getJSON(t, base+"/api/v1/search?q=council", &res)
	if res.Total == 0 {
		t.Error("the rebuilt index finds nothing")
	}
	stop()

	damageSegments(t, dirs.index())
	if err := os.RemoveAll(dirs.corpus()); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dirs.corpus(), 0o755); err != nil {
		t.Fatal(err)
	}
	err = run(context.Background(), []string{"serve", "--addr", "127.0.0.1:0", "--data", data}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "damaged") || !strings.Contains(err.Error(), "no corpus") {
		t.Errorf("serve over a damaged index with no corpus: %v", err)
	}
}
