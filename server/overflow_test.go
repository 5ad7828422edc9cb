package server

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/search"
)

// TestHugeParametersAreBadRequests: parameters at the edge of an int or
// of the index's dates are refused with a 400, on the API and the page,
// never a 500 from an overflow or a 503 from the engine.
func TestHugeParametersAreBadRequests(t *testing.T) {
	for _, params := range []string{
		"q=a&page=9223372036854775807",
		"q=a&page=9223372036854775807&sort=newest",
		"q=a&page=92233720368547759&size=100",
		"q=&page=9223372036854775807&sort=oldest",
		"q=" + url.QueryEscape("published:0001..9999"),
		"q=" + url.QueryEscape("published:<0001"),
		"q=council&from=1500",
		"q=council&to=2300",
		"q=a&page=99999999999999999999999",
	} {
		resp, body := get(t, "/api/v1/search?"+params)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, `"message"`) {
			t.Errorf("API %s: %d %s", params, resp.StatusCode, body)
		}
		resp, body = get(t, "/search?"+params)
		if resp.StatusCode != http.StatusBadRequest || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			t.Errorf("page %s: %d %s", params, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		if strings.Contains(body, "goroutine") || strings.Contains(body, "panic") {
			t.Errorf("page %s shows a stack", params)
		}
	}
}

// panickingBackend fails as a bug in the search layer would.
type panickingBackend struct{ Backend }

func (panickingBackend) Search(context.Context, search.Request) (*search.Result, error) {
	panic("index out of range")
}

// TestPanicRendersPageOrJSON: a panic in a handler is a 500 in the form
// its route speaks, HTML for a page and JSON for the API, with nothing of
// the panic shown.
func TestPanicRendersPageOrJSON(t *testing.T) {
	s, err := New(panickingBackend{testBackend}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	resp, body := getFrom(t, srv.URL+"/search?q=council")
	if resp.StatusCode != 500 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") || strings.Contains(body, "index out of range") {
		t.Errorf("page: %d %s %q", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	resp, body = getFrom(t, srv.URL+"/api/v1/search?q=council")
	if resp.StatusCode != 500 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") || !strings.Contains(body, `"internal"`) {
		t.Errorf("API: %d %s %q", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
}
