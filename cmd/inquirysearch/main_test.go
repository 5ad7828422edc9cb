package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe to read while run writes to it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var readyLine = regexp.MustCompile(`ready at (http://[^/\s]+)/`)

// TestServeEndToEnd runs the program as a user would on first start: serve
// on a free port with an empty data directory, so that it crawls and
// indexes the embedded sample site, then answers searches; then a second
// start reuses the data without crawling again.
func TestServeEndToEnd(t *testing.T) {
	data := t.TempDir()
	base, stop, out := startServe(t, data)
	t.Cleanup(stop)

	var res struct {
		Total int `json:"total"`
		Hits  []struct {
			ID         string   `json:"id"`
			Paragraphs []string `json:"paragraphs"`
		} `json:"hits"`
		Facets map[string][]struct {
			Value string `json:"value"`
			Count int    `json:"count"`
		} `json:"facets"`
	}
	getJSON(t, base+"/api/v1/search?q=", &res)
	if res.Total < 60 || len(res.Facets["investigation"]) == 0 {
		t.Fatalf("q= found %d documents, facets %v", res.Total, res.Facets)
	}
	getJSON(t, base+`/api/v1/search?q=%22multi-agency+safeguarding+hub%22`, &res)
	if res.Total == 0 || len(res.Hits[0].Paragraphs) == 0 {
		t.Errorf("phrase search: %+v", res)
	}
	resp, err := http.Get(base + "/")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET /: %v %v", err, resp)
	}
	resp.Body.Close()
	if !strings.Contains(out.String(), "crawling and indexing the embedded sample site") {
		t.Errorf("first start did not say it crawled the sample site:\n%s", out)
	}
	stop()

	// A second start serves the existing index at once.
	base2, stop2, out2 := startServe(t, data, "--notice", "Take care while reading.", "--support-url", "https://example.org/support")
	defer stop2()
	if resp, err := http.Get(base2 + "/"); err != nil {
		t.Fatal(err)
	} else {
		page, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !strings.Contains(string(page), "Take care while reading.") || !strings.Contains(string(page), `href="https://example.org/support"`) {
			t.Error("serve --notice and --support-url do not reach the page")
		}
	}
	if strings.Contains(out2.String(), "crawling") {
		t.Errorf("second start crawled again:\n%s", out2)
	}
	getJSON(t, base2+"/api/v1/search?q=", &res)
	if res.Total < 60 {
		t.Errorf("second start serves %d documents", res.Total)
	}
}

func startServe(t *testing.T, data string, extra ...string) (base string, stop func(), out *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out = &syncBuffer{}
	done := make(chan error, 1)
	args := append([]string{"serve", "--addr", "127.0.0.1:0", "--data", data}, extra...)
	go func() { done <- run(ctx, args, out, io.Discard) }()
	deadline := time.Now().Add(15 * time.Second)
	for {
		if m := readyLine.FindStringSubmatch(out.String()); m != nil {
			base = m[1]
			break
		}
		select {
		case err := <-done:
			cancel()
			t.Fatalf("serve exited before it was ready: %v\n%s", err, out)
		default:
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("serve not ready within 15 s:\n%s", out)
		}
		time.Sleep(20 * time.Millisecond)
	}
	var once sync.Once
	return base, func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("serve returned %v on shutdown", err)
				}
			case <-time.After(15 * time.Second):
				t.Error("serve did not shut down within 15 s")
			}
		})
	}, out
}

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d", url, resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatal(err)
	}
}

func TestCommandLine(t *testing.T) {
	data := t.TempDir()
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"crawl", "--sample", "--data", data}, &out, &errb); err != nil {
		t.Fatalf("crawl: %v\n%s", err, errb.String())
	}
	if err := run(context.Background(), []string{"index", "--data", data}, &out, &errb); err != nil {
		t.Fatalf("index: %v", err)
	}
	out.Reset()
	if err := run(context.Background(), []string{"search", "--data", data, "--json", `"record`, `keeping"`}, &out, &errb); err != nil {
		t.Fatalf("search: %v", err)
	}
	var res struct {
		Query string `json:"query"`
		Total int    `json:"total"`
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil || res.Total == 0 || res.Query != `"record keeping"` {
		t.Errorf("search --json: %v %+v %s", err, res, out.String())
	}
	out.Reset()
	if err := run(context.Background(), []string{"search", "--data", data, "LADO"}, &out, &errb); err != nil {
		t.Fatalf("search: %v", err)
	}
	if !strings.Contains(out.String(), "*LADO*") || !strings.Contains(out.String(), "paragraphs:") {
		t.Errorf("text output:\n%s", out.String())
	}

	// Glossary expansion is reported, can be turned off, and a glossary
	// can be loaded from a file.
	gloss := filepath.Join(t.TempDir(), "glossary.txt")
	os.WriteFile(gloss, []byte("RKIS = record keeping\n"), 0o644)
	for _, c := range []struct {
		args []string
		want string
		not  string
	}{
		{[]string{"CSE"}, `Also searched for CSE as "child sexual exploitation"`, ""},
		{[]string{"--no-expand", "CSE"}, "documents for CSE", "Also searched"},
		{[]string{"--glossary", gloss, "RKIS"}, `Also searched for RKIS as "record keeping"`, ""},
		{[]string{"--from", "2021", "--to", "2021", "council"}, "documents for council", ""},
		{[]string{"Brindelford"}, "Did you mean: Brindleford", ""},
	} {
		out.Reset()
		if err := run(context.Background(), append([]string{"search", "--data", data}, c.args...), &out, &errb); err != nil {
			t.Fatalf("search %v: %v", c.args, err)
		}
		if !strings.Contains(out.String(), c.want) || (c.not != "" && strings.Contains(out.String(), c.not)) {
			t.Errorf("search %v:\n%s", c.args, out.String())
		}
	}
	if err := run(context.Background(), []string{"search", "--data", data, "--glossary", "/no/such/file", "x"}, &out, &errb); err == nil {
		t.Error("search with a missing glossary succeeded")
	}
	errb.Reset()
	run(context.Background(), []string{"search", "--help"}, &out, &errb)
	if !strings.Contains(errb.String(), `"a b"~N`) || !strings.Contains(errb.String(), "published:") {
		t.Errorf("search --help lacks the syntax:\n%s", errb.String())
	}

	for _, args := range [][]string{{"serve", "--help"}, {"crawl", "--help"}, {"index", "--help"}, {"search", "--help"}} {
		errb.Reset()
		err := run(context.Background(), args, &out, &errb)
		if !errors.Is(err, flag.ErrHelp) || !strings.Contains(errb.String(), "Usage: inquirysearch "+args[0]) {
			t.Errorf("%v: %v, %q", args, err, errb.String())
		}
	}
	if err := run(context.Background(), []string{"frobnicate"}, &out, &errb); err == nil {
		t.Error("an unknown command succeeded")
	}
	if err := run(context.Background(), []string{"crawl", "--data", data}, &out, &errb); err == nil {
		t.Error("crawl without seeds succeeded")
	}
	if err := run(context.Background(), []string{"search", "--data", t.TempDir(), "x"}, &out, &errb); err == nil {
		t.Error("search without an index succeeded")
	}
	if err := run(context.Background(), []string{"search", "--data", data, "--sort", "popular", "x"}, &out, &errb); err == nil {
		t.Error("search with a bad sort succeeded")
	}
}
