package server

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// The home page says what the collection holds, as the corpus has it,
// and the navigation reaches every part of the service.
func TestHomePageDescribesTheCollection(t *testing.T) {
	doc, _ := getHTML(t, "/", http.StatusOK)
	c := doc.Find(".collection")
	if c.Length() != 1 {
		t.Fatal("the home page has no collection summary")
	}
	types := map[string]int{}
	earliest, latest := "9999", ""
	reports := map[string]bool{}
	for _, d := range searchableDocs2() {
		types[typeLabel(string(d.Type))]++
		if d.Published != "" && d.Published < earliest {
			earliest = d.Published
		}
		if d.Published > latest {
			latest = d.Published
		}
		if d.Report != "" {
			reports[d.Report] = true
		}
	}
	c.Find("li").Each(func(_ int, li *goquery.Selection) {
		label := li.Find("a").Text()
		if n, ok := types[label]; ok && li.Find(".count").Length() == 1 {
			if got := li.Find(".count").Text(); got != strconv.Itoa(n) {
				t.Errorf("%s: %s documents, the corpus has %d", label, got, n)
			}
			delete(types, label)
		}
	})
	if len(types) != 0 {
		t.Errorf("types not counted: %v", types)
	}
	text := strings.Join(strings.Fields(c.Text()), " ")
	if !strings.Contains(text, longDate(earliest)) || !strings.Contains(text, longDate(latest)) {
		t.Errorf("the summary %q lacks the dates %s to %s", text, earliest, latest)
	}
	// Each report once, by its name, linked to a search of its pages whose
	// total is the count shown.
	links := c.Find("h3 + ul a[href^='/search?report=']")
	if !strings.Contains(text, strconv.Itoa(len(reports))+" reports") || links.Length() != len(reports) {
		t.Errorf("want %d reports listed: %q", len(reports), text)
	}
	links.Each(func(_ int, a *goquery.Selection) {
		if !reports[a.Text()] {
			t.Errorf("%q is not a report of the corpus", a.Text())
		}
		href, _ := a.Attr("href")
		var res searchJSON
		getJSON(t, "/api/v1/"+strings.TrimPrefix(href, "/"), &res)
		if got := a.Parent().Find(".count").Text(); got != strconv.Itoa(res.Total) || res.Total == 0 {
			t.Errorf("%s: shows %s, the search finds %d", a.Text(), got, res.Total)
		}
	})
	if !strings.Contains(text, "Indexed") && !strings.Contains(text, "Last crawled") {
		t.Errorf("the summary does not say when: %q", text)
	}
	for _, href := range []string{"/search", "/recommendations", "/evidence", "/quote", "/batch", "/help"} {
		if doc.Find(`.site-nav a[href="`+href+`"]`).Length() != 1 {
			t.Errorf("the navigation lacks %s", href)
		}
		getHTML(t, href, http.StatusOK)
	}
	// A search is not the home page.
	if doc, _ := getHTML(t, "/search?q=records", http.StatusOK); doc.Find(".collection").Length() != 0 {
		t.Error("a search shows the collection summary")
	}
}

func searchableDocs2() []*corpus.Document {
	var out []*corpus.Document
	for _, d := range testDocs {
		if d.Type == corpus.TypeRecommendation || d.Type == corpus.TypeTestimony {
			continue
		}
		out = append(out, d)
	}
	return out
}

func TestEvidenceLookup(t *testing.T) {
	ex, err := testBackend.Examples(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(testServer.URL + "/evidence?urn=" + ex.Reference)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/evidence/"+ex.Reference {
		t.Errorf("%d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	doc, _ := getHTML(t, "/evidence", http.StatusOK)
	if href, _ := doc.Find(".hint a").First().Attr("href"); href != "/evidence/"+ex.Reference {
		t.Errorf("example %q", href)
	}
	getHTML(t, "/evidence/"+ex.Reference, http.StatusOK)
}
