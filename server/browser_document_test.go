package server

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// paragraphRef matches a paragraph citation link: /documents/<id>?q=...#p-<n>.
var paragraphRef = regexp.MustCompile(`^/documents/([0-9a-f]{16})\?q=[^#]+#p-(\d+)$`)

func testParagraphLink(t *testing.T, tb *tab) {
	tb.open("/search?q=" + url.QueryEscape(`"record keeping"`))
	// The last cited paragraph of the first hit is far enough down the page
	// to need scrolling.
	href := evalIn[string](tb, `[...document.querySelectorAll('.hit')[0].querySelectorAll('.paras a')].pop().getAttribute('href')`)
	m := paragraphRef.FindStringSubmatch(href)
	if m == nil {
		t.Fatalf("paragraph link %q", href)
	}
	target := "p-" + m[2]
	tb.do(chromedp.Click(chromedp.CSS(fmt.Sprintf(`.hit .paras a[href=%q]`, href))))
	tb.waitFor("the marked paragraph", fmt.Sprintf(`document.getElementById(%q) && document.getElementById(%q).classList.contains('is-target')`, target, target))

	if n := evalIn[int](tb, `document.querySelectorAll('.is-target').length`); n != 1 {
		t.Errorf("%d paragraphs marked as the target", n)
	}
	inView := evalIn[bool](tb, fmt.Sprintf(`(r => r.top >= 0 && r.top < innerHeight && r.bottom > 0)(document.getElementById(%q).getBoundingClientRect())`, target))
	if !inView {
		t.Errorf("%s is not in view", target)
	}
	if y := evalIn[float64](tb, `scrollY`); y == 0 {
		t.Error("the page did not scroll to a paragraph far down")
	}
	// The target stands out: its background is not the page's.
	bg := evalIn[string](tb, fmt.Sprintf(`getComputedStyle(document.getElementById(%q)).backgroundColor`, target))
	if bg == "rgba(0, 0, 0, 0)" || bg == "rgb(255, 255, 255)" {
		t.Errorf("the target paragraph's background is %s", bg)
	}
	// The query's words are highlighted in place, in the cited paragraph.
	marks := evalIn[[]string](tb, fmt.Sprintf(`[...document.getElementById(%q).querySelectorAll('mark')].map(e => e.textContent.toLowerCase())`, target))
	if len(marks) == 0 || !strings.Contains(strings.Join(marks, " "), "record") {
		t.Errorf("highlights in %s: %q", target, marks)
	}
	if got := evalIn[int](tb, `document.querySelectorAll('.paragraphs mark').length`); got < len(marks) {
		t.Errorf("%d highlights in the document", got)
	}
	// The footnote links and section nav keep working with highlighting.
	if evalIn[int](tb, `document.querySelectorAll('.footnotes a.ref').length`) == 0 {
		t.Error("no evidence reference is linked in the footnotes")
	}

	// Following another paragraph's anchor moves the mark.
	first := evalIn[string](tb, `document.querySelector('.para').id`)
	tb.do(chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`location.hash = '#%s'`, first)))
	tb.waitFor("the mark to move", fmt.Sprintf(`document.getElementById(%q).classList.contains('is-target') && document.querySelectorAll('.is-target').length === 1`, first))
}

func testCopyCitation(t *testing.T, tb *tab) {
	d := docWith(t, func(title, report string, paragraphs int) bool { return report != "" && paragraphs >= 3 })
	tb.open("/documents/" + d.ID)
	clipboard := func() string {
		return evalIn[string](tb, `navigator.clipboard.readText()`)
	}
	number := d.Paragraphs[0].Number
	for _, p := range d.Paragraphs {
		if p.Numbered() {
			number = p.Number
			break
		}
	}
	tb.do(chromedp.Click(chromedp.CSS(fmt.Sprintf(`[id="p-%s"] .copy-cite`, number))))
	tb.waitFor("the copy", `document.querySelector('.copy-cite.copied') !== null`)
	got := clipboard()
	// The page gives each paragraph its citation; the button copies it.
	for _, want := range []string{d.Report, d.Title, "para " + number, d.URL + "#p-" + number} {
		if !strings.Contains(got, want) {
			t.Errorf("citation %q lacks %q", got, want)
		}
	}

	// Without the page's citation, one is built from the data attributes.
	tb.do(chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.getElementById('p-%s').querySelectorAll('.citation').forEach(c => c.remove())`, number)))
	tb.do(chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('.copy-cite.copied').forEach(b => b.classList.remove('copied'))`))
	tb.do(chromedp.Click(chromedp.CSS(fmt.Sprintf(`[id="p-%s"] .copy-cite`, number))))
	tb.waitFor("the built copy", `document.querySelector('.copy-cite.copied') !== null`)
	built := clipboard()
	for _, want := range []string{d.Report, d.Title, "paragraph " + number, d.URL + "#p-" + number} {
		if !strings.Contains(built, want) {
			t.Errorf("built citation %q lacks %q", built, want)
		}
	}

	// A paragraph that carries its own citation is copied as written.
	tb.do(chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(p => { const c = document.createElement('span'); c.className = 'citation'; c.textContent = 'Written   citation, para %s'; p.querySelector('.para-tools').prepend(c); })(document.getElementById('p-%s'))`, number, number)))
	tb.do(chromedp.Click(chromedp.CSS(fmt.Sprintf(`[id="p-%s"] .copy-cite`, number))))
	tb.waitFor("the second copy", fmt.Sprintf(`navigator.clipboard.readText().then(t => t === 'Written citation, para %s')`, number))

	// A search result copies a citation of its document.
	tb.open("/search?q=thornfield")
	report := evalIn[string](tb, `document.querySelector('.hit').dataset.citeReport`)
	tb.do(chromedp.Click(chromedp.CSS(`.hit .copy-cite`)))
	tb.waitFor("the result's copy", `document.querySelector('.hit .copy-cite.copied') !== null`)
	if got := clipboard(); !strings.HasPrefix(got, report) || !strings.Contains(got, "https://") {
		t.Errorf("a result's citation reads %q", got)
	}
	tb.waitFor("the copy announced", `[...document.querySelectorAll('[role=status]')].some(e => e.textContent.startsWith('Citation copied'))`)
}

func testSectionLinks(t *testing.T, tb *tab) {
	d := docWith(t, func(title, _ string, _ int) bool { return title == "B.2: Oakridge Lodge" })
	tb.open("/documents/" + d.ID)
	prev := evalIn[string](tb, `document.querySelector('.sections .prev a').textContent`)
	next := evalIn[string](tb, `document.querySelector('.sections .next a').textContent`)
	if !strings.Contains(prev, "B.1: Thornfield House") || !strings.Contains(next, "B.3:") {
		t.Errorf("previous %q, next %q around B.2", prev, next)
	}
	tb.do(chromedp.Click(chromedp.CSS(`.sections .next a`)))
	tb.waitFor("the next section", `document.readyState === 'complete' && document.querySelector('h1').textContent.startsWith('B.3:')`)
	tb.do(chromedp.Click(chromedp.CSS(`.sections .prev a`)))
	tb.waitFor("the section before", `document.readyState === 'complete' && document.querySelector('h1').textContent === 'B.2: Oakridge Lodge'`)
}

func testNotice(t *testing.T, tb *tab) {
	tb.open("/")
	tb.do(chromedp.Evaluate[chromedp.Void](`localStorage.clear()`))
	tb.open("/")
	visible := `(n => n !== null && n.getBoundingClientRect().height > 0)(document.getElementById('notice'))`
	if !evalIn[bool](tb, visible) {
		t.Fatal("no content notice on a first visit")
	}
	if href := evalIn[string](tb, `document.querySelector('#notice a').href`); !strings.HasPrefix(href, "https://") {
		t.Errorf("the notice's support link is %q", href)
	}
	// The notice does not trap focus: the search box is reachable first.
	if evalIn[bool](tb, `document.getElementById('notice').getAttribute('role') === 'dialog'`) {
		t.Error("the notice is a dialog")
	}
	tb.do(chromedp.Click(chromedp.CSS(`#notice .notice-dismiss`)))
	if evalIn[bool](tb, visible) {
		t.Error("the notice is still shown after dismissing it")
	}
	tb.open("/search?q=council")
	if evalIn[bool](tb, visible) {
		t.Error("the dismissed notice came back on the next page")
	}
	tb.do(chromedp.Evaluate[chromedp.Void](`localStorage.clear()`))
	tb.open("/search?q=council")
	if !evalIn[bool](tb, visible) {
		t.Error("the notice did not come back once forgotten")
	}
}

func testWithoutJavaScript(t *testing.T, tb *tab) {
	if _, err := chromedp.Call(tb.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	tb.open("/")
	tb.do(chromedp.SendKeys(chromedp.ID("q"), `"record keeping"`), chromedp.Submit(chromedp.ID("q")))
	tb.waitForURL("q=%22record+keeping%22")
	doc := func(js string) string {
		// Script is off in the page, but the test's own evaluation runs.
		return evalIn[string](tb, js)
	}
	if n := doc(`String(document.querySelectorAll('.hit mark').length)`); n == "0" {
		t.Error("no highlighted results without JavaScript")
	}
	if doc(`String(document.documentElement.classList.contains('js'))`) != "false" {
		t.Error("the page's script ran although script is off")
	}
	if doc(`String(getComputedStyle(document.querySelector('.copy-cite')).display)`) != "none" {
		t.Error("a copy button that cannot work is shown without JavaScript")
	}
	if doc(`String(getComputedStyle(document.getElementById('notice')).display)`) == "none" {
		t.Error("the notice is hidden without JavaScript")
	}
	if doc(`String(getComputedStyle(document.querySelector('.sort-apply')).display)`) == "none" {
		t.Error("the sort form has no button without JavaScript")
	}
	tb.do(chromedp.Click(chromedp.CSS(`.facet a.fv`)))
	tb.waitFor("a filtered page", `document.readyState === 'complete' && document.querySelectorAll('.active .chip').length === 1`)
}
