package search

import (
	"context"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/crawl"
	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// TestPermalinksSurviveRecrawl crawls the sample site again into a new
// store: every permalink of the first crawl names the same paragraph text
// in the second.
func TestPermalinksSurviveRecrawl(t *testing.T) {
	t.Parallel()
	store, err := crawl.OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	gaz, _ := corpus.DefaultGazetteer()
	if _, err := crawl.CrawlSample(context.Background(), store, gaz, crawl.Options{}); err != nil {
		t.Fatal(err)
	}
	for _, d := range corpusDocs {
		again, err := store.Document(d.ID)
		if err != nil {
			t.Errorf("%s (%s) is gone after a re-crawl: %v", d.ID, d.URL, err)
			continue
		}
		text := map[string]string{}
		for _, p := range again.Paragraphs {
			text[p.Number] = p.Text
		}
		for _, p := range d.Paragraphs {
			c := searchapi.Cite(d, p.Number)
			if c.Permalink != searchapi.Permalink(again.ID, p.Number) || text[p.Number] != p.Text {
				t.Errorf("%s: %s no longer names %q", d.ID, c.Permalink, p.Text)
			}
		}
	}
}

func TestCiteFields(t *testing.T) {
	t.Parallel()
	d := &corpus.Document{ID: "0123456789abcdef", URL: "https://example.test/a/b", Report: "A report",
		Title: "B.1: Introduction", Published: "2022-02-01"}
	c := searchapi.Cite(d, "12")
	if c.Text != "A report, B.1: Introduction, para 12 (published 1 February 2022). https://example.test/a/b#p-12" ||
		c.Permalink != "/documents/0123456789abcdef#p-12" || c.URL != "https://example.test/a/b#p-12" {
		t.Errorf("Cite = %+v", c)
	}
	if u := searchapi.Cite(d, "u3"); !strings.Contains(u.Text, "unnumbered paragraph 3") {
		t.Errorf("unnumbered: %q", u.Text)
	}
}
