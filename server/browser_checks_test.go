package server

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// axeSource reads axe-core for the checks' own audits.
func axeSource(t *testing.T) []byte {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		missing(t, "axe-core (npm install in server/testdata)")
	}
	return src
}

// testQuoteCheck: a quotation typed and checked by keyboard alone finds
// its paragraph, with the change marked by elements and words; the page
// passes axe at both widths.
func testQuoteCheck(t *testing.T, tb *tab) {
	src := axeSource(t)
	passage, id, number := samplePassage(t)
	words := strings.Fields(passage)
	words[6] = "greatly"
	quote := "“" + strings.Join(words[:10], " ") + " … " + strings.Join(words[12:], " ") + "”"
	for _, width := range []int64{1280, 360} {
		tb.viewport(width, 900)
		tb.open("/quote")
		tb.do(chromedp.Focus(chromedp.ID("quote-text")), chromedp.SendKeys(chromedp.ID("quote-text"), quote))
		tb.do(chromedp.KeyEvent(kb.Tab))
		if got := evalIn[string](tb, `document.activeElement.textContent`); got != "Check" {
			t.Fatalf("Tab from the quotation reaches %q, not the Check button", got)
		}
		tb.do(chromedp.KeyEvent(kb.Enter))
		tb.waitForURL("/quote?text=")
		tb.waitFor("the results", `document.querySelectorAll('.quote-hit').length > 0`)
		if href := evalIn[string](tb, `document.querySelector('.quote-hit .hit-title a').getAttribute('href')`); href != "/documents/"+id+"#p-"+number {
			t.Errorf("the first result links to %q, want %s ¶%s", href, id, number)
		}
		if got := evalIn[string](tb, `document.querySelector('.quote-hit ins.q-added').textContent`); !strings.Contains(got, "greatly") || !strings.Contains(got, "the quotation has") {
			t.Errorf("the change reads %q", got)
		}
		if n := evalIn[int](tb, `document.querySelectorAll('.quote-hit .q-elided').length`); n == 0 {
			t.Error("the ellipsis is not shown")
		}
		// Marked by more than colour: a line through, and a line under.
		if deco := evalIn[string](tb, `getComputedStyle(document.querySelector('.quote-hit del')).textDecorationLine`); deco != "line-through" {
			t.Errorf("dropped words are decorated %q", deco)
		}
		tb.screenshot(fmt.Sprintf("quote-%d", width))
		audit(t, tb, src, fmt.Sprintf("quote check at %d px", width))
		if w := evalIn[int](tb, `document.documentElement.scrollWidth`); w > int(width) {
			t.Errorf("the quote page is %d px wide on a %d px screen", w, width)
		}
	}
	tb.viewport(1280, 900)
}

// testBatchSearch: a list typed and counted by keyboard alone gives a
// table whose links are the terms' searches; the page passes axe.
func testBatchSearch(t *testing.T, tb *tab) {
	src := axeSource(t)
	for _, width := range []int64{1280, 360} {
		tb.viewport(width, 900)
		tb.open("/batch")
		tb.do(chromedp.Focus(chromedp.ID("batch-terms")), chromedp.SendKeys(chromedp.ID("batch-terms"), "records\n\"Anna Rowe\"\nzzzqqq"))
		// Tab past the file input to the Count button.
		tb.do(chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Tab))
		if got := evalIn[string](tb, `document.activeElement.textContent`); got != "Count" {
			t.Fatalf("Tab reaches %q, not the Count button", got)
		}
		tb.do(chromedp.KeyEvent(kb.Enter))
		tb.waitFor("the table", `document.querySelectorAll('.batch-table tbody tr').length === 3`)
		rows := evalIn[[]string](tb, `[...document.querySelectorAll('.batch-table tbody tr')].map(r => [...r.children].map(c => c.textContent.trim()).join(' '))`)
		if !strings.HasPrefix(rows[0], "records ") || !strings.HasPrefix(rows[2], "zzzqqq 0 0") {
			t.Errorf("rows %q", rows)
		}
		tb.screenshot(fmt.Sprintf("batch-%d", width))
		audit(t, tb, src, fmt.Sprintf("batch search at %d px", width))
		if w := evalIn[int](tb, `document.documentElement.scrollWidth`); w > int(width) {
			t.Errorf("the batch page is %d px wide on a %d px screen", w, width)
		}
	}
	// The CSV download carries the same terms.
	csv := evalIn[string](tb, `(f => fetch(f.action, {method: 'POST', body: new URLSearchParams(new FormData(f))}).then(r => r.text()))(document.querySelector('.batch-download'))`)
	if !strings.HasPrefix(csv, "term,documents,paragraphs,search_url") || strings.Count(csv, "\n") != 4 {
		t.Errorf("the CSV download: %q", csv)
	}
	// A term's link is its search.
	tb.do(chromedp.Focus(chromedp.CSS(`.batch-table tbody tr:first-child a`)), chromedp.KeyEvent(kb.Enter))
	tb.waitForURL("/search?q=records")
	tb.viewport(1280, 900)
}

// testFindInDocument: on a document opened from a search at a paragraph,
// Next match by keyboard goes to the first match from there, then on,
// wrapping round; Previous goes back; the status says which; the search
// box searches the report. The page passes axe with its matches marked.
func testFindInDocument(t *testing.T, tb *tab) {
	src := axeSource(t)
	d := docWith(t, func(title, report string, _ int) bool { return title == "B.1: Thornfield House" && report != "" })
	tb.open("/documents/" + d.ID + "?q=thornfield#p-3")
	total := evalIn[int](tb, `document.querySelectorAll('mark.find').length`)
	if total < 3 {
		t.Fatalf("%d matches marked", total)
	}
	// The first match at or after paragraph 3.
	want := evalIn[int](tb, `[...document.querySelectorAll('mark.find')].findIndex(m => { const p = document.getElementById('p-3'); return p.contains(m) || (p.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING) }) + 1`)
	current := func() int {
		return evalIn[int](tb, `(m => m ? +m.id.slice(2) : 0)(document.querySelector('mark.find.current'))`)
	}
	tb.do(chromedp.Focus(chromedp.CSS(`.find-next`)), chromedp.KeyEvent(kb.Enter))
	if got := current(); got != want {
		t.Errorf("Next match went to match %d, want %d (the first from paragraph 3)", got, want)
	}
	if status := evalIn[string](tb, `document.getElementById('find-status').textContent`); !strings.HasPrefix(status, fmt.Sprintf("Match %d of %d", want, total)) {
		t.Errorf("status %q", status)
	}
	if !evalIn[bool](tb, `(r => r.top >= 0 && r.bottom <= innerHeight)(document.querySelector('mark.find.current').getBoundingClientRect())`) {
		t.Error("the current match is not in view")
	}
	// Focus stays on the button: Enter again steps on.
	tb.do(chromedp.KeyEvent(kb.Enter))
	if got := current(); got != want%total+1 {
		t.Errorf("the second Enter went to %d, want %d", got, want%total+1)
	}
	tb.do(chromedp.KeyEvent(kb.Tab))
	tb.do(chromedp.Focus(chromedp.CSS(`.find-prev`)), chromedp.KeyEvent(kb.Enter), chromedp.KeyEvent(kb.Enter))
	if got := current(); got != (want+total-2)%total+1 {
		t.Errorf("Previous twice went to %d, want %d", got, (want+total-2)%total+1)
	}
	for _, width := range []int64{1280, 360} {
		tb.viewport(width, 900)
		tb.screenshot(fmt.Sprintf("document-find-%d", width))
		audit(t, tb, src, fmt.Sprintf("document with matches at %d px", width))
	}
	tb.viewport(1280, 900)
	// The box searches the report.
	tb.do(chromedp.Evaluate[chromedp.Void](`document.getElementById('doc-q').value = ''`), chromedp.Focus(chromedp.ID("doc-q")), chromedp.SendKeys(chromedp.ID("doc-q"), "records"), chromedp.KeyEvent(kb.Enter))
	tb.waitForURL("report=")
	if got := evalIn[string](tb, `new URLSearchParams(location.search).get('report')`); got != d.Report {
		t.Errorf("the report search asked for report %q, want %q", got, d.Report)
	}
	reports := evalIn[[]string](tb, `[...document.querySelectorAll('.hit .hit-report')].map(e => e.textContent.trim())`)
	for _, r := range reports {
		if r != d.Report {
			t.Errorf("a search within %q shows a page of %q", d.Report, r)
		}
	}
}
