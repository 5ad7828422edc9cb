package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/inquirysearch/inquirysearch/corpus/crawl"
	"github.com/inquirysearch/inquirysearch/indexer"
)

// When the test binary is started with this variable set, it runs the
// program itself: crash tests use it to get a real process to kill.
const runMainEnv = "INQUIRYSEARCH_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
			os.Stderr.WriteString(err.Error() + "\n")
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func program(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), runMainEnv+"=1")
	return cmd
}

// TestIndexBuildSurvivesSIGKILL kills `index` at many points of a rebuild
// and checks each time that the data directory still opens to a complete
// index (the old one or the new one) and that the next build succeeds.
func TestIndexBuildSurvivesSIGKILL(t *testing.T) {
	data := t.TempDir()
	var out bytes.Buffer
	if err := run(context.Background(), []string{"crawl", "--sample", "--data", data}, &out, &out); err != nil {
		t.Fatal(err)
	}
	store, _ := crawl.OpenStore(filepath.Join(data, "corpus"))
	want, _ := store.Len()
	if err := run(context.Background(), []string{"index", "--data", data}, &out, &out); err != nil {
		t.Fatal(err)
	}
	index := filepath.Join(data, "index")
	killed := 0
	for delay := 20 * time.Millisecond; delay <= 400*time.Millisecond; delay += 30 * time.Millisecond {
		cmd := program("index", "--data", data)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		if cmd.Process.Signal(syscall.SIGKILL) == nil {
			if err := cmd.Wait(); err != nil {
				killed++
			}
		}
		idx, meta, err := indexer.Open(index)
		if err != nil {
			t.Fatalf("after SIGKILL at %s the index does not open: %v", delay, err)
		}
		n, _ := idx.DocCount()
		idx.Close()
		if int(n) != want+meta.Recommendations+meta.Testimonies || meta.Documents != want {
			t.Fatalf("after SIGKILL at %s the index holds %d documents (meta %d), want %d", delay, n, meta.Documents, want)
		}
	}
	if killed == 0 {
		t.Fatal("no build was interrupted; the test proved nothing")
	}
	t.Logf("%d builds killed part-way", killed)
	if err := run(context.Background(), []string{"index", "--data", data}, &out, &out); err != nil {
		t.Fatalf("a build after the crashes failed: %v", err)
	}
}
