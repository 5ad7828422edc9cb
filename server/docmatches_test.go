package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// The document page marks a search's matches as the search matched them
// (stems and phrases), numbered for the previous and next match buttons,
// and its search box searches the document's report.
func TestDocumentPageMarksMatches(t *testing.T) {
	var res struct {
		Hits []struct {
			ID         string   `json:"id"`
			Report     string   `json:"report"`
			Paragraphs []string `json:"paragraphs"`
			Speaker    string   `json:"speaker"`
		} `json:"hits"`
	}
	getJSON(t, "/api/v1/search?q="+url.QueryEscape(`"record keeping"`), &res)
	if len(res.Hits) == 0 || res.Hits[0].Report == "" {
		t.Fatalf("no hit with a report: %+v", res.Hits)
	}
	h := res.Hits[0]
	var m searchapi.DocumentMatches
	if resp := getJSON(t, "/api/v1/documents/"+h.ID+"/matches?q="+url.QueryEscape(`"record keeping"`), &m); resp.StatusCode != 200 || m.Matches == 0 {
		t.Fatalf("matches: %d %+v", resp.StatusCode, m)
	}
	doc, _ := getHTML(t, "/documents/"+h.ID+"?q="+url.QueryEscape(`"record keeping"`), http.StatusOK)
	marks := doc.Find(".paragraphs mark.find")
	if marks.Length() != m.Matches {
		t.Errorf("%d marks, the API has %d matches", marks.Length(), m.Matches)
	}
	for i := range marks.Length() {
		mk := marks.Eq(i)
		if id, _ := mk.Attr("id"); id != "m-"+itoa(i+1) {
			t.Errorf("mark %d has id %q", i, id)
		}
		words := strings.FieldsFunc(strings.ToLower(mk.Text()), func(r rune) bool { return r == ' ' || r == '-' || r == '‑' })
		if strings.Join(words, " ") != "record keeping" {
			t.Errorf("mark %d is %q", i, mk.Text())
		}
	}
	first := m.Paragraphs[0].Paragraph
	if doc.Find("#p-"+first+" mark.find").Length() == 0 {
		t.Errorf("no mark in the first matched paragraph %s", first)
	}
	bar := doc.Find("#find-bar")
	if !strings.Contains(bar.Text(), itoa(m.Matches)+" match") || bar.Find("button.find-next").Length() != 1 || bar.Find("button.find-prev").Length() != 1 {
		t.Errorf("find bar: %q", bar.Text())
	}
	if href, _ := bar.Find("a.find-first").Attr("href"); href != "#m-1" {
		t.Errorf("first match link %q", href)
	}
	form := doc.Find("form.doc-search")
	if a, _ := form.Attr("action"); a != "/search" {
		t.Errorf("the document's search goes to %q", a)
	}
	if v, _ := form.Find("input[name=report]").Attr("value"); v != h.Report {
		t.Errorf("the document's search is scoped to %q, want %q", v, h.Report)
	}
	if fa, _ := form.Find("button[formaction]").Attr("formaction"); fa != "/documents/"+h.ID {
		t.Errorf("find in this page goes to %q", fa)
	}
	// The report search finds only that report's pages.
	var scoped struct {
		Total int `json:"total"`
		Hits  []struct {
			Report string `json:"report"`
		} `json:"hits"`
	}
	getJSON(t, "/api/v1/search?q=records&report="+url.QueryEscape(h.Report), &scoped)
	for _, sh := range scoped.Hits {
		if sh.Report != h.Report {
			t.Errorf("a search within %q found a page of %q", h.Report, sh.Report)
		}
	}

	// A page without the words says so; a bad query says why.
	doc, _ = getHTML(t, "/documents/"+h.ID+"?q=zzzqqq", http.StatusOK)
	if doc.Find("mark.find").Length() != 0 || !strings.Contains(doc.Find("#find-bar").Text(), "No match") {
		t.Errorf("no match: %q", doc.Find("#find-bar").Text())
	}
	var e struct{ Error struct{ Message string } }
	if resp := getJSON(t, "/api/v1/documents/"+h.ID+"/matches", &e); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("no q: %d", resp.StatusCode)
	}
}
