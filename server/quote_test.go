package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// samplePassage returns a passage of a numbered sample paragraph found
// in no other paragraph, with its document and number.
func samplePassage(t *testing.T) (passage, id, number string) {
	t.Helper()
	for _, d := range testDocs {
		if d.Type != "section" {
			continue
		}
		for _, p := range d.Paragraphs {
			words := strings.Fields(p.Text)
			if !p.Numbered() || len(words) < 30 {
				continue
			}
			passage = strings.Join(words[3:25], " ")
			n := 0
			for _, o := range testDocs {
				for _, op := range o.Paragraphs {
					if o.Type != "recommendation" && strings.Contains(strings.Join(strings.Fields(op.Text), " "), passage) {
						n++
					}
				}
			}
			if n == 1 {
				return passage, d.ID, p.Number
			}
		}
	}
	t.Fatal("no sample paragraph to quote")
	return
}

func TestQuoteAPI(t *testing.T) {
	passage, id, number := samplePassage(t)
	words := strings.Fields(passage)
	words[5] = "[the body]"
	altered := "“" + strings.Join(words[:12], " ") + " … " + strings.Join(words[14:], " ") + "”"
	var res searchapi.QuoteCheck
	resp := getJSON(t, "/api/v1/quote?text="+url.QueryEscape(altered), &res)
	if resp.StatusCode != 200 || len(res.Results) == 0 {
		t.Fatalf("status %d, %+v", resp.StatusCode, res)
	}
	top := res.Results[0]
	if top.DocumentID != id || top.Paragraph != number || !top.Exact || top.Citation.Paragraph != number {
		t.Errorf("top result %+v, want %s ¶%s, exact", top, id, number)
	}
	var ops []string
	for _, op := range top.Diff {
		ops = append(ops, op.Op)
	}
	if got := strings.Join(ops, " "); got != "same bracketed same elided same" {
		t.Errorf("diff ops %q", got)
	}

	for _, tc := range []struct{ path, want string }{
		{"/api/v1/quote", "text is required"},
		{"/api/v1/quote?text=" + url.QueryEscape(strings.Repeat("word ", searchapi.MaxQuoteWords+1)), "at most 400"},
		{"/api/v1/quote?text=%E2%80%A6", "no words"},
		{"/api/v1/quote?text=abc&size=x", "size"},
		{"/api/v1/quote?text=abc&size=99", "size"},
	} {
		var e struct {
			Error struct{ Code, Message string }
		}
		resp := getJSON(t, tc.path, &e)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(e.Error.Message, tc.want) {
			t.Errorf("%.60s: %d %+v, want 400 saying %q", tc.path, resp.StatusCode, e, tc.want)
		}
	}
}

func TestQuotePage(t *testing.T) {
	passage, id, number := samplePassage(t)
	words := strings.Fields(passage)
	words[4] = "<b>altered</b>"
	doc, _ := getHTML(t, "/quote?text="+url.QueryEscape(strings.Join(words, " ")), http.StatusOK)
	hit := doc.Find(".quote-hit").First()
	if href, _ := hit.Find(".hit-title a").Attr("href"); href != "/documents/"+id+"#p-"+number {
		t.Errorf("first result links to %q, want %s ¶%s", href, id, number)
	}
	// The changed word is marked by elements and words, and the
	// quotation's markup is text.
	if hit.Find("del.q-dropped").Length() != 1 || !strings.Contains(hit.Find("ins.q-added").Text(), "<b>altered</b>") ||
		!strings.Contains(hit.Find("ins.q-added").Text(), "the quotation has") {
		t.Errorf("the change is not marked: %q", hit.Find(".quote-diff").Text())
	}
	if hit.Find(".quote-diff b").Length() != 0 {
		t.Error("the quotation's markup was rendered")
	}
	if !strings.Contains(hit.Find(".badge").Text(), "not exact") {
		t.Errorf("badge %q", hit.Find(".badge").Text())
	}

	doc, _ = getHTML(t, "/quote?text="+url.QueryEscape(strings.Repeat("word ", 500)), http.StatusBadRequest)
	if !strings.Contains(doc.Find("#quote-error").Text(), "at most 400") || doc.Find("textarea[aria-invalid=true]").Length() != 1 {
		t.Errorf("a long quotation: %q", doc.Find("#quote-error").Text())
	}
	doc, _ = getHTML(t, "/quote", http.StatusOK)
	if doc.Find("form[action='/quote'] textarea[name=text]").Length() != 1 || doc.Find(".quote-hit").Length() != 0 {
		t.Error("the empty quote page has no form, or results")
	}
}
