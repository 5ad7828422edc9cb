package server

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

func TestParagraphLabels(t *testing.T) {
	for _, c := range []struct{ number, label, short string }{
		{"9", "paragraph 9", "¶9"}, {"u3", "unnumbered paragraph 3", "unnumbered ¶3"},
		{"13(c)", "paragraph 13(c)", "¶13(c)"}, {"u", "paragraph u", "¶u"}, {"2:5", "paragraph 2:5", "¶2:5"},
	} {
		if got := paraLabel(c.number); got != c.label {
			t.Errorf("paraLabel(%q) = %q, want %q", c.number, got, c.label)
		}
		if got := paraShort(c.number); got != c.short {
			t.Errorf("paraShort(%q) = %q, want %q", c.number, got, c.short)
		}
	}
	// No result shows the index's own "¶u" form.
	doc, _ := getHTML(t, "/search?size=100&q="+url.QueryEscape("sample content"), http.StatusOK)
	unnumbered := 0
	doc.Find(".paras a, .passage-head a").Each(func(_ int, a *goquery.Selection) {
		if strings.Contains(a.Text(), "¶u") {
			t.Errorf("a result is labelled %q", a.Text())
		}
		if strings.HasPrefix(a.Text(), "unnumbered ¶") {
			unnumbered++
		}
	})
	if unnumbered == 0 {
		t.Error("no unnumbered paragraph among the results: the test checks nothing")
	}
}
