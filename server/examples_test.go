package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// The help page's examples and the search hint's reference come from the
// loaded corpus: each one finds something.
func TestHelpAndHintExamplesFindSomething(t *testing.T) {
	doc, _ := getHTML(t, "/help", http.StatusOK)
	tried := 0
	doc.Find(".help tbody td a").Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		u, err := url.Parse(href)
		if err != nil {
			t.Fatal(err)
		}
		var s searchJSON
		getJSON(t, "/api/v1/search?q="+url.QueryEscape(u.Query().Get("q")), &s)
		if s.Total == 0 {
			t.Errorf("the help's example %q finds nothing", u.Query().Get("q"))
		}
		tried++
	})
	if tried < 10 {
		t.Errorf("only %d examples", tried)
	}
	ex, err := testBackend.Examples(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Find(".help").Text(), ex.Document) || !strings.Contains(doc.Find(".help").Text(), ex.Witness) {
		t.Errorf("the help does not use the corpus's examples %+v", ex)
	}
	home, _ := getHTML(t, "/", http.StatusOK)
	hint := home.Find("#q-hint code").Last().Text()
	if hint != ex.Document {
		t.Fatalf("the hint's reference is %q, want %q", hint, ex.Document)
	}
	var s searchJSON
	if getJSON(t, "/api/v1/search?q="+url.QueryEscape(hint), &s); s.Total == 0 {
		t.Errorf("the hint's reference %q finds nothing", hint)
	}
}
