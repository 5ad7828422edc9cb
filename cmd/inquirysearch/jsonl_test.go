package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIndexFromJSONL indexes a bring-your-own corpus and searches it.
func TestIndexFromJSONL(t *testing.T) {
	data := t.TempDir()
	file := filepath.Join(t.TempDir(), "corpus.jsonl")
	lines := `{"id": "r1-a", "title": "Harbour report, part A", "body": "The harbour authority kept no register of visitors.\n\nA second paragraph about moorings.", "investigation": "Harbours", "type": "section", "published": "2020-05-01", "places": ["Portlow"], "url": "https://example.org/r1/a"}
{"id": "r1-b", "title": "Harbour report, part B", "paragraphs": [{"number": "7", "text": "The register of visitors was introduced in 2019."}], "investigation": "Harbours", "type": "recommendations", "published": "2020-05-01"}
`
	if err := os.WriteFile(file, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run(context.Background(), []string{"index", "--data", data, "--from-jsonl", file}, &out, &out); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	out.Reset()
	if err := run(context.Background(), []string{"search", "--data", data, "--json", `"register of visitors"`}, &out, &out); err != nil {
		t.Fatal(err)
	}
	var res struct {
		Total int `json:"total"`
		Hits  []struct {
			Title      string   `json:"title"`
			Paragraphs []string `json:"paragraphs"`
		} `json:"hits"`
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil || res.Total != 2 {
		t.Fatalf("%v: %s", err, out.String())
	}
	for _, h := range res.Hits {
		if len(h.Paragraphs) != 1 || (h.Paragraphs[0] != "u1" && h.Paragraphs[0] != "7") {
			t.Errorf("%s cites %v", h.Title, h.Paragraphs)
		}
	}
	// A bad line fails the import with its line number and adds nothing.
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	os.WriteFile(bad, []byte(`{"id": "x1", "body": "fine"}`+"\n"+`{"id": "x2", "type": "poem"}`+"\n"), 0o644)
	err := run(context.Background(), []string{"index", "--data", data, "--from-jsonl", bad}, &out, &out)
	if err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("bad file: %v", err)
	}
	docs, _ := os.ReadDir(filepath.Join(data, "corpus", "docs"))
	if len(docs) != 2 {
		t.Errorf("%d documents stored after a failed import, want the 2 from before", len(docs))
	}
	// An import into a corpus that holds documents indexes them all: the
	// first import is indexed as read, a later one from the whole corpus.
	more := filepath.Join(t.TempDir(), "more.jsonl")
	os.WriteFile(more, []byte(`{"id": "r2-a", "title": "Ferry report", "body": "No register of visitors was kept on the ferry.", "type": "section", "url": "https://example.org/r2/a"}`+"\n"), 0o644)
	if err := run(context.Background(), []string{"index", "--data", data, "--from-jsonl", more}, &out, &out); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	out.Reset()
	if err := run(context.Background(), []string{"search", "--data", data, "--json", `"register of visitors"`}, &out, &out); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil || res.Total != 3 {
		t.Errorf("after a second import: %v: %s", err, out.String())
	}
}
