package main

import (
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// TestPrintExtractionSaysWhatWasNotRead checks that documents imported as
// JSON lines, which carry no extraction record, are counted as such and
// not as pages read with no paragraphs.
func TestPrintExtractionSaysWhatWasNotRead(t *testing.T) {
	docs := []*corpus.Document{
		{ID: "a", URL: "https://example.test/a", Extraction: &corpus.Extraction{Numbered: 3}},
		{ID: "b", URL: "https://example.test/b"},
		{ID: "c", URL: "https://example.test/c"},
	}
	var out strings.Builder
	printExtraction(&out, corpus.SummariseExtraction(docs), "")
	want := "Extraction: 3 pages, 1 read cleanly, 0 with warnings, 2 imported already read (JSON lines, no record); 3 numbered"
	if !strings.HasPrefix(out.String(), want) {
		t.Errorf("printed %q, want it to begin %q", out.String(), want)
	}
	out.Reset()
	printExtraction(&out, corpus.SummariseExtraction(docs[:1]), "")
	if strings.Contains(out.String(), "imported") {
		t.Errorf("printed %q for pages all read here", out.String())
	}
}
