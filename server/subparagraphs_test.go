package server

import (
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// subparagraphQuery is printed in item (c) of paragraph 13 of the
// sample's organised networks recommendations.
const subparagraphQuery = `"from first report to charge"`

// TestSubparagraphAnchorsAndCitations follows a match in a lettered item
// from the results page to its anchor on the document page, and reads
// the item's citation from the document API.
func TestSubparagraphAnchorsAndCitations(t *testing.T) {
	results, _ := getHTML(t, "/search?q="+url.QueryEscape(subparagraphQuery), 200)
	link := results.Find(".hit .paras a")
	href := link.AttrOr("href", "")
	if link.Length() != 1 || strings.TrimSpace(link.Text()) != "¶13(c)" || !strings.HasSuffix(href, "#p-13-c") {
		t.Fatalf("result links %d paragraphs, the first %q to %q; want ¶13(c) to #p-13-c", link.Length(), link.Text(), href)
	}
	path, _, _ := strings.Cut(href, "#")
	doc, _ := getHTML(t, path, 200)
	item := doc.Find(`#p-13 .para-text span.subpara[id="p-13-c"]`)
	if item.Length() != 1 || !strings.HasPrefix(item.Text(), "(c) the time taken from first report to charge") {
		t.Errorf("item (c) inside paragraph 13: %d anchors, text %q", item.Length(), item.Text())
	}
	if n := doc.Find(`#p-13 span.subpara`).Length(); n != 4 {
		t.Errorf("paragraph 13 has %d item anchors, want 4", n)
	}
	// The item's printed label is its link, for a reader to take.
	if a := item.Find("a.sublabel"); a.Text() != "(c)" || a.AttrOr("href", "") != "#p-13-c" || a.AttrOr("aria-label", "") != "Paragraph 13(c)" {
		t.Errorf("item (c)'s label links %q to %q", a.Text(), a.AttrOr("href", ""))
	}
	// The lead-in stays in the paragraph, outside every item.
	if text := doc.Find("#p-13 .para-text").Text(); !strings.HasPrefix(text, "The figures should be published") {
		t.Errorf("paragraph 13 reads %q", text)
	}

	var api struct {
		Paragraphs []struct {
			Number        string `json:"number"`
			Subparagraphs []struct {
				Label    string `json:"label"`
				Citation struct {
					Text, Paragraph, Permalink string
				} `json:"citation"`
			} `json:"subparagraphs"`
		} `json:"paragraphs"`
	}
	getJSON(t, "/api/v1"+path, &api)
	for _, p := range api.Paragraphs {
		if p.Number != "13" {
			continue
		}
		if len(p.Subparagraphs) != 4 {
			t.Fatalf("the API gives paragraph 13 %d items", len(p.Subparagraphs))
		}
		c := p.Subparagraphs[2].Citation
		if p.Subparagraphs[2].Label != "c" || c.Paragraph != "13(c)" || !strings.HasSuffix(c.Permalink, "#p-13-c") ||
			!strings.Contains(c.Text, "para 13(c)") {
			t.Errorf("item (c) in the API: %+v", p.Subparagraphs[2])
		}
		return
	}
	t.Errorf("the API has no paragraph 13 at %s", path)
}

// testSubparagraphLink follows a result's ¶13(c) in the browser: the item,
// not its whole paragraph, is marked and brought into view.
func testSubparagraphLink(t *testing.T, tb *tab) {
	tb.open("/search?q=" + url.QueryEscape(subparagraphQuery))
	tb.do(chromedp.Click(chromedp.CSS(`.hit .paras a[href$="#p-13-c"]`)))
	tb.waitFor("the marked item", `document.getElementById('p-13-c') && document.getElementById('p-13-c').classList.contains('is-target')`)
	if n := evalIn[int](tb, `document.querySelectorAll('.is-target').length`); n != 1 {
		t.Errorf("%d elements marked as the target", n)
	}
	inView := evalIn[bool](tb, `(r => r.top >= 0 && r.top < innerHeight && r.bottom > 0)(document.getElementById('p-13-c').getBoundingClientRect())`)
	if !inView {
		t.Error("item (c) is not in view")
	}
	bg := evalIn[string](tb, `getComputedStyle(document.getElementById('p-13-c')).backgroundColor`)
	if bg == "rgba(0, 0, 0, 0)" || bg == "rgb(255, 255, 255)" {
		t.Errorf("the target item's background is %s", bg)
	}
	tb.screenshot("document-subparagraph-target")
	// The paragraph's own anchor still works beside its items'.
	tb.do(chromedp.Evaluate[chromedp.Void](`location.hash = '#p-13'`))
	tb.waitFor("the mark to move to the paragraph", `document.getElementById('p-13').classList.contains('is-target') && document.querySelectorAll('.is-target').length === 1`)
}
