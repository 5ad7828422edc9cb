package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/crawl"
)

// TestRealCrawlIntoSampleDataIsRefused: the sample's fictional pages never
// mix with a real site's unless the operator asks for them to be replaced.
func TestRealCrawlIntoSampleDataIsRefused(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	var out, errOut bytes.Buffer
	if err := run(ctx, []string{"crawl", "--sample", "--data", data}, &out, &errOut); err != nil {
		t.Fatalf("%v\n%s", err, errOut.String())
	}
	if !strings.Contains(out.String(), "Extraction: ") || !strings.Contains(out.String(), "extraction.json") {
		t.Errorf("no extraction summary after the crawl:\n%s", out.String())
	}
	var sum corpus.ExtractionSummary
	b, err := os.ReadFile(filepath.Join(data, "corpus", "extraction.json"))
	if err != nil || json.Unmarshal(b, &sum) != nil || !sum.Sample || sum.Pages < 60 || sum.Clean != sum.Pages {
		t.Fatalf("extraction.json: %v %+v", err, sum)
	}

	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<html><body><main><h1>A real page</h1><p>1. `+strings.Repeat("Text of a real report. ", 12)+`</p></main></body></html>`)
	}))
	defer site.Close()

	out.Reset()
	if err := run(ctx, []string{"crawl", "--seed", site.URL + "/", "--dry-run", "--max-pages", "25", "--data", data}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Data directory: " + data, "Page cap: 25 pages", "refused without --replace-sample"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("dry run does not say %q:\n%s", want, out.String())
		}
	}

	err = run(ctx, []string{"crawl", "--seed", site.URL + "/", "--rate", "0", "--data", data}, &out, &errOut)
	if !errors.Is(err, crawl.ErrHoldsSample) || !strings.Contains(err.Error(), "--replace-sample") {
		t.Fatalf("a real crawl into the sample's data directory: %v", err)
	}
	if n := len(docFiles(t, data)); n != sum.Pages {
		t.Fatalf("the refused crawl changed the corpus: %d documents, had %d", n, sum.Pages)
	}

	// Real pages brought from a file are refused as a real crawl is: the
	// WARC files before any is read.
	jsonl := filepath.Join(t.TempDir(), "real.jsonl")
	os.WriteFile(jsonl, []byte(`{"id": "r1", "title": "A real report", "body": "Text of a real report.", "url": "https://example.org/r1"}`+"\n"), 0o644)
	for _, args := range [][]string{{"--from-jsonl", jsonl}, {"--from-warc", filepath.Join(t.TempDir(), "real.warc.gz")}} {
		err = run(ctx, append([]string{"index", "--data", data}, args...), &out, &errOut)
		if !errors.Is(err, crawl.ErrHoldsSample) || !strings.Contains(err.Error(), "--replace-sample") {
			t.Errorf("index %s into the sample's data directory: %v", args[0], err)
		}
	}
	if n := len(docFiles(t, data)); n != sum.Pages {
		t.Fatalf("the refused imports changed the corpus: %d documents, had %d", n, sum.Pages)
	}

	out.Reset()
	if err := run(ctx, []string{"crawl", "--seed", site.URL + "/", "--rate", "0", "--replace-sample", "--data", data}, &out, &errOut); err != nil {
		t.Fatalf("%v\n%s", err, errOut.String())
	}
	if n := len(docFiles(t, data)); n != 1 {
		t.Errorf("after --replace-sample the corpus holds %d documents, want the real page alone", n)
	}
	b, _ = os.ReadFile(filepath.Join(data, "corpus", "extraction.json"))
	if json.Unmarshal(b, &sum) != nil || sum.Sample || sum.Pages != 1 {
		t.Errorf("extraction.json after the real crawl: %s", b)
	}
}

func TestExtractExplain(t *testing.T) {
	page := filepath.Join(t.TempDir(), "b2.html")
	os.WriteFile(page, []byte(`<html><body><nav><a href="/">Home</a></nav><main><a id="main-content"></a>
<p>A report</p><h1>B.2: Records</h1><p>1. The council kept records.<sup>1</sup></p><p>2. And lost some of them in a move between offices.<sup>2</sup></p>
<div class="unknown-notes"><ol><li>ABC000123_004.</li></ol></div></main></body></html>`), 0o644)
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"extract", "--explain", "--url", "https://x.test/publications/investigation/x/part-b/b2-records", page}, &out, &errOut); err != nil {
		t.Fatalf("%v\n%s", err, errOut.String())
	}
	for _, want := range []string{"content: main", "footnotes: 1 read from div.unknown-notes", "para 1", "[notes [1]]", "Warning markers_without_notes: markers 2 have no footnote"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("explain does not say %q:\n%s", want, out.String())
		}
	}
}
