package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func TestCrawlPresetDryRun(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"crawl", "--preset", "iicsa", "--dry-run", "--data", t.TempDir()}, &out, &errOut); err != nil {
		t.Fatalf("%v\n%s", err, errOut.String())
	}
	for _, want := range []string{
		"https://www.iicsa.org.uk/reports-recommendations/publications",
		"https://webarchive.nationalarchives.gov.uk/ukgwa/",
		"hosts (with or without www.): iicsa.org.uk",
		"path prefixes: /reports-recommendations",
		"robots.txt",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("dry run does not mention %q:\n%s", want, out.String())
		}
	}
	if err := run(context.Background(), []string{"crawl", "--preset", "nonesuch", "--dry-run"}, &out, &errOut); err == nil {
		t.Error("an unknown preset was accepted")
	}
}

// TestCrawlWARCThenIndexFromWARC crawls the sample site writing WARC files,
// then builds a second data directory from those files alone: both must
// hold the same documents.
func TestCrawlWARCThenIndexFromWARC(t *testing.T) {
	ctx := context.Background()
	first, second := t.TempDir(), t.TempDir()
	var out, errOut bytes.Buffer
	if err := run(ctx, []string{"crawl", "--sample", "--warc", "--data", first}, &out, &errOut); err != nil {
		t.Fatalf("%v\n%s", err, errOut.String())
	}
	if !strings.Contains(out.String(), "Crawl finished") {
		t.Errorf("no summary:\n%s", out.String())
	}
	var rep struct {
		New      int  `json:"new"`
		Complete bool `json:"complete"`
	}
	b, err := os.ReadFile(filepath.Join(first, "corpus", "crawl.json"))
	if err != nil || json.Unmarshal(b, &rep) != nil || !rep.Complete || rep.New == 0 {
		t.Fatalf("summary JSON: %v %s", err, b)
	}
	files, _ := filepath.Glob(filepath.Join(first, "warc", "*.warc.gz"))
	if len(files) == 0 {
		t.Fatal("crawl --warc wrote no WARC file")
	}
	out.Reset()
	if err := run(ctx, append([]string{"index", "--data", second, "--from-warc"}, files...), &out, &errOut); err != nil {
		t.Fatalf("%v\n%s", err, errOut.String())
	}
	if a, b := docFiles(t, first), docFiles(t, second); strings.Join(a, ",") != strings.Join(b, ",") || len(a) != rep.New {
		t.Errorf("crawl stored %d documents, index --from-warc %d", len(a), len(b))
	}
	for _, name := range docFiles(t, first) {
		a, _ := os.ReadFile(filepath.Join(first, "corpus", "docs", name))
		b, _ := os.ReadFile(filepath.Join(second, "corpus", "docs", name))
		if !bytes.Equal(a, b) {
			t.Errorf("document %s differs", name)
		}
	}
	out.Reset()
	if err := run(ctx, []string{"search", "--data", second, "record keeping"}, &out, &errOut); err != nil || out.Len() == 0 {
		t.Errorf("search over the imported index: %v\n%s", err, errOut.String())
	}
}

func docFiles(t *testing.T, data string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(data, "corpus", "docs"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".json") && !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names
}
