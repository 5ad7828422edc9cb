package samplesite

import (
	"net/http/httptest"
	"strings"
	"testing"
)

// TestWebArchiveServesCaptures: the web-archive shell answers at its
// capture paths as the archive does, so that a crawl through it sees the
// site the archive holds.
func TestWebArchiveServesCaptures(t *testing.T) {
	h, err := HandlerIn("ukgwa")
	if err != nil {
		t.Fatal(err)
	}
	get := func(path string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		return rec
	}
	page := "/reports-recommendations/publications/investigation/larkspur-council/part-a-introduction/a1-background"
	for _, path := range []string{ArchivedPath(page), "/" + ArchiveStamp + "/http:/sample-inquiry.test" + page} {
		rec := get(path)
		body := rec.Body.String()
		if rec.Code != 200 || !strings.Contains(body, `id="webarchive-banner"`) ||
			!strings.Contains(body, `href="`+ArchivedPath("/reports-recommendations/publications")) {
			t.Errorf("%s: status %d, banner %v, links kept in the archive %v", path, rec.Code,
				strings.Contains(body, "webarchive-banner"), strings.Contains(body, ArchivedPath("/reports")))
		}
	}
	if rec := get(ArchivedPath("/reports/larkspur/part-introduction")); rec.Code != 301 || rec.Header().Get("Location") != ArchivedPath(page) {
		t.Errorf("a legacy path's capture answers %d to %q, want 301 to its page's capture", rec.Code, rec.Header().Get("Location"))
	}
	if rec := get(ArchivedPath(RobotsDisallowed + "staff-notes")); rec.Code != 404 {
		t.Errorf("a page robots.txt forbade was captured: %d", rec.Code)
	}
	if rec := get("/ukgwa/" + ArchiveStamp + "/https://elsewhere.test/"); rec.Code != 404 {
		t.Errorf("another site's capture answers %d", rec.Code)
	}
}
