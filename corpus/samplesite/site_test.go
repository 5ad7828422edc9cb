package samplesite

import (
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

func get(t *testing.T, path string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	Handler().ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	return rec
}

func TestSiteSize(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	numbered := 0
	for _, p := range s.ordered {
		for _, line := range p.Body {
			if numberedLine.MatchString(strings.TrimSpace(line)) {
				numbered++
			}
		}
		if p.Heading == "" && p.Report == "" {
			t.Errorf("%s has neither heading nor report title", p.file)
		}
	}
	if len(s.ordered) < 60 {
		t.Errorf("%d pages; the sample site needs at least 60", len(s.ordered))
	}
	if numbered < 400 {
		t.Errorf("%d numbered paragraphs; the sample site needs at least 400", numbered)
	}
	t.Logf("%d pages, %d numbered paragraphs", len(s.ordered), numbered)
}

func TestEveryPageIsLabelledSample(t *testing.T) {
	s, _ := Load()
	for _, u := range s.URLs() {
		rec := get(t, u)
		if rec.Code != http.StatusOK {
			t.Errorf("%s: status %d", u, rec.Code)
			continue
		}
		if !strings.Contains(rec.Body.String(), "Sample content:") {
			t.Errorf("%s is not labelled as sample content", u)
		}
	}
}

func TestAliasesRedirectsAndMisses(t *testing.T) {
	const p = "/reports-recommendations/publications/investigation/organised-networks/part-introduction/a2-scope-investigation"
	want := get(t, p).Body.String()
	for _, alias := range []string{p + ".html", strings.TrimPrefix(p, "/reports-recommendations"), strings.TrimPrefix(p, "/reports-recommendations") + ".html", p + "?utm_source=feed"} {
		if got := get(t, alias); got.Code != 200 || got.Body.String() != want {
			t.Errorf("alias %s: status %d, same page %v", alias, got.Code, got.Body.String() == want)
		}
	}
	rec := get(t, "/reports/larkspur/part-introduction")
	if rec.Code != http.StatusMovedPermanently || !strings.HasSuffix(rec.Header().Get("Location"), "/a1-background") {
		t.Errorf("legacy path: %d to %q", rec.Code, rec.Header().Get("Location"))
	}
	for _, missing := range []string{"/no/such/page", "/news?page=999", MissingPDF} {
		if rec := get(t, missing); rec.Code != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", missing, rec.Code)
		}
	}
	if rec := get(t, "/robots.txt"); !strings.Contains(rec.Body.String(), "Disallow: "+RobotsDisallowed) {
		t.Errorf("robots.txt: %q", rec.Body.String())
	}
	pdf := get(t, "/sites/default/files/organised-networks-investigation-report.pdf")
	if pdf.Header().Get("Content-Type") != "application/pdf" || !strings.HasPrefix(pdf.Body.String(), "%PDF-1.4") {
		t.Errorf("PDF: %q %q", pdf.Header().Get("Content-Type"), pdf.Body.String()[:8])
	}
}

var hrefPattern = regexp.MustCompile(`href="([^"]+)"`)

// TestInternalLinksResolve checks that every link between sample pages
// leads somewhere, apart from the deliberate traps.
func TestInternalLinksResolve(t *testing.T) {
	s, _ := Load()
	traps := map[string]bool{"/news?page=999": true, MissingPDF: true}
	for _, u := range s.URLs() {
		body, _ := io.ReadAll(get(t, u).Body)
		for _, m := range hrefPattern.FindAllStringSubmatch(string(body), -1) {
			href := strings.ReplaceAll(m[1], "&amp;", "&")
			if !strings.HasPrefix(href, "/") || strings.HasPrefix(href, RobotsDisallowed) || traps[href] {
				continue
			}
			if code := get(t, href).Code; code != 200 && code != http.StatusMovedPermanently {
				t.Errorf("%s links to %s, which answers %d", u, href, code)
			}
		}
	}
}

func TestParsePageRejectsBadFiles(t *testing.T) {
	for name, src := range map[string]string{
		"no url":      "heading: x\n---\nbody",
		"relative":    "url: relative\n---\n",
		"unknown key": "url: /x\ncolour: red\n---\n",
		"no colon":    "url: /x\njust words\n---\n",
	} {
		if _, err := parsePage(name, src); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
