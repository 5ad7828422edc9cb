package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/crawl"
	"github.com/inquirysearch/inquirysearch/indexer"
	"github.com/inquirysearch/inquirysearch/search"
)

// A real server over the sample site's real index, shared by the tests.
var (
	testServer  *httptest.Server
	testBackend *search.Searcher
	testDocs    []*corpus.Document
)

func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	dir, err := os.MkdirTemp("", "server-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	if _, _, err := indexer.BuildSample(context.Background(), filepath.Join(dir, "corpus"), filepath.Join(dir, "index"), crawl.Options{}, nil); err != nil {
		fmt.Fprintln(os.Stderr, "build sample index:", err)
		return 1
	}
	store, _ := crawl.OpenStore(filepath.Join(dir, "corpus"))
	testDocs, _ = store.Documents()
	corpus.Resolve(testDocs) // as the index holds them
	idx, meta, err := indexer.Open(filepath.Join(dir, "index"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	testBackend = search.New(idx, meta)
	defer testBackend.Close()
	h, err := New(testBackend, Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	testServer = httptest.NewServer(h)
	defer testServer.Close()
	return m.Run()
}

func get(t *testing.T, path string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(testServer.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func getJSON(t *testing.T, path string, v any) *http.Response {
	t.Helper()
	resp, body := get(t, path)
	if ct := resp.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("%s: content type %q", path, ct)
	}
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("%s: %v in %q", path, err, body)
	}
	return resp
}

func jsonDecode(resp *http.Response, v any) error {
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}

// mustServerWith returns another server over the shared index.
func mustServerWith(t testing.TB, opts Options) *Server {
	t.Helper()
	s, err := New(testBackend, opts)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func getFrom(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}
