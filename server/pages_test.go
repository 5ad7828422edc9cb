package server

import (
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/search"
	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

func getHTML(t *testing.T, path string, wantStatus int) (*goquery.Document, string) {
	t.Helper()
	resp, body := get(t, path)
	if resp.StatusCode != wantStatus {
		t.Fatalf("%s: status %d, want %d", path, resp.StatusCode, wantStatus)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("%s: content type %q", path, ct)
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return doc, body
}

func TestHomePageHasWorkingForm(t *testing.T) {
	doc, _ := getHTML(t, "/", 200)
	form := doc.Find(`form[role="search"][action="/search"][method="get"]`)
	if form.Length() != 1 || form.Find(`input[name="q"]`).Length() != 1 || form.Find(`button[type="submit"]`).Length() != 1 {
		t.Fatal("no search form with a q input and a submit button")
	}
	if label := doc.Find(`label[for="q"]`).Text(); label == "" {
		t.Error("the search box has no label")
	}
	// The home page browses everything, with facets to start from.
	if n := doc.Find(".hit").Length(); n != 10 {
		t.Errorf("%d results on the home page, want a full page of 10", n)
	}
	if doc.Find(".facet").Length() < 4 {
		t.Error("facets missing on the home page")
	}
}

func TestSearchPageResults(t *testing.T) {
	doc, _ := getHTML(t, "/search?q="+url.QueryEscape(`"record keeping"`), 200)
	hits := doc.Find(".hit")
	if hits.Length() == 0 {
		t.Fatal("no results")
	}
	first := hits.First()
	if first.Find("mark").Length() == 0 {
		t.Error("no highlight in the first snippet")
	}
	link, _ := first.Find(".paras a").Attr("href")
	if !strings.HasPrefix(link, "/documents/") || !strings.Contains(link, "#p-") {
		t.Errorf("paragraph citation link %q", link)
	}
	if v, _ := doc.Find(`input[name="q"]`).Attr("value"); v != `"record keeping"` {
		t.Errorf("the search box does not keep the query: %q", v)
	}

	// Facet links narrow the results, and the chip removes the filter.
	facetLink, ok := doc.Find(".facet a").First().Attr("href")
	if !ok {
		t.Fatal("no facet link")
	}
	narrowed, _ := getHTML(t, facetLink, 200)
	if narrowed.Find(".active .chip").Length() != 1 {
		t.Error("an applied filter shows no removable chip")
	}
	remove, _ := narrowed.Find(".active .chip").Attr("href")
	back, _ := getHTML(t, remove, 200)
	if back.Find(".active").Length() != 0 || back.Find(".hit").Length() != hits.Length() {
		t.Error("removing the filter did not restore the results")
	}
}

func TestSearchPagePagination(t *testing.T) {
	doc, _ := getHTML(t, "/search?q=council", 200)
	next, ok := doc.Find(`.pager a[rel="next"]`).Attr("href")
	if !ok {
		t.Fatal("no next page link")
	}
	page2, _ := getHTML(t, next, 200)
	if !strings.Contains(page2.Find(".pager").Text(), "Page 2 of") {
		t.Errorf("pager reads %q", page2.Find(".pager").Text())
	}
	if _, ok := page2.Find(`.pager a[rel="prev"]`).Attr("href"); !ok {
		t.Error("no previous page link on page 2")
	}
}

func TestSearchPageShowsQueryErrors(t *testing.T) {
	doc, _ := getHTML(t, "/search?q=x&sort=popular", 400)
	if !strings.Contains(doc.Find(".error").Text(), "unknown sort") {
		t.Errorf("error message %q", doc.Find(".error").Text())
	}
	if doc.Find(`input[name="q"]`).Length() != 1 {
		t.Error("the page with an error has no search box to correct it in")
	}
	getHTML(t, "/no/such/page", 404)
	getHTML(t, "/documents/0000000000000000", 404)
	getHTML(t, "/documents/not-an-id", 404)
}

func TestDocumentPageAnchorsEveryParagraph(t *testing.T) {
	for _, d := range testDocs {
		if len(d.Paragraphs) < 5 {
			continue
		}
		doc, _ := getHTML(t, "/documents/"+d.ID, 200)
		for _, p := range d.Paragraphs {
			if doc.Find(`[id="p-`+p.Number+`"]`).Length() != 1 {
				t.Errorf("%s: no single anchor for paragraph %s", d.ID, p.Number)
			}
		}
		if href, _ := doc.Find(".source a").Attr("href"); href != d.URL {
			t.Errorf("source link %q, want %q", href, d.URL)
		}
		if len(d.Footnotes) > 0 && doc.Find(`.footnotes li[id="fn-1"]`).Length() != 1 {
			t.Errorf("%s: footnote 1 has no anchor", d.ID)
		}
		return
	}
	t.Fatal("no document with five paragraphs")
}

// TestCrawledMarkupStaysInert: a sample page carries <script>, onerror= and
// javascript: links, in its text and in its markup. None may come back as
// markup in our pages.
func TestCrawledMarkupStaysInert(t *testing.T) {
	var id string
	for _, d := range testDocs {
		if strings.Contains(d.Title, "<b>markup</b>") {
			id = d.ID
		}
	}
	if id == "" {
		t.Fatal("the sample page with markup was not crawled")
	}
	pages := []string{
		"/search?q=" + url.QueryEscape("script injected"),
		"/search?q=" + url.QueryEscape(`"javascript link"`),
		"/documents/" + id,
	}
	for _, path := range pages {
		doc, body := getHTML(t, path, 200)
		// The page's own script is the only one allowed.
		if n := doc.Find(`script:not([src="/static/app.js"]), iframe, img, b`).Length(); n != 0 {
			t.Errorf("%s: %d elements from crawled markup", path, n)
		}
		doc.Find("*").Each(func(_ int, s *goquery.Selection) {
			for _, a := range s.Nodes[0].Attr {
				if strings.HasPrefix(strings.ToLower(a.Key), "on") {
					t.Errorf("%s: event handler attribute %s=%q", path, a.Key, a.Val)
				}
				if strings.Contains(strings.ToLower(a.Val), "javascript:") {
					t.Errorf("%s: javascript: URL in %s", path, a.Key)
				}
			}
		})
		if !strings.Contains(body, "&lt;script&gt;") && !strings.Contains(body, "&lt;b&gt;") {
			t.Errorf("%s: the markup-like text is not shown as escaped text", path)
		}
	}
	var res searchJSON
	getJSON(t, "/api/v1/search?q=script+injected", &res)
	for _, h := range res.Hits {
		if strings.Contains(strings.NewReplacer("<mark>", "", "</mark>", "").Replace(h.Snippet), "<") {
			t.Errorf("API snippet holds raw markup: %q", h.Snippet)
		}
	}
}

func TestStaticAssets(t *testing.T) {
	resp, body := get(t, "/static/style.css")
	if resp.StatusCode != 200 || !strings.Contains(body, "mark") {
		t.Errorf("style.css: %d", resp.StatusCode)
	}
}

func TestHelpPage(t *testing.T) {
	doc, _ := getHTML(t, "/help", 200)
	if n := doc.Find(".help tbody tr").Length(); n != len(search.Help) {
		t.Errorf("the help table has %d rows, the syntax %d entries", n, len(search.Help))
	}
	for _, e := range search.Help {
		if !strings.Contains(doc.Find(".help").Text(), e.Syntax) {
			t.Errorf("help lacks %q", e.Syntax)
		}
	}
	if home, _ := getHTML(t, "/", 200); home.Find(`a[href="/help"]`).Length() == 0 {
		t.Error("the search page does not link to the help")
	}
}

func TestSearchPageNotices(t *testing.T) {
	doc, _ := getHTML(t, "/search?q=Brindelford", 200)
	link := doc.Find(".didyoumean a")
	if href, _ := link.Attr("href"); link.Text() != "Brindleford" || !strings.Contains(href, "q=Brindleford") {
		t.Errorf("did-you-mean link %q -> %q", link.Text(), href)
	}
	doc, _ = getHTML(t, "/search?q=CSE", 200)
	notice := doc.Find(".expanded")
	if !strings.Contains(notice.Text(), "child sexual exploitation") {
		t.Errorf("expansion notice: %q", notice.Text())
	}
	href, _ := notice.Find("a").Attr("href")
	literal, _ := getHTML(t, href, 200)
	if literal.Find(".expanded").Length() != 0 || literal.Find(`form[role="search"] input[name="expand"][value="false"]`).Length() != 1 {
		t.Errorf("the literal search %s still expands, or loses its setting", href)
	}
	// Dates from the form narrow the results.
	all, _ := getHTML(t, "/search?q=council", 200)
	dated, _ := getHTML(t, "/search?q=council&from=2021&to=2021", 200)
	if all.Find(".summary").Text() == dated.Find(".summary").Text() {
		t.Error("from/to on the page changed nothing")
	}
}

func TestDocumentPageSectionsAndReferences(t *testing.T) {
	var id string
	for _, d := range testDocs {
		if d.Title == "B.2: Oakridge Lodge" {
			id = d.ID
		}
	}
	if id == "" {
		t.Fatal("no B.2 in the sample")
	}
	doc, _ := getHTML(t, "/documents/"+id+"?q=lodge", 200)
	nav := doc.Find(".sections-end")
	if prev := nav.Find(".prev a").Text(); !strings.Contains(prev, "B.1: Thornfield House") {
		t.Errorf("previous section %q", prev)
	}
	if next := nav.Find(".next a").Text(); !strings.Contains(next, "B.3:") {
		t.Errorf("next section %q", next)
	}
	if href, _ := nav.Find(".next a").Attr("href"); !strings.HasSuffix(href, "?q=lodge") {
		t.Errorf("the next section's link %q drops the query", href)
	}
	if !strings.Contains(nav.Find(".contents a").Text(), "investigation report") {
		t.Errorf("contents link %q", nav.Find(".contents a").Text())
	}
	refs := doc.Find(".footnotes a.ref")
	if refs.Length() == 0 {
		t.Fatal("no evidence reference linked in the footnotes")
	}
	ref := refs.First()
	if href, _ := ref.Attr("href"); href != "/search?q="+url.QueryEscape(ref.Text()) {
		t.Errorf("reference %q links to %q", ref.Text(), href)
	}
	// Every paragraph carries what its citation needs.
	doc.Find(".para").Each(func(_ int, p *goquery.Selection) {
		if a, _ := p.Attr("data-cite-anchor"); a != p.AttrOr("id", "") {
			t.Errorf("paragraph %s: anchor %q", p.AttrOr("id", ""), a)
		}
	})
	if u, _ := doc.Find("article.document").Attr("data-cite-url"); !strings.HasPrefix(u, "https://") {
		t.Errorf("the document's citation URL is %q", u)
	}
}

func TestContentNotice(t *testing.T) {
	doc, _ := getHTML(t, "/", 200)
	if !strings.Contains(doc.Find("#notice").Text(), DefaultNotice.Text) || doc.Find(`#notice a[href="`+DefaultNotice.SupportURL+`"]`).Length() != 1 {
		t.Error("the default notice or its support link is missing")
	}
	s := mustServerWith(t, Options{Notice: Notice{Text: "Custom <b>words</b>.", SupportURL: "https://example.org/help", SupportLabel: "Help"}})
	srv := httptest.NewServer(s)
	defer srv.Close()
	_, body := getFrom(t, srv.URL+"/")
	if !strings.Contains(body, "Custom &lt;b&gt;words&lt;/b&gt;.") || !strings.Contains(body, `href="https://example.org/help"`) {
		t.Error("the configured notice is not shown, or not escaped")
	}
	v1, v2 := noticeFor(Notice{}).Version, noticeFor(Notice{Text: "Other"}).Version
	if v1 == v2 {
		t.Error("a changed notice keeps the version a reader dismissed")
	}
	off := httptest.NewServer(mustServerWith(t, Options{Notice: Notice{Text: "-"}}))
	defer off.Close()
	if _, body := getFrom(t, off.URL+"/"); strings.Contains(body, `id="notice"`) {
		t.Error(`the notice "-" is still shown`)
	}
}

func TestSimilarPage(t *testing.T) {
	for _, d := range testDocs {
		if d.Type != "section" || len(d.Paragraphs) < 4 {
			continue
		}
		doc, _ := getHTML(t, "/documents/"+d.ID, 200)
		href, ok := doc.Find(`[id="p-` + d.Paragraphs[2].Number + `"] a.similar-link`).Attr("href")
		if !ok {
			t.Fatal("no similar-paragraphs link on a paragraph")
		}
		page, _ := getHTML(t, href, 200)
		if page.Find(".hit").Length() == 0 || page.Find(".hit mark").Length() == 0 {
			t.Errorf("%s: no similar paragraphs with highlights", href)
		}
		getHTML(t, "/documents/"+d.ID+"/similar", 400)
		getHTML(t, "/documents/"+d.ID+"/similar?paragraph=none", 404)
		return
	}
	t.Fatal("no section to test")
}

func TestDocumentPageCitesParagraphs(t *testing.T) {
	var d *corpus.Document
	for _, c := range testDocs {
		if len(corpus.ParagraphURNs(c)) > 0 && len(c.Footnotes) > 0 {
			d = c
			break
		}
	}
	doc, _ := getHTML(t, "/documents/"+d.ID, 200)
	for _, p := range d.Paragraphs {
		if p.Heading {
			continue
		}
		sel := doc.Find("#p-" + p.Number + " .citation")
		want := searchapi.Cite(d, p.Number)
		if sel.Text() != want.Text || sel.AttrOr("data-permalink", "") != want.Permalink {
			t.Errorf("paragraph %s: citation %q, want %q", p.Number, sel.Text(), want.Text)
		}
	}
	links := doc.Find(".para-extras .refs a")
	if links.Length() == 0 || !strings.HasPrefix(links.First().AttrOr("href", ""), "/evidence/") {
		t.Errorf("no evidence links on %s", d.ID)
	}
}
