package server

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

func postBody(t *testing.T, path, contentType string, body io.Reader) (*http.Response, string) {
	t.Helper()
	resp, err := http.Post(testServer.URL+path, contentType, body)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// The batch's counts are those of the search API: its total, and its
// hits' matched paragraphs.
func TestBatchAPICountsEqualSearches(t *testing.T) {
	terms := []string{"records", `"Anna Rowe"`, "place:Ashcombe", "Thornfield OR Oakridge", "zzzqqq"}
	for _, tc := range []struct {
		name, contentType, body string
	}{
		{"lines", "text/plain; charset=utf-8", "\ufeff" + strings.Join(terms, "\r\n") + "\n\n records \n"},
		{"csv", "text/csv", "term,note\n" + strings.Join([]string{"records,a", `"""Anna Rowe""",b`, "place:Ashcombe", "Thornfield OR Oakridge,", "zzzqqq"}, "\n")},
		{"form", "application/x-www-form-urlencoded", url.Values{"terms": {strings.Join(terms, "\n")}}.Encode()},
	} {
		resp, body := postBody(t, "/api/v1/batch", tc.contentType, strings.NewReader(tc.body))
		var b searchapi.Batch
		if err := json.Unmarshal([]byte(body), &b); err != nil || resp.StatusCode != 200 {
			t.Fatalf("%s: %d %v %s", tc.name, resp.StatusCode, err, body)
		}
		if len(b.Results) != len(terms) {
			t.Fatalf("%s: %d results for %d terms: %+v", tc.name, len(b.Results), len(terms), b.Results)
		}
		for i, c := range b.Results {
			if c.Term != terms[i] {
				t.Errorf("%s: term %d is %q, want %q", tc.name, i, c.Term, terms[i])
			}
			var s struct {
				Total int `json:"total"`
				Hits  []struct {
					MatchCount int `json:"match_count"`
				} `json:"hits"`
			}
			getJSON(t, "/api/v1/search?size=100&q="+url.QueryEscape(c.Term), &s)
			paras := 0
			for _, h := range s.Hits {
				paras += h.MatchCount
			}
			if s.Total > 100 {
				t.Fatalf("%q finds %d: page through", c.Term, s.Total)
			}
			if c.Documents != uint64(s.Total) || c.Paragraphs != uint64(paras) || c.SearchURL != "/search?q="+url.QueryEscape(c.Term) {
				t.Errorf("%s: %q counts %d documents, %d paragraphs (%s); the search %d, %d", tc.name, c.Term, c.Documents, c.Paragraphs, c.SearchURL, s.Total, paras)
			}
		}
	}
}

func TestBatchAPIRefuses(t *testing.T) {
	many := strings.Repeat("x\n", 1) + strings.Join(numbered(searchapi.MaxBatchTerms+1), "\n")
	for _, tc := range []struct{ name, contentType, body, want string }{
		{"empty", "text/plain", "\n \n", "no terms"},
		{"too many", "text/plain", many, "more than 1000"},
		{"not utf-8", "text/plain", "caf\xe9\n", "UTF-8"},
		{"bad csv", "text/csv", "a,\"b\nc", "CSV"},
		{"json", "application/json", `["a"]`, "text/plain"},
		{"too large", "text/plain", strings.Repeat("a", maxBodyBytes+10), "KiB"},
	} {
		resp, body := postBody(t, "/api/v1/batch", tc.contentType, strings.NewReader(tc.body))
		var e struct {
			Error struct{ Code, Message string }
		}
		json.Unmarshal([]byte(body), &e)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(e.Error.Message, tc.want) {
			t.Errorf("%s: %d %s, want 400 saying %q", tc.name, resp.StatusCode, body, tc.want)
		}
	}
	if resp, _ := get(t, "/api/v1/batch"); resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET /api/v1/batch: %d", resp.StatusCode)
	}
}

func numbered(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "term" + itoa(i)
	}
	return out
}

func TestBatchCSVAndPage(t *testing.T) {
	form := url.Values{"terms": {"records\n=cmd\n\"police records\"~3"}}.Encode()
	resp, body := postBody(t, "/api/v1/batch.csv", "application/x-www-form-urlencoded", strings.NewReader(form))
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/csv; charset=utf-8" {
		t.Fatalf("%d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil || len(rows) != 4 {
		t.Fatalf("%v %q", err, rows)
	}
	if rows[1][0] != "records" || rows[1][1] == "0" || !strings.HasPrefix(rows[1][3], testServer.URL+"/search?q=") {
		t.Errorf("row %q", rows[1])
	}
	if rows[2][0] != "'=cmd" || rows[3][4] == "" {
		t.Errorf("a formula-like term is kept as text, a distance term says why it was not counted: %q", rows[2:])
	}

	// The page: an uploaded CSV, the table linked to each search, and a
	// download of the same terms.
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", "names.csv")
	fw.Write([]byte("name\nElmwood\n<script>alert(1)</script>\n"))
	mw.WriteField("terms", "ignored when a file is given")
	mw.Close()
	resp, body = postBody(t, "/batch", mw.FormDataContentType(), &buf)
	if resp.StatusCode != 200 {
		t.Fatalf("POST /batch: %d %s", resp.StatusCode, body)
	}
	doc, _ := goquery.NewDocumentFromReader(strings.NewReader(body))
	rowsSel := doc.Find(".batch-table tbody tr")
	if rowsSel.Length() != 2 || rowsSel.First().Find("th a").Text() != "Elmwood" {
		t.Fatalf("rows: %q", rowsSel.Text())
	}
	if href, _ := rowsSel.First().Find("th a").Attr("href"); href != "/search?q=Elmwood" {
		t.Errorf("link %q", href)
	}
	if doc.Find(".batch-table script").Length() != 0 {
		t.Error("a term's markup was rendered")
	}
	if v, _ := doc.Find(".batch-download input[name=terms]").Attr("value"); v != "Elmwood\n<script>alert(1)</script>" {
		t.Errorf("download carries %q", v)
	}
	doc2, _ := getHTML(t, "/batch", http.StatusOK)
	if doc2.Find("form[action='/batch'] textarea[name=terms]").Length() != 1 || doc2.Find("input[type=file][name=file]").Length() != 1 {
		t.Error("the batch page has no form")
	}
	resp, body = postBody(t, "/batch", "application/x-www-form-urlencoded", strings.NewReader("terms="))
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "no terms") {
		t.Errorf("an empty batch: %d", resp.StatusCode)
	}
}
