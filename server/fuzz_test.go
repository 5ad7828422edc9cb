package server

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
)

// fuzzRoutes are the routes that read search parameters.
var fuzzRoutes = []string{"/api/v1/search", "/search", "/api/v1/search.csv", "/api/v1/search.ndjson",
	"/feed.atom", "/api/v1/suggest", "/api/v1/recommendations", "/recommendations"}

// FuzzParams: whatever a client puts in the parameters of a search route,
// the answer is 2xx or 4xx, never a 5xx: bad input is the client's error,
// and no parameter may overflow, panic or reach the engine unchecked.
func FuzzParams(f *testing.F) {
	for _, c := range [][7]string{
		{"council", "1", "10", "", "", "", ""},
		{"a", "9223372036854775807", "", "newest", "", "", ""},
		{"a", "92233720368547759", "100", "", "", "", ""},
		{"published:0001..9999", "", "", "", "", "", ""},
		{"published:<0001", "", "", "oldest", "1500", "2300", ""},
		{`"the school"~50`, "", "", "", "", "", ""},
		{"", "-1", "0", "relevance", "2020-13", "2019", "eyJ9"},
		{"council", "", "", "", "", "", "eyJzb3J0IjoicmVsZXZhbmNlIiwic2l6ZSI6MTAsInBhZ2UiOjJ9"},
		{"\xff", "1e9", "1.5", "x", "", "", ""},
		{"council", "", "", "", "none", "", ""},
		{"", "", "", "", "type,year,place", "", ""},
	} {
		for i := range fuzzRoutes {
			f.Add(uint8(i), c[0], c[1], c[2], c[3], c[4], c[5], c[6])
		}
	}
	h := mustServerWith(f, Options{MaxInFlight: 64})
	f.Fuzz(func(t *testing.T, route uint8, q, page, size, sort, from, to, after string) {
		v := url.Values{"q": {q}, "page": {page}, "size": {size}, "sort": {sort}, "from": {from}, "to": {to},
			"after": {after}, "limit": {size}, "recipient": {from}, "place": {to}, "facets": {from}, "hits": {sort}}
		for k, vs := range v {
			if vs[0] == "" {
				delete(v, k)
			}
		}
		target := fuzzRoutes[int(route)%len(fuzzRoutes)] + "?" + v.Encode()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		if rec.Code >= 500 {
			t.Fatalf("GET %s: %d %s", target, rec.Code, rec.Body.String())
		}
	})
}
