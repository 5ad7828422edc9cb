package server

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// fitsWidth fails the test when the open page is wider than the viewport,
// so that a phone would have to scroll sideways.
func fitsWidth(t *testing.T, tb *tab, name string) {
	t.Helper()
	if over := evalIn[int](tb, `document.documentElement.scrollWidth - window.innerWidth`); over > 0 {
		wide := evalIn[[]string](tb, `[...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5).map(e => e.tagName + '.' + e.className)`)
		t.Errorf("%s is %d px wider than the screen: %q", name, over, wide)
	}
}

// testWitnessPage: the witness page at 360 and 1280 px lists a person's
// sittings and turns, each answer under its question, fits the screen,
// can be searched, and passes axe.
func testWitnessPage(t *testing.T, tb *tab) {
	src, err := os.ReadFile(filepath.Join("testdata", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		missing(t, "axe-core (npm install in server/testdata)")
	}
	path := "/speakers/" + url.PathEscape("Anna Rowe")
	for _, width := range []int64{360, 1280} {
		tb.viewport(width, 900)
		tb.open(path)
		if n := evalIn[int](tb, `document.querySelectorAll('.sitting').length`); n != 2 {
			t.Errorf("%d px: %d sittings, want 2", width, n)
		}
		if n := evalIn[int](tb, `document.querySelectorAll('.turn .question').length`); n < 6 {
			t.Errorf("%d px: %d answers shown with their question", width, n)
		}
		fitsWidth(t, tb, fmt.Sprintf("the witness page at %d px", width))
		audit(t, tb, src, fmt.Sprintf("witness page at %d px", width))
		tb.screenshot(fmt.Sprintf("witness-%d", width))
	}
	tb.do(chromedp.SendKeys(chromedp.ID("sq"), "training\n"))
	tb.waitForURL("q=training")
	if n := evalIn[int](tb, `document.querySelectorAll('.turn').length`); n != 1 {
		t.Errorf("searching her words shows %d turns, want 1", n)
	}
	// From a result of the search page to the witness page.
	tb.open("/search?q=" + url.QueryEscape(`role:witness missing`))
	tb.screenshot("testimony-results-1280")
	tb.open("/search?q=" + url.QueryEscape(`speaker:"Anna Rowe" training`))
	tb.do(chromedp.Click(chromedp.CSS(`.speaker-line a`)))
	tb.waitForURL("/speakers/")
	if h1 := evalIn[string](tb, `document.querySelector('h1').textContent`); h1 != "Detective Superintendent Anna Rowe" {
		t.Errorf("the result's speaker link opens %q", h1)
	}
	// A speaker offered by the typeahead keeps the search to their words.
	tb.open("/")
	tb.do(chromedp.SendKeys(chromedp.ID("q"), "elmw"))
	tb.waitFor("a speaker suggestion", `[...document.querySelectorAll('#q-suggestions [role=option]')].some(o => o.textContent.includes('Speaker'))`)
	tb.do(chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll('#q-suggestions [role=option]')].find(o => o.textContent.includes('Speaker')).click()`))
	tb.waitForURL("speaker%3A")
	if speakers := evalIn[[]string](tb, `[...document.querySelectorAll('.hit .speaker-line a')].map(a => a.textContent)`); len(speakers) == 0 || slices.ContainsFunc(speakers, func(s string) bool { return s != "Ms Jane Elmwood" }) {
		t.Errorf("choosing the speaker suggestion finds %q", speakers)
	}
	tb.viewport(1280, 900)
}

// testRecommendationsPage: the recommendations page at 360 and 1280 px
// shows text, status and responses, filters by status with the pointer,
// fits the screen and passes axe.
func testRecommendationsPage(t *testing.T, tb *tab) {
	src, err := os.ReadFile(filepath.Join("testdata", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		missing(t, "axe-core (npm install in server/testdata)")
	}
	for _, width := range []int64{360, 1280} {
		tb.viewport(width, 900)
		tb.open("/recommendations")
		if n := evalIn[int](tb, `document.querySelectorAll('.timeline li').length`); n < 5 {
			t.Errorf("%d px: %d responses in the timelines", width, n)
		}
		fitsWidth(t, tb, fmt.Sprintf("the recommendations page at %d px", width))
		audit(t, tb, src, fmt.Sprintf("recommendations page at %d px", width))
		tb.screenshot(fmt.Sprintf("recommendations-%d", width))
	}
	tb.do(chromedp.Click(chromedp.CSS(`#filters a.fv[href*="status=not+accepted"]`)))
	tb.waitForURL("status=not+accepted")
	statuses := evalIn[[]string](tb, `[...document.querySelectorAll('tr.rec .rec-who .status-chip')].map(e => e.textContent.trim())`)
	if len(statuses) != 1 || !strings.HasSuffix(statuses[0], "Not accepted") {
		t.Errorf("after choosing 'not accepted': %q", statuses)
	}
	tb.viewport(1280, 900)
}
