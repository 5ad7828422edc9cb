package server

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/inquirysearch/inquirysearch/search"
)

// Following the API's next cursors reads the same results as asking for
// the pages by number, and the last page has no cursor.
func TestSearchAPIFollowsNext(t *testing.T) {
	const query = "q=council&sort=newest&type=section"
	want := pagedAPIIDs(t, query)
	if len(want) <= 2*9 {
		t.Fatalf("%s finds %d results; the test wants more than two pages", query, len(want))
	}
	var got []string
	path := "/api/v1/search?size=9&" + query
	for page := 1; ; page++ {
		var res map[string]any
		if resp := getJSON(t, path, &res); resp.StatusCode != 200 {
			t.Fatalf("%s: status %d", path, resp.StatusCode)
		}
		if int(res["page"].(float64)) != page {
			t.Errorf("page %d reports itself as page %v", page, res["page"])
		}
		for _, h := range res["hits"].([]any) {
			got = append(got, h.(map[string]any)["id"].(string))
		}
		next, ok := res["next"].(string)
		if !ok {
			break
		}
		if page > len(want) {
			t.Fatal("the next cursors do not end")
		}
		path = "/api/v1/search?size=9&" + query + "&after=" + url.QueryEscape(next)
	}
	if !slices.Equal(got, want) {
		t.Errorf("by cursor %d ids %v, by page number %d ids %v", len(got), got, len(want), want)
	}
}

func TestSearchAPIRefusesCursor(t *testing.T) {
	var first search.Result
	getJSON(t, "/api/v1/search?q=council&sort=newest&size=5", &first)
	if first.Next == "" {
		t.Fatal("page 1 of many has no next cursor")
	}
	for path, want := range map[string]string{
		"/api/v1/search?q=council&sort=newest&size=5&after=garbage":                                   "not a cursor",
		"/api/v1/search?q=council&sort=oldest&size=5&after=" + url.QueryEscape(first.Next):            "sorted by newest",
		"/api/v1/search?q=council&sort=newest&after=" + url.QueryEscape(first.Next):                   "pages of 5 results",
		"/api/v1/search?q=council+police&sort=newest&size=5&after=" + url.QueryEscape(first.Next):     "another search",
		"/api/v1/search?q=council&sort=newest&size=5&type=annex&after=" + url.QueryEscape(first.Next): "another search",
	} {
		var body struct {
			Error struct{ Code, Message string } `json:"error"`
		}
		resp := getJSON(t, path, &body)
		if resp.StatusCode != 400 || body.Error.Code != "invalid_query" || !strings.Contains(body.Error.Message, want) {
			t.Errorf("%s: %d %+v, want 400 saying %q", path, resp.StatusCode, body.Error, want)
		}
	}
}

// The results page's next link follows the cursor and keeps the query,
// filters, sort and size; its previous link asks for the page by number.
func TestSearchPageNextFollowsCursor(t *testing.T) {
	doc, _ := getHTML(t, "/search?q=council&sort=oldest&type=section&size=4", 200)
	href, ok := doc.Find(`.pager a[rel="next"]`).Attr("href")
	if !ok {
		t.Fatal("no next page link")
	}
	u, err := url.Parse(href)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	if q.Get("after") == "" || q.Get("page") != "" || q.Get("q") != "council" || q.Get("sort") != "oldest" || q.Get("type") != "section" || q.Get("size") != "4" {
		t.Errorf("next link %q", href)
	}
	page2, _ := getHTML(t, href, 200)
	byNumber, _ := getHTML(t, "/search?q=council&sort=oldest&type=section&size=4&page=2", 200)
	hrefOf := func(_ int, s *goquery.Selection) string { return s.AttrOr("href", "") }
	got := page2.Find(".hit-title a").Map(hrefOf)
	want := byNumber.Find(".hit-title a").Map(hrefOf)
	if len(got) == 0 || !slices.Equal(got, want) {
		t.Errorf("page 2 by cursor %v, by number %v", got, want)
	}
	if pager := page2.Find(".pageof").Text(); !strings.HasPrefix(pager, "Page 2 of") {
		t.Errorf("pager reads %q", pager)
	}
	if start, _ := page2.Find(".hits").Attr("start"); start != "5" {
		t.Errorf("page 2 of 4 a page numbers its results from %q", start)
	}
	prev, _ := page2.Find(`.pager a[rel="prev"]`).Attr("href")
	if pu, err := url.Parse(prev); err != nil || pu.Query().Get("page") != "1" || pu.Query().Get("after") != "" {
		t.Errorf("previous link %q", prev)
	}
}
