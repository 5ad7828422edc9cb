package crawl

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/samplesite"
)

// plainWARCRecord is a record as read by readWARCPlain.
type plainWARCRecord struct {
	header textproto.MIMEHeader
	block  []byte
}

// readWARCPlain is a second, independent WARC reader, written from the
// WARC 1.1 specification with the standard library only: gzip members
// concatenated, each record a version line, header fields, a blank line,
// Content-Length bytes of block and two CRLFs.
func readWARCPlain(t *testing.T, path string) []plainWARCRecord {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f) // reads every member in turn
	if err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(zr)
	var recs []plainWARCRecord
	for {
		line, err := br.ReadString('\n')
		if errors.Is(err, io.EOF) && line == "" {
			return recs
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		if !strings.HasPrefix(line, "WARC/1.") {
			t.Fatalf("%s: record starts with %q", path, line)
		}
		h, err := textproto.NewReader(br).ReadMIMEHeader()
		if err != nil {
			t.Fatalf("%s: header: %v", path, err)
		}
		n, err := strconv.Atoi(h.Get("Content-Length"))
		if err != nil {
			t.Fatalf("%s: Content-Length %q", path, h.Get("Content-Length"))
		}
		block := make([]byte, n)
		if _, err := io.ReadFull(br, block); err != nil {
			t.Fatalf("%s: block: %v", path, err)
		}
		recs = append(recs, plainWARCRecord{header: h, block: block})
	}
}

func warcFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.warc.gz"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no WARC files in %s (%v)", dir, err)
	}
	return files
}

func TestCrawlWritesWARCThatReadsBackAndImports(t *testing.T) {
	ts := httptest.NewServer(samplesite.Handler())
	defer ts.Close()
	warcDir := t.TempDir()
	ww, err := NewWARCWriter(warcDir, "test-", 256<<10) // small, to rotate
	if err != nil {
		t.Fatal(err)
	}
	crawled, _ := OpenStore(t.TempDir())
	c, _ := NewCrawler(crawled, mustGazetteer(t), Options{Seeds: sampleSeedsAt(ts.URL), Rate: -1, WARC: ww})
	rep, err := c.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if err := ww.Close(); err != nil {
		t.Fatal(err)
	}
	files := warcFiles(t, warcDir)
	if len(files) < 2 {
		t.Errorf("%d WARC files; a 256 KiB limit should have rotated", len(files))
	}

	// The library reads back a response for every stored page, with the
	// very bytes the store kept.
	bodies := map[string][]byte{}
	for _, f := range files {
		if _, err := ReadWARC(f, 50<<20, func(a *ArchivedResponse) error {
			if a.Status == http.StatusOK {
				bodies[a.URL] = a.Body
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range rep.Pages {
		if p.Outcome != OutcomeStored {
			continue
		}
		// A URL that redirected is archived as a redirect; its page's body
		// is under the URL the chain ended at.
		at := p.URL
		if len(p.Redirects) > 0 {
			at = p.Canonical
		}
		raw, _, _ := crawled.Raw(p.ID)
		if b, ok := bodies[at]; !ok || !bytes.Equal(b, raw) {
			t.Errorf("WARC body of %s (%s) missing or different from the stored page", at, p.URL)
		}
	}

	// The independent reader sees well-formed WARC 1.1 records: a warcinfo
	// per file, and a request concurrent to each response.
	responses := map[string]bool{}
	requests := 0
	for _, f := range files {
		recs := readWARCPlain(t, f)
		if recs[0].header.Get("WARC-Type") != "warcinfo" {
			t.Errorf("%s starts with a %s record", f, recs[0].header.Get("WARC-Type"))
		}
		for _, r := range recs {
			switch r.header.Get("WARC-Type") {
			case "response":
				responses[r.header.Get("WARC-Record-ID")] = true
				if !bytes.HasPrefix(r.block, []byte("HTTP/1.1 ")) {
					t.Errorf("response block starts %q", r.block[:min(20, len(r.block))])
				}
				resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(r.block)), nil)
				if err != nil {
					t.Fatalf("response of %s: %v", r.header.Get("WARC-Target-URI"), err)
				}
				body, _ := io.ReadAll(resp.Body)
				if resp.StatusCode == 200 && !bytes.Equal(body, bodies[r.header.Get("WARC-Target-URI")]) {
					t.Errorf("the two readers disagree on %s", r.header.Get("WARC-Target-URI"))
				}
			case "request":
				requests++
				if !responses[r.header.Get("WARC-Concurrent-To")] {
					t.Errorf("request record concurrent to unknown %q", r.header.Get("WARC-Concurrent-To"))
				}
			}
			if r.header.Get("WARC-Date") == "" || r.header.Get("WARC-Record-ID") == "" {
				t.Errorf("record without date or id: %v", r.header)
			}
		}
	}
	if requests != len(responses) || requests < rep.Stored {
		t.Errorf("%d requests and %d responses archived for %d stored pages", requests, len(responses), rep.Stored)
	}

	// Importing the WARC gives the same documents as the crawl.
	imported, _ := OpenStore(t.TempDir())
	irep, err := ImportWARC(context.Background(), imported, mustGazetteer(t), files, nil)
	if err != nil {
		t.Fatal(err)
	}
	sameDocuments(t, crawled, imported, false)
	if irep.New != rep.Stored {
		t.Errorf("import stored %d new pages, the crawl %d", irep.New, rep.Stored)
	}
}

// sameDocuments fails unless both stores hold exactly the same documents.
// With ignoreLinks, documents may differ in their outgoing links: the
// sample site's navigation differs a little between a page's aliases, and
// another crawler may have captured a different alias first.
func sameDocuments(t *testing.T, want, got *Store, ignoreLinks bool) {
	t.Helper()
	wantDocs, err := want.Documents()
	if err != nil {
		t.Fatal(err)
	}
	gotDocs, err := got.Documents()
	if err != nil {
		t.Fatal(err)
	}
	index := map[string]*corpus.Document{}
	for _, d := range gotDocs {
		index[d.ID] = d
	}
	for _, d := range wantDocs {
		g := index[d.ID]
		if g == nil {
			t.Errorf("missing %s", d.URL)
			continue
		}
		if ignoreLinks {
			d.Links, g.Links = nil, nil
		}
		a, _ := json.Marshal(d)
		b, _ := json.Marshal(g)
		if !bytes.Equal(a, b) {
			i := 0
			for i < min(len(a), len(b)) && a[i] == b[i] {
				i++
			}
			from := max(i-80, 0)
			t.Errorf("%s differs at byte %d:\n want …%.200s\n got  …%.200s", d.URL, i, a[from:], b[from:])
		}
		delete(index, d.ID)
	}
	for _, d := range index {
		t.Errorf("unexpected %s", d.URL)
	}
}

// TestImportWgetWARC imports what another crawler, GNU Wget, archived from
// the sample site, and expects the documents the crawler stores.
func TestImportWgetWARC(t *testing.T) {
	wget, err := exec.LookPath("wget")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("wget is not installed; .ci/run installs it")
		}
		t.Skip("wget is not installed (apt-get install wget)")
	}
	ts := httptest.NewServer(samplesite.Handler())
	defer ts.Close()
	crawled, _ := OpenStore(t.TempDir())
	c, _ := NewCrawler(crawled, mustGazetteer(t), Options{Seeds: sampleSeedsAt(ts.URL), Rate: -1})
	if _, err := c.Run(context.Background()); err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	args := []string{"--quiet", "--recursive", "--level=inf", "--no-directories", "--delete-after", "--directory-prefix", filepath.Join(dir, "files"),
		"--user-agent", "InquirySearchTest/1.0", "--warc-file", filepath.Join(dir, "wget")}
	args = append(args, sampleSeedsAt(ts.URL)...)
	cmd := exec.Command(wget, args...)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	t.Logf("wget took %v", time.Since(start))
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 8) { // 8: some links were 404s, as the sample means
		t.Fatalf("wget: %v\n%s", err, out)
	}
	imported, _ := OpenStore(t.TempDir())
	rep, err := ImportWARC(context.Background(), imported, mustGazetteer(t), []string{filepath.Join(dir, "wget.warc.gz")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("wget WARC: %d stored, %d duplicates, %d skipped, %d failed", rep.Stored, rep.Duplicates, rep.Skipped, rep.Failed)
	sameDocuments(t, crawled, imported, true)
	if rep.Stored == 0 {
		t.Fatal(fmt.Sprintf("nothing imported from %s", out))
	}
}
