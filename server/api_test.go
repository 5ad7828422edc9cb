package server

import (
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestSearchAPIShape(t *testing.T) {
	var body map[string]any
	resp := getJSON(t, "/api/v1/search?q=", &body)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for _, k := range []string{"query", "total", "page", "size", "took_ms", "hits", "facets"} {
		if _, ok := body[k]; !ok {
			t.Errorf("response lacks %q (has %v)", k, keys(body))
		}
	}
	if int(body["total"].(float64)) != searchableDocs() {
		t.Errorf("q= found %v of %d documents", body["total"], searchableDocs())
	}
	hit := body["hits"].([]any)[0].(map[string]any)
	for _, k := range []string{"id", "title", "report", "section", "url", "investigation", "type", "published", "score", "snippet", "paragraphs"} {
		if _, ok := hit[k]; !ok {
			t.Errorf("hit lacks %q (has %v)", k, keys(hit))
		}
	}
	facets := body["facets"].(map[string]any)
	for _, f := range []string{"investigation", "type", "year", "place"} {
		vals, ok := facets[f].([]any)
		if !ok || len(vals) == 0 {
			t.Errorf("facet %s missing or empty", f)
			continue
		}
		v := vals[0].(map[string]any)
		if _, ok := v["value"]; !ok {
			t.Errorf("facet %s value lacks 'value': %v", f, v)
		}
		if _, ok := v["count"]; !ok {
			t.Errorf("facet %s value lacks 'count': %v", f, v)
		}
	}
}

type searchJSON struct {
	Total int `json:"total"`
	Hits  []struct {
		ID         string   `json:"id"`
		Snippet    string   `json:"snippet"`
		Paragraphs []string `json:"paragraphs"`
	} `json:"hits"`
	Facets map[string][]struct {
		Value string `json:"value"`
		Count int    `json:"count"`
	} `json:"facets"`
}

func TestSearchAPIFilterMatchesFacet(t *testing.T) {
	var all searchJSON
	getJSON(t, "/api/v1/search?q=", &all)
	for _, f := range []string{"investigation", "type", "year", "place"} {
		for _, v := range all.Facets[f] {
			var res searchJSON
			getJSON(t, "/api/v1/search?q=&"+f+"="+url.QueryEscape(v.Value), &res)
			if res.Total != v.Count {
				t.Errorf("%s=%q: facet showed %d, filter returned %d", f, v.Value, v.Count, res.Total)
			}
		}
	}
}

// TestSearchAPIFacetChoice: facets= narrows the facets counted to those
// named (none: no facets) and changes nothing else; a facet that is also
// filtered keeps its counts over what passes the other filters.
func TestSearchAPIFacetChoice(t *testing.T) {
	for _, search := range []string{"q=", "q=council", "q=council&type=section", "q=council&type=section&place=Ashcombe&size=3"} {
		var all searchJSON
		getJSON(t, "/api/v1/search?"+search, &all)
		if len(all.Facets) != len(searchapi.Facets) || all.Total == 0 {
			t.Fatalf("%s: %d facets, total %d: the test needs a search with results and every facet", search, len(all.Facets), all.Total)
		}
		for _, c := range []struct {
			facets string
			want   []string
		}{{"none", nil}, {"type", []string{"type"}}, {"place,type,place", []string{"place", "type"}}, {"type&facets=year", []string{"type", "year"}}} {
			var got searchJSON
			getJSON(t, "/api/v1/search?"+search+"&facets="+c.facets, &got)
			if got.Total != all.Total || len(got.Hits) != len(all.Hits) || (len(got.Hits) > 0 && got.Hits[0].ID != all.Hits[0].ID) {
				t.Errorf("%s&facets=%s: total %d, %d hits, want %d, %d as without facets=", search, c.facets, got.Total, len(got.Hits), all.Total, len(all.Hits))
			}
			var names []string
			for f, vs := range got.Facets {
				names = append(names, f)
				if !slices.Equal(vs, all.Facets[f]) {
					t.Errorf("%s&facets=%s: %s counted %v, want %v", search, c.facets, f, vs, all.Facets[f])
				}
			}
			sort.Strings(names)
			if !slices.Equal(names, c.want) {
				t.Errorf("%s&facets=%s: facets %v, want %v", search, c.facets, names, c.want)
			}
		}
	}
}

func TestSearchAPIPhraseCitesParagraph(t *testing.T) {
	// A paragraph known from the corpus, searched by four of its words.
	for _, d := range testDocs[:20] {
		for _, p := range d.Paragraphs {
			words := strings.Fields(p.Text)
			if !p.Numbered() || len(words) < 8 {
				continue
			}
			phrase := strings.Join(words[2:6], " ")
			var res searchJSON
			getJSON(t, "/api/v1/search?size=100&q="+url.QueryEscape(`"`+phrase+`"`), &res)
			found := false
			for _, h := range res.Hits {
				if h.ID == d.ID {
					found = slices.Contains(h.Paragraphs, p.Number) && strings.Contains(h.Snippet, "<mark>")
				}
			}
			if !found {
				t.Errorf("%q: %s ¶%s not cited with a highlight", phrase, d.ID, p.Number)
			}
			break
		}
	}
}

func TestDocumentAPI(t *testing.T) {
	d := testDocs[0]
	var body map[string]any
	resp := getJSON(t, "/api/v1/documents/"+d.ID, &body)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for _, k := range []string{"id", "title", "report", "section", "url", "investigation", "type", "published", "places", "paragraphs", "footnotes"} {
		if _, ok := body[k]; !ok {
			t.Errorf("document lacks %q", k)
		}
	}
	paras := body["paragraphs"].([]any)
	if len(paras) != len(d.Paragraphs) {
		t.Errorf("%d paragraphs, want %d", len(paras), len(d.Paragraphs))
	}
	if p := paras[0].(map[string]any); p["number"] != d.Paragraphs[0].Number || p["text"] != d.Paragraphs[0].Text {
		t.Errorf("first paragraph %v", p)
	}
}

func TestAPIErrors(t *testing.T) {
	tests := []struct {
		method, path string
		status       int
		code         string
	}{
		{"GET", "/api/v1/search?sort=popular", 400, "invalid_query"},
		{"GET", "/api/v1/search?page=-1", 400, "invalid_query"},
		{"GET", "/api/v1/search?page=two", 400, "invalid_parameter"},
		{"GET", "/api/v1/search?size=1000", 400, "invalid_query"},
		{"GET", "/api/v1/search?size=-1", 400, "invalid_query"},
		{"GET", "/api/v1/search?page=5000&size=100", 400, "invalid_query"},
		{"GET", "/api/v1/search?type=podcast", 400, "invalid_query"},
		{"GET", "/api/v1/search?year=soon", 400, "invalid_query"},
		{"GET", "/api/v1/search?q=" + url.QueryEscape(strings.Repeat("long ", 300)), 400, "invalid_query"},
		{"GET", "/api/v1/search?q=%FF", 400, "invalid_query"},
		{"GET", "/api/v1/documents/0000000000000000", 404, "not_found"},
		{"GET", "/api/v1/documents/..%2F..%2Fetc%2Fpasswd", 404, "not_found"},
		{"GET", "/api/v1/nothing-here", 404, "not_found"},
		{"GET", "/api/v2/search", 404, "not_found"},
		{"POST", "/api/v1/search", 405, "method_not_allowed"},
		{"DELETE", "/api/v1/documents/0000000000000000", 405, "method_not_allowed"},
		{"GET", "/api/v1/search?from=2020-13", 400, "invalid_query"},
		{"GET", "/api/v1/search?from=2021&to=2019", 400, "invalid_query"},
		{"GET", "/api/v1/search?expand=maybe", 400, "invalid_parameter"},
		{"GET", "/api/v1/search?facets=colour", 400, "invalid_query"},
		{"GET", "/api/v1/search?facets=none,type", 400, "invalid_query"},
		{"GET", "/api/v1/search?q=urn:HOM12", 400, "invalid_query"},
		{"GET", "/api/v1/search?q=published:soon", 400, "invalid_query"},
		{"GET", "/api/v1/suggest?q=%FF", 400, "invalid_query"},
		{"GET", "/api/v1/suggest?q=" + strings.Repeat("a", 101), 400, "invalid_query"},
		{"POST", "/api/v1/suggest?q=a", 405, "method_not_allowed"},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest(tt.method, testServer.URL+tt.path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var body struct {
			Error struct{ Code, Message string } `json:"error"`
		}
		err = jsonDecode(resp, &body)
		if resp.StatusCode != tt.status || body.Error.Code != tt.code || body.Error.Message == "" || err != nil {
			t.Errorf("%s %s: %d %+v (%v), want %d %s", tt.method, tt.path, resp.StatusCode, body.Error, err, tt.status, tt.code)
		}
	}
}

func TestHealthzAndHeaders(t *testing.T) {
	resp, body := get(t, "/healthz")
	if resp.StatusCode != 200 || strings.TrimSpace(body) != "ok" {
		t.Errorf("healthz: %d %q", resp.StatusCode, body)
	}
	for _, path := range []string{"/", "/api/v1/search", "/healthz", "/nowhere"} {
		resp, _ := get(t, path)
		csp := resp.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", path)
		}
	}
}

func TestSimilarAPI(t *testing.T) {
	var d = testDocs[0]
	for _, doc := range testDocs {
		if doc.Type == "section" && len(doc.Paragraphs) > 3 {
			d = doc
			break
		}
	}
	var res struct {
		Terms   []string `json:"terms"`
		Results []struct {
			ID        string `json:"id"`
			Paragraph string `json:"paragraph"`
			Snippet   string `json:"snippet"`
		} `json:"results"`
	}
	resp := getJSON(t, "/api/v1/documents/"+d.ID+"/similar?paragraph="+url.QueryEscape(d.Paragraphs[1].Number), &res)
	if resp.StatusCode != 200 || len(res.Terms) == 0 || len(res.Results) == 0 {
		t.Fatalf("%d %+v", resp.StatusCode, res)
	}
	for path, want := range map[string]int{
		"/api/v1/documents/" + d.ID + "/similar":                     400,
		"/api/v1/documents/" + d.ID + "/similar?paragraph=none":      404,
		"/api/v1/documents/0000000000000000/similar?paragraph=1":     404,
		"/api/v1/documents/" + d.ID + "/similar?paragraph=1&size=99": 400,
	} {
		if resp, _ := get(t, path); resp.StatusCode != want {
			t.Errorf("%s: %d, want %d", path, resp.StatusCode, want)
		}
	}
}

// A missing thing is a 404 that says what is missing: the document, or
// the paragraph of a document that exists.
func TestNotFoundSaysWhatIsMissing(t *testing.T) {
	t.Parallel()
	var d *corpus.Document
	for _, doc := range testDocs {
		if len(doc.Paragraphs) > 0 {
			d = doc
			break
		}
	}
	for _, c := range []struct{ path, want string }{
		{"/api/v1/documents/0123456789abcdef", "no document has the id 0123456789abcdef"},
		{"/api/v1/documents/not-an-id", "no document has that id"},
		{"/api/v1/documents/" + d.ID + "/similar?paragraph=9999", "document " + d.ID + " has no paragraph \"9999\""},
	} {
		var body struct {
			Error struct{ Code, Message string }
		}
		resp := getJSON(t, c.path, &body)
		if resp.StatusCode != 404 || body.Error.Code != "not_found" || body.Error.Message != c.want {
			t.Errorf("%s: %d %s %q, want 404 not_found %q", c.path, resp.StatusCode, body.Error.Code, body.Error.Message, c.want)
		}
	}
}
