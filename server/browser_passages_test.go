package server

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/search"
)

// A hit shows its best passages; "show all N matches" opens, by keyboard,
// onto the rest; each passage's Copy citation copies that paragraph's
// citation with the source URL and this service's permalink.
func testPassages(t *testing.T, tb *tab) {
	var res search.Result
	getJSON(t, "/api/v1/search?q=children", &res)
	hit := -1
	for i, h := range res.Hits {
		if h.MatchCount > passagesShown {
			hit = i
			break
		}
	}
	if hit < 0 {
		t.Fatal("no hit for children has more passages than are shown")
	}
	h := res.Hits[hit]
	tb.open("/search?q=children")
	sel := fmt.Sprintf(`document.querySelectorAll('.hit')[%d]`, hit)
	if n := evalIn[int](tb, sel+`.querySelectorAll('.passage').length`); n != len(h.Matches) {
		t.Errorf("hit %s has %d passages on the page; the API gives %d", h.ID, n, len(h.Matches))
	}
	if vis := evalIn[int](tb, sel+`.querySelectorAll('.passage').values().filter(p => p.checkVisibility()).toArray().length`); vis != passagesShown {
		t.Errorf("hit %s shows %d passages before show all; want %d", h.ID, vis, passagesShown)
	}
	summary := evalIn[string](tb, sel+`.querySelector('.more-matches summary').textContent`)
	if !strings.Contains(summary, "Show all "+strconv.Itoa(h.MatchCount)+" matches") {
		t.Errorf("show all reads %q; the hit has %d matches", summary, h.MatchCount)
	}
	tb.do(chromedp.Focus(chromedp.CSS(fmt.Sprintf(`.hit:nth-child(%d) .more-matches summary`, hit+1))), chromedp.KeyEvent(kb.Enter))
	tb.waitFor("show all to open", sel+`.querySelector('.more-matches').open`)
	if vis := evalIn[int](tb, sel+`.querySelectorAll('.passage').values().filter(p => p.checkVisibility()).toArray().length`); vis != len(h.Matches) {
		t.Errorf("after show all, %d passages show; want %d", vis, len(h.Matches))
	}

	// The last passage's own Copy button, pressed with the keyboard.
	m := h.Matches[len(h.Matches)-1]
	button := fmt.Sprintf(`.hit:nth-child(%d) .more-matches .passage:last-child .copy-cite`, hit+1)
	tb.do(chromedp.Focus(chromedp.CSS(button)), chromedp.KeyEvent(kb.Enter))
	tb.waitFor("the passage's copy", `document.querySelector('.passage .copy-cite.copied') !== null`)
	got := evalIn[string](tb, `navigator.clipboard.readText()`)
	for _, want := range []string{m.Citation.Text, m.Citation.URL, testServer.URL + m.Citation.Permalink, "#" + corpus.Anchor(m.Paragraph)} {
		if !strings.Contains(got, want) {
			t.Errorf("passage ¶%s copied %q, which lacks %q", m.Paragraph, got, want)
		}
	}

	// The hit's own Copy citation cites its first matched paragraph.
	tb.do(chromedp.Focus(chromedp.CSS(fmt.Sprintf(`.hit:nth-child(%d) .hit-foot .copy-cite`, hit+1))), chromedp.KeyEvent(kb.Enter))
	tb.waitFor("the hit's copy", `document.querySelector('.hit-foot .copy-cite.copied') !== null`)
	if got := evalIn[string](tb, `navigator.clipboard.readText()`); !strings.Contains(got, h.Citation.Text) || !strings.Contains(got, "#"+corpus.Anchor(h.Citation.Paragraph)) {
		t.Errorf("the hit's citation reads %q; want %q with its paragraph", got, h.Citation.Text)
	}
}

// The results page links its search as downloads and as a feed, which
// it also names in a link rel=alternate; the keyboard follows them.
func testDownloadSubscribe(t *testing.T, tb *tab) {
	tb.open("/search?q=council&type=section")
	alt := evalIn[string](tb, `document.querySelector('link[rel=alternate][type="application/atom+xml"]').getAttribute('href')`)
	sub := evalIn[string](tb, `document.querySelector('.exports .subscribe').getAttribute('href')`)
	if alt != sub || !strings.HasPrefix(sub, "/feed.atom?") || !strings.Contains(sub, "q=council") || !strings.Contains(sub, "type=section") {
		t.Errorf("alternate %q, subscribe %q: want the same feed of this search", alt, sub)
	}
	for _, c := range []struct{ nth, header string }{
		{"1", "id,title,report"}, {"2", `{"id":`}, {"3", "id,title,report,section,type,investigation,published,paragraph,page"}, {"4", `{"id":`},
	} {
		js := fmt.Sprintf(`(a => fetch(a.href).then(r => r.text()).then(t => a.hasAttribute('download') && a.href.includes('q=council') && t.startsWith(%q)))(document.querySelector('.exports a:nth-of-type(%s)'))`, c.header, c.nth)
		if !evalIn[bool](tb, js) {
			t.Errorf("download link %s does not give the search's export starting %q", c.nth, c.header)
		}
	}
	if !evalIn[bool](tb, `document.querySelector('.exports a:nth-of-type(3)').href.includes('unit=paragraph')`) {
		t.Error("the paragraph download does not ask for unit=paragraph")
	}
	tb.do(chromedp.Focus(chromedp.CSS(`.exports .subscribe`)), chromedp.KeyEvent(kb.Enter))
	tb.waitForURL("/feed.atom")
	if !evalIn[bool](tb, `document.documentElement.outerHTML.includes('council')`) {
		t.Error("the feed does not hold the search")
	}
	tb.open("/search?q=")
	if evalIn[int](tb, `document.querySelectorAll('link[rel=alternate][type="application/atom+xml"]').length`) != 1 {
		t.Error("the empty search has no feed link")
	}
}
