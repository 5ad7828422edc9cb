package crawl

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/inquirysearch/inquirysearch/corpus/samplesite"
)

// The crawl the resume test kills runs in a child process: this test
// binary, started again with these variables, runs only the crawl.
const (
	helperDirEnv = "CORPUS_CRAWL_HELPER_DIR"
	helperURLEnv = "CORPUS_CRAWL_HELPER_URL"
)

func sampleSeedsAt(base string) []string {
	var seeds []string
	for _, s := range SampleSeeds {
		seeds = append(seeds, base+s)
	}
	return seeds
}

// TestCrawlHelperProcess is the child process of TestCrawlResumesAfterSIGKILL;
// run on its own it does nothing.
func TestCrawlHelperProcess(t *testing.T) {
	dir, base := os.Getenv(helperDirEnv), os.Getenv(helperURLEnv)
	if dir == "" {
		return
	}
	store, err := OpenStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewCrawler(store, mustGazetteer(t), Options{Seeds: sampleSeedsAt(base), Rate: 40})
	if err != nil {
		t.Fatal(err)
	}
	c.Run(context.Background())
}

func TestCrawlResumesAfterSIGKILL(t *testing.T) {
	log := &requestLog{}
	ts := httptest.NewServer(log.wrap(samplesite.Handler()))
	defer ts.Close()

	// The reference: one uninterrupted crawl.
	want, _ := OpenStore(t.TempDir())
	c, _ := NewCrawler(want, mustGazetteer(t), Options{Seeds: sampleSeedsAt(ts.URL), Rate: -1})
	if _, err := c.Run(context.Background()); err != nil {
		t.Fatal(err)
	}

	// A crawl killed with SIGKILL part of the way through.
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrawlHelperProcess$")
	cmd.Env = append(os.Environ(), helperDirEnv+"="+dir, helperURLEnv+"="+ts.URL)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for countFiles(t, filepath.Join(dir, "meta")) < 20 {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the child crawl stored nothing in time")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	storedBeforeKill := map[string]bool{}
	got, _ := OpenStore(dir)
	metas, _ := got.Metas()
	for _, m := range metas {
		storedBeforeKill[m.URL] = true
	}
	if n, _ := want.Len(); len(storedBeforeKill) >= n {
		t.Fatalf("the child finished (%d pages) before it was killed", len(storedBeforeKill))
	}

	// Running the same crawl again resumes it.
	log.mu.Lock()
	log.paths = nil
	log.mu.Unlock()
	c, _ = NewCrawler(got, mustGazetteer(t), Options{Seeds: sampleSeedsAt(ts.URL), Rate: -1})
	rep, err := c.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Resumed || !rep.Complete {
		t.Errorf("second run: resumed %v complete %v", rep.Resumed, rep.Complete)
	}
	for _, p := range log.paths {
		if storedBeforeKill[mustCanonical(t, ts.URL+p)] {
			t.Errorf("the resumed crawl fetched %s again, stored before the kill", p)
		}
	}

	// The same corpus as the uninterrupted crawl.
	wantDocs, _ := want.Documents()
	gotDocs, _ := got.Documents()
	if len(gotDocs) != len(wantDocs) {
		t.Fatalf("resumed crawl stored %d documents, uninterrupted %d", len(gotDocs), len(wantDocs))
	}
	for i := range wantDocs {
		a, _ := json.Marshal(wantDocs[i])
		b, _ := json.Marshal(gotDocs[i])
		if !reflect.DeepEqual(a, b) {
			t.Errorf("document %s differs after resume", wantDocs[i].URL)
		}
	}
	if rep.Stored != len(wantDocs) {
		t.Errorf("resumed report counts %d stored, want %d", rep.Stored, len(wantDocs))
	}

	// A third run starts a new crawl rather than resuming a finished one.
	c, _ = NewCrawler(got, mustGazetteer(t), Options{Seeds: sampleSeedsAt(ts.URL), Rate: -1})
	if rep, err = c.Run(context.Background()); err != nil || rep.Resumed {
		t.Errorf("a crawl after a finished one resumed it (%v)", err)
	}
}

func countFiles(t *testing.T, dir string) int {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	n := 0
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".json") {
			n++
		}
	}
	return n
}
