package search

import (
	"context"
	"slices"
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
	c = searchapi.Cite(d, "74(a)")
	if c.Text != "A report, B.1: Introduction, para 74(a) (published 1 February 2022). https://example.test/a/b#p-74-a" ||
		c.Permalink != "/documents/0123456789abcdef#p-74-a" || c.Paragraph != "74(a)" {
		t.Errorf("Cite of a sub-paragraph = %+v", c)
	}
}

// paragraphNumbers reduces a hit's cited labels to the paragraphs they
// are in ("13(a)" and "13(b)" are paragraph 13), for tests whose oracle
// knows paragraphs but not their items.
func paragraphNumbers(labels []string) []string {
	var out []string
	for _, l := range labels {
		n, _ := corpus.SplitCitation(l)
		if len(out) == 0 || out[len(out)-1] != n {
			out = append(out, n)
		}
	}
	return out
}

// citesLabel reports whether labels cite want: a paragraph is cited by
// itself or by any of its items; an item ("13(a)") only by itself.
func citesLabel(labels []string, want string) bool {
	if _, sub := corpus.SplitCitation(want); sub != "" {
		return slices.Contains(labels, want)
	}
	return slices.Contains(paragraphNumbers(labels), want)
}

// TestMatchInASubparagraphIsCitedByItsLetter searches words printed in
// item (c) of paragraph 13 of the sample's organised networks
// recommendations: the hit names 13(c), its citation says "para 13(c)"
// and its permalink lands on the item.
func TestMatchInASubparagraphIsCitedByItsLetter(t *testing.T) {
	t.Parallel()
	res := mustSearch(t, Request{Query: `"from first report to charge"`, Size: 10})
	if len(res.Hits) != 1 {
		t.Fatalf("%d hits, want the recommendations page", len(res.Hits))
	}
	h := res.Hits[0]
	if !strings.HasSuffix(h.URL, "/organised-networks/part-e-conclusions-and-recommendations/e2-recommendations") ||
		!slices.Equal(h.Paragraphs, []string{"13(c)"}) {
		t.Fatalf("found %s citing %v, want 13(c) of the organised networks recommendations", h.URL, h.Paragraphs)
	}
	if h.Citation.Paragraph != "13(c)" || !strings.Contains(h.Citation.Text, ", para 13(c) (published") ||
		!strings.HasSuffix(h.Permalink, "#p-13-c") || !strings.HasSuffix(h.Citation.URL, "#p-13-c") {
		t.Errorf("citation %+v, permalink %s", h.Citation, h.Permalink)
	}
	if len(h.Matches) != 1 || h.Matches[0].Paragraph != "13(c)" || h.Matches[0].Citation.Paragraph != "13(c)" ||
		!strings.Contains(h.Matches[0].Snippet, "<mark>") {
		t.Errorf("matches %+v, want one passage cited 13(c)", h.Matches)
	}
	// Words in the lead-in and in an item cite the paragraph, which holds
	// both; words in one item alone cite the item.
	res = mustSearch(t, Request{Query: `"published data should include" "independent advocacy"`, Size: 10})
	if len(res.Hits) != 1 || res.Hits[0].ID != h.ID || !slices.Equal(res.Hits[0].Paragraphs, []string{"13"}) {
		t.Errorf("the lead-in and item (d): %d hits, want [13] of the same page: %+v", len(res.Hits), res.Hits)
	}
	res = mustSearch(t, Request{Query: `"independent advocacy" "recorded outcomes"`, Size: 10})
	if len(res.Hits) != 1 || res.Hits[0].ID != h.ID || !slices.Equal(res.Hits[0].Paragraphs, []string{"13"}) {
		t.Errorf("items (b) and (d): %d hits, want [13] of the same page: %+v", len(res.Hits), res.Hits)
	}
}
