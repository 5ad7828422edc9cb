package server

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowser runs every browser test in one Chromium, each in its own tab.
func TestBrowser(t *testing.T) {
	ctx := mustBrowser(t)
	start := time.Now()
	for _, tc := range []struct {
		name string
		run  func(*testing.T, *tab)
	}{
		{"typeahead", testTypeahead},
		{"facets", testFacets},
		{"sort", testSort},
		{"paging and back", testPagingAndBack},
		{"paragraph link", testParagraphLink},
		{"sub-paragraph link", testSubparagraphLink},
		{"copy citation", testCopyCitation},
		{"passages", testPassages},
		{"download and subscribe", testDownloadSubscribe},
		{"section links", testSectionLinks},
		{"content notice", testNotice},
		{"without javascript", testWithoutJavaScript},
		{"crawled markup is inert", testInjection},
		{"first paint and layout shift", testFirstPaint},
		{"accessibility", testAccessibility},
		{"screenshots", testScreenshots},
		{"witness page", testWitnessPage},
		{"recommendations page", testRecommendationsPage},
		{"quote check", testQuoteCheck},
		{"batch search", testBatchSearch},
		{"find in document", testFindInDocument},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tb := newTab(t, ctx)
			tc.run(t, tb)
			tb.clean()
		})
	}
	t.Logf("browser tests took %s", time.Since(start).Round(time.Millisecond))
}

func testTypeahead(t *testing.T, tb *tab) {
	tb.open("/")
	tb.do(chromedp.SendKeys(chromedp.ID("q"), "ashc"))
	tb.waitFor("suggestions", `!document.getElementById('q-suggestions').hidden && document.querySelectorAll('#q-suggestions [role=option]').length > 0`)
	if got := evalIn[string](tb, `document.getElementById('q').getAttribute('aria-expanded')`); got != "true" {
		t.Errorf("aria-expanded %q with the list open", got)
	}
	texts := evalIn[[]string](tb, `[...document.querySelectorAll('#q-suggestions [role=option] .suggestion-text')].map(e => e.textContent)`)
	for _, s := range texts {
		if !strings.Contains(strings.ToLower(s), "ashc") {
			t.Errorf("suggestion %q does not complete %q", s, "ashc")
		}
	}

	// Escape closes the list and keeps what was typed.
	tb.do(chromedp.KeyEvent(kb.Escape))
	if !evalIn[bool](tb, `document.getElementById('q-suggestions').hidden`) || evalIn[string](tb, `document.getElementById('q').value`) != "ashc" {
		t.Error("Escape did not close the suggestions, or lost the text")
	}

	// Down arrows walk the options; Enter searches for the chosen one.
	tb.do(chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowDown))
	active := evalIn[string](tb, `document.getElementById('q').getAttribute('aria-activedescendant') || ''`)
	if len(texts) > 1 && active != "q-option-1" {
		t.Fatalf("after two down arrows the active option is %q", active)
	}
	chosen := evalIn[string](tb, `document.querySelector('#q-suggestions [aria-selected=true] .suggestion-text').textContent`)
	if len(texts) > 1 && chosen != texts[1] {
		t.Errorf("the selected option is %q, want the second, %q", chosen, texts[1])
	}
	tb.do(chromedp.KeyEvent(kb.ArrowUp))
	chosen = evalIn[string](tb, `document.querySelector('#q-suggestions [aria-selected=true] .suggestion-text').textContent`)
	if chosen != texts[0] {
		t.Errorf("the up arrow selected %q, want %q", chosen, texts[0])
	}
	tb.do(chromedp.KeyEvent(kb.Enter))
	tb.waitForURL("/search?")
	want := chosen
	if strings.Contains(want, " ") {
		want = `"` + want + `"`
	}
	if q := queryParam(t, tb, "q"); q != want {
		t.Errorf("searched for %q, want the suggestion %q", q, want)
	}
	if n := evalIn[int](tb, `document.querySelectorAll('.hit').length`); n == 0 {
		t.Error("the chosen suggestion found nothing")
	}

	// A click picks a suggestion too. Each wait for a search's page waits
	// until it has loaded: its address changes before its search box exists.
	tb.do(chromedp.Evaluate[chromedp.Void](`document.getElementById('q').value = ''`), chromedp.SendKeys(chromedp.ID("q"), "thornf"))
	tb.waitFor("suggestions", `document.querySelectorAll('#q-suggestions [role=option]').length > 0 && !document.getElementById('q-suggestions').hidden`)
	first := evalIn[string](tb, `document.querySelector('#q-suggestions [role=option] .suggestion-text').textContent`)
	tb.do(chromedp.Click(chromedp.CSS(`#q-suggestions [role=option]`)))
	tb.waitFor("the clicked suggestion's search", fmt.Sprintf(`document.readyState === 'complete' && new URLSearchParams(location.search).get('q') === %q`, quoteIfPhrase(first)))

	// After other words, only the last one is completed, and the words
	// before it stay.
	tb.do(chromedp.Evaluate[chromedp.Void](`document.getElementById('q').value = ''`), chromedp.SendKeys(chromedp.ID("q"), "records ashc"))
	tb.waitFor("suggestions for the last word", `document.querySelectorAll('#q-suggestions [role=option]').length > 0 && !document.getElementById('q-suggestions').hidden`)
	last := evalIn[string](tb, `document.querySelector('#q-suggestions [role=option] .suggestion-text').textContent`)
	tb.do(chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.Enter))
	tb.waitFor("the completed search", fmt.Sprintf(`document.readyState === 'complete' && new URLSearchParams(location.search).get('q') === %q`, "records "+quoteIfPhrase(last)))
}

func quoteIfPhrase(s string) string {
	if strings.Contains(s, " ") {
		return `"` + s + `"`
	}
	return s
}

func queryParam(t *testing.T, tb *tab, name string) string {
	t.Helper()
	loc, err := chromedp.Run(tb.ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(loc)
	if err != nil {
		t.Fatal(err)
	}
	return u.Query().Get(name)
}

// total reads the result count from the page's summary line.
func total(t *testing.T, tb *tab) int {
	t.Helper()
	var n int
	// After a click the new page may still be loading: wait for its
	// summary rather than read a document that has none yet.
	tb.waitFor("the result summary", `document.readyState === 'complete' && document.querySelector('.summary') !== null`)
	summary := evalIn[string](tb, `document.querySelector('.summary').textContent`)
	if _, err := fmt.Sscan(summary, &n); err != nil {
		t.Fatalf("summary %q: %v", summary, err)
	}
	return n
}

func testFacets(t *testing.T, tb *tab) {
	tb.open("/search?q=council")
	all := total(t, tb)
	values := evalIn[[]string](tb, `[...document.querySelectorAll('#facet-type ~ ul .fv-label')].map(e => e.textContent)`)
	counts := evalIn[[]int](tb, `[...document.querySelectorAll('#facet-type ~ ul .count')].map(e => +e.textContent)`)
	if len(values) < 2 {
		t.Fatalf("the type facet has %d values", len(values))
	}

	// One value: the total is that value's count, and a chip shows it.
	tb.do(chromedp.Click(chromedp.CSS(`#facet-type ~ ul li:nth-child(1) a`)))
	tb.waitForURL("type=")
	if got := total(t, tb); got != counts[0] {
		t.Errorf("filtered to %s: %d results, the facet said %d", values[0], got, counts[0])
	}
	if chips := evalIn[[]string](tb, `[...document.querySelectorAll('.active .chip')].map(e => e.textContent)`); len(chips) != 1 || !strings.Contains(chips[0], values[0]+" ") {
		t.Errorf("chips %q after selecting %q", chips, values[0])
	}
	if evalIn[string](tb, `document.querySelector('#facet-type ~ ul li:nth-child(1) a').getAttribute('aria-current')`) != "true" {
		t.Error("the selected facet value is not marked as current")
	}

	// A second value of the same facet widens the search: values of one
	// facet are either-or, so the counts add up.
	tb.do(chromedp.Click(chromedp.CSS(`#facet-type ~ ul li:nth-child(2) a`)))
	tb.waitFor("two chips", `document.readyState === 'complete' && document.querySelectorAll('.active .chip').length === 2`)
	if got := total(t, tb); got != counts[0]+counts[1] {
		t.Errorf("two types: %d results, want %d + %d", got, counts[0], counts[1])
	}

	// Removing one chip leaves the other filter.
	tb.do(chromedp.Click(chromedp.CSS(`.active .chip`)))
	tb.waitFor("one chip", `document.readyState === 'complete' && document.querySelectorAll('.active .chip').length === 1`)

	// Clear all restores the unfiltered search and keeps the query.
	tb.do(chromedp.Click(chromedp.CSS(`.active .clear`)))
	tb.waitFor("no chips", `document.readyState === 'complete' && document.querySelectorAll('.active .chip').length === 0 && !location.search.includes('type=')`)
	if got := total(t, tb); got != all {
		t.Errorf("after clearing the filters: %d results, want %d", got, all)
	}
	if q := queryParam(t, tb, "q"); q != "council" {
		t.Errorf("clearing the filters lost the query: %q", q)
	}

	// Facet counts follow the query.
	other := evalIn[[]int](tb, `fetch('/search?q=thornfield').then(r => r.text()).then(h => [...new DOMParser().parseFromString(h, 'text/html').querySelectorAll('#facet-type ~ ul .count')].map(e => +e.textContent))`)
	if fmt.Sprint(other) == fmt.Sprint(counts) {
		t.Errorf("facet counts %v did not change with the query", other)
	}
}

func testSort(t *testing.T, tb *tab) {
	tb.open("/search?q=council&type=section&type=news")
	dates := func() []string {
		return evalIn[[]string](tb, `[...document.querySelectorAll('.hit time')].map(e => e.getAttribute('datetime'))`)
	}
	tb.do(chromedp.Evaluate[chromedp.Void](`(s => { s.value = 'newest'; s.dispatchEvent(new Event('change', {bubbles: true})); })(document.getElementById('sort'))`))
	tb.waitForURL("sort=newest")
	newest := dates()
	if len(newest) < 2 || !sort.SliceIsSorted(newest, func(i, j int) bool { return newest[i] > newest[j] }) {
		t.Errorf("newest first gives dates %v", newest)
	}
	if queryParam(t, tb, "q") != "council" || evalIn[int](tb, `document.querySelectorAll('.active .chip').length`) != 2 {
		t.Error("sorting lost the query or the filters")
	}
	tb.do(chromedp.Evaluate[chromedp.Void](`(s => { s.value = 'oldest'; s.dispatchEvent(new Event('change', {bubbles: true})); })(document.getElementById('sort'))`))
	tb.waitForURL("sort=oldest")
	oldest := dates()
	if len(oldest) < 2 || !sort.StringsAreSorted(oldest) || oldest[0] == newest[0] {
		t.Errorf("oldest first gives dates %v (newest first began %v)", oldest, newest[0])
	}
	if evalIn[string](tb, `document.getElementById('sort').value`) != "oldest" {
		t.Error("the sort control does not show the sort in force")
	}
	// By keyboard, arrows only move through the options; the button sorts.
	tb.do(chromedp.Focus(chromedp.ID("sort")), chromedp.KeyEvent(kb.ArrowUp))
	if evalIn[bool](tb, `location.search.includes('sort=oldest') && document.getElementById('sort').value === 'newest'`) {
		tb.do(chromedp.Click(chromedp.CSS(`.sort-apply`)))
		tb.waitForURL("sort=newest")
	} else {
		t.Errorf("an arrow key on the sort control: value %q at %q", evalIn[string](tb, `document.getElementById('sort').value`), evalIn[string](tb, `location.search`))
	}
}

func testPagingAndBack(t *testing.T, tb *tab) {
	tb.open("/search?q=council")
	firstTitles := evalIn[[]string](tb, `[...document.querySelectorAll('.hit-title')].map(e => e.textContent)`)
	tb.do(chromedp.Click(chromedp.CSS(`.pager a[rel=next]`)))
	tb.waitForURL("after=")
	if got := evalIn[string](tb, `document.querySelector('.pageof').textContent`); !strings.HasPrefix(got, "Page 2 of") {
		t.Errorf("pager reads %q", got)
	}
	second := evalIn[[]string](tb, `[...document.querySelectorAll('.hit-title')].map(e => e.textContent)`)
	if len(second) == 0 || second[0] == firstTitles[0] {
		t.Errorf("page 2 begins with %v, page 1 with %q", second, firstTitles[0])
	}
	if evalIn[int](tb, `+document.querySelector('.hits').getAttribute('start')`) != 11 {
		t.Error("page 2 does not number its results from 11")
	}
	// The browser's own back button: history, not a link of the page.
	tb.do(chromedp.Evaluate[chromedp.Void](`history.back()`))
	tb.waitFor("page 1 again", `document.readyState === 'complete' && !location.search.includes('after=') && document.querySelector('.pageof') && document.querySelector('.pageof').textContent.startsWith('Page 1 of')`)
	back := evalIn[[]string](tb, `[...document.querySelectorAll('.hit-title')].map(e => e.textContent)`)
	if fmt.Sprint(back) != fmt.Sprint(firstTitles) {
		t.Errorf("back on page 1: %v, want %v", back, firstTitles)
	}
	tb.do(chromedp.Evaluate[chromedp.Void](`history.forward()`))
	tb.waitForURL("after=")
}
