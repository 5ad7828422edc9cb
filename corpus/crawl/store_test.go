package crawl

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
)

func TestStoreRoundTrip(t *testing.T) {
	dir := t.TempDir()
	s, err := OpenStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	d := &corpus.Document{ID: corpus.IDFor("https://example.org/a"), URL: "https://example.org/a", Title: "A",
		Paragraphs: []corpus.Paragraph{{Number: "1", Text: "One."}}}
	if err := s.PutDocument(d); err != nil {
		t.Fatal(err)
	}
	if err := s.PutPage(d.ID, []byte("<p>1. One.</p>")); err != nil {
		t.Fatal(err)
	}
	// Leftovers of an interrupted write are ignored.
	os.WriteFile(filepath.Join(dir, "docs", "."+d.ID+".json.tmp-123"), []byte("{"), 0o644)
	os.WriteFile(filepath.Join(dir, "docs", "README"), []byte("x"), 0o644)

	docs, err := s.Documents()
	if err != nil || len(docs) != 1 || docs[0].Paragraphs[0].Text != "One." {
		t.Fatalf("Documents() = %v, %v", docs, err)
	}
	if n, _ := s.Len(); n != 1 {
		t.Errorf("Len() = %d", n)
	}
	if _, err := s.Document("0000000000000000"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing document: %v", err)
	}
	if _, err := s.Document("../../etc/passwd"); !errors.Is(err, ErrNotFound) {
		t.Errorf("path traversal id: %v", err)
	}
	if err := s.PutDocument(&corpus.Document{ID: "../x"}); err == nil {
		t.Error("a document with a path in its id was written")
	}
	if _, err := s.Report(); !errors.Is(err, ErrNotFound) {
		t.Errorf("report before any crawl: %v", err)
	}
}

func TestWriteFileAtomicKeepsOldFileOnFailure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.json")
	if err := writeFileAtomic(path, []byte("old")); err != nil {
		t.Fatal(err)
	}
	// A write into a directory that is gone fails and leaves nothing behind.
	if err := writeFileAtomic(filepath.Join(dir, "missing", "y.json"), []byte("new")); err == nil {
		t.Error("write into a missing directory succeeded")
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("file = %q", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
}

// TestPutDocuments: many documents written at once are all kept, each
// whole; an invalid one stops the import with its error, and so does a
// cancelled context.
func TestPutDocuments(t *testing.T) {
	s, err := OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	var docs []*corpus.Document
	for i := range 300 {
		u := fmt.Sprintf("https://example.org/%d", i)
		docs = append(docs, &corpus.Document{ID: corpus.IDFor(u), URL: u, Title: fmt.Sprint(i),
			Paragraphs: []corpus.Paragraph{{Number: "1", Text: fmt.Sprintf("Paragraph %d.", i)}}})
	}
	if err := s.PutDocuments(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		got, err := s.Document(d.ID)
		if err != nil || got.Title != d.Title || got.Paragraphs[0].Text != d.Paragraphs[0].Text {
			t.Fatalf("%s: %+v, %v", d.ID, got, err)
		}
	}
	bad := append(slices.Clone(docs), &corpus.Document{ID: "../x"})
	if err := s.PutDocuments(context.Background(), bad); err == nil || !strings.Contains(err.Error(), "invalid id") {
		t.Errorf("an invalid id: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.PutDocuments(ctx, docs); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled import: %v", err)
	}
}
