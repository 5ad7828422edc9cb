package server

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/indexer"
	"github.com/inquirysearch/inquirysearch/search"
	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

func TestRecommendationsAPIAndPage(t *testing.T) {
	want, err := indexer.Recommendations(testDocs)
	if err != nil || len(want) == 0 {
		t.Fatal(len(want), err)
	}
	var list search.RecommendationList
	if resp := getJSON(t, "/api/v1/recommendations", &list); resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	if list.Total != len(want) || len(list.Facets[search.FacetRecipient]) == 0 || len(list.Facets[search.FacetReport]) == 0 || list.IndexVersion == "" {
		t.Fatalf("listed %d of %d; facets %v", list.Total, len(want), list.Facets)
	}
	// The page lists every recommendation with its recipients.
	doc, _ := getHTML(t, "/recommendations", 200)
	rows := doc.Find("table.rec-table tbody tr")
	if rows.Length() != len(want) {
		t.Errorf("page lists %d rows, want %d", rows.Length(), len(want))
	}
	for _, r := range want {
		row := doc.Find("#r-" + r.ID)
		var got []string
		row.Find("ul.recipients li").Each(func(_ int, s *goquery.Selection) { got = append(got, s.Text()) })
		if !slices.Equal(got, r.Recommendation.Recipients) && !(len(got) == 0 && len(r.Recommendation.Recipients) == 0) {
			t.Errorf("row %s: recipients %q, want %q", r.ID, got, r.Recommendation.Recipients)
		}
	}
	// A recipient by its alias filters the page and the API alike.
	var wvs search.RecommendationList
	getJSON(t, "/api/v1/recommendations?recipient=WVS", &wvs)
	doc, _ = getHTML(t, "/recommendations?recipient=WVS", 200)
	if n := doc.Find("table.rec-table tbody tr").Length(); n != wvs.Total || n == 0 {
		t.Errorf("recipient=WVS: page %d rows, API %d", n, wvs.Total)
	}
}

func TestEvidenceBothWaysOverHTTP(t *testing.T) {
	// Every reference a document's paragraph lists leads, through the
	// evidence API, back to that paragraph.
	checked := 0
	for _, d := range testDocs {
		var dj struct {
			Paragraphs []struct {
				Number     string          `json:"number"`
				References []string        `json:"references"`
				Citation   search.Citation `json:"citation"`
			} `json:"paragraphs"`
		}
		getJSON(t, "/api/v1/documents/"+d.ID, &dj)
		for _, p := range dj.Paragraphs {
			if !strings.HasSuffix(p.Citation.Permalink, "/documents/"+d.ID+"#p-"+p.Number) {
				t.Errorf("%s paragraph %s: permalink %q", d.ID, p.Number, p.Citation.Permalink)
			}
			for _, ref := range p.References {
				if checked >= 40 {
					break
				}
				checked++
				var ev search.Evidence
				getJSON(t, "/api/v1/evidence/"+url.PathEscape(ref), &ev)
				found := false
				for _, ep := range ev.Paragraphs {
					if ep.DocumentID == d.ID && ep.Paragraph == p.Number && slices.Contains(ep.References, ref) {
						found = true
					}
				}
				if !found {
					t.Errorf("%s paragraph %s cites %s, whose evidence lists %d other paragraphs", d.ID, p.Number, ref, ev.Total)
				}
				// The page shows the same paragraphs.
				page, _ := getHTML(t, "/evidence/"+url.PathEscape(ref), 200)
				if n := page.Find("ol.evidence-list > li").Length(); n != ev.Total {
					t.Errorf("evidence page for %s lists %d, API %d", ref, n, ev.Total)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no paragraph lists a reference")
	}
	resp, body := get(t, "/api/v1/evidence/%3Cscript%3E")
	if resp.StatusCode != 400 || !strings.Contains(body, "invalid_query") || strings.Contains(body, "<script>") {
		t.Errorf("bad reference: %d %s", resp.StatusCode, body)
	}
}

func TestDocumentPageCitesParagraphs(t *testing.T) {
	var d *corpus.Document
	for _, c := range testDocs {
		if len(corpus.ParagraphURNs(c)) > 0 && len(c.Footnotes) > 0 {
			d = c
			break
		}
	}
	doc, _ := getHTML(t, "/documents/"+d.ID, 200)
	for _, p := range d.Paragraphs {
		if p.Heading {
			continue
		}
		sel := doc.Find("#p-" + p.Number + " .citation")
		want := searchapi.Cite(d, p.Number)
		if sel.Text() != want.Text || sel.AttrOr("data-permalink", "") != want.Permalink {
			t.Errorf("paragraph %s: citation %q, want %q", p.Number, sel.Text(), want.Text)
		}
	}
	links := doc.Find(".para-extras .refs a")
	if links.Length() == 0 || !strings.HasPrefix(links.First().AttrOr("href", ""), "/evidence/") {
		t.Errorf("no evidence links on %s", d.ID)
	}
}

// pagedAPIIDs reads every page of a search through the API.
func pagedAPIIDs(t *testing.T, query string) []string {
	var ids []string
	for page := 1; ; page++ {
		var res search.Result
		getJSON(t, "/api/v1/search?size=9&page="+itoa(page)+"&"+query, &res)
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		if len(res.Hits) < 9 {
			return ids
		}
	}
}

func TestExportsEqualAllPages(t *testing.T) {
	for _, q := range []string{"q=", "q=council&sort=newest", "q=records&type=section"} {
		want := pagedAPIIDs(t, q)
		resp, body := get(t, "/api/v1/search.csv?"+q)
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
			t.Fatalf("csv %s: %d %s", q, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		records, err := csv.NewReader(strings.NewReader(body)).ReadAll()
		if err != nil || len(records) == 0 || !slices.Equal(records[0], exportColumns) {
			t.Fatalf("csv %s: %v, header %v", q, err, records[:min(1, len(records))])
		}
		var got []string
		for _, r := range records[1:] {
			got = append(got, r[0])
		}
		if !slices.Equal(got, want) {
			t.Errorf("csv %s: %d ids, pages %d", q, len(got), len(want))
		}

		resp, body = get(t, "/api/v1/search.ndjson?"+q)
		var nd []string
		sc := bufio.NewScanner(strings.NewReader(body))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var row exportRow
			if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
				t.Fatalf("ndjson %s: %v", q, err)
			}
			nd = append(nd, row.ID)
		}
		if resp.StatusCode != 200 || !slices.Equal(nd, want) {
			t.Errorf("ndjson %s: %d ids, pages %d", q, len(nd), len(want))
		}
	}
	// q= exports every document once.
	if got := pagedAPIIDs(t, "q="); len(got) != searchableDocs() {
		t.Errorf("q= pages through %d documents, corpus has %d searchable", len(got), searchableDocs())
	}
}

func TestExportCapAndErrors(t *testing.T) {
	resp, body := get(t, "/api/v1/search.ndjson?q=&limit=3")
	lines := strings.Split(strings.TrimSpace(body), "\n")
	if resp.Header.Get("X-Export-Truncated") == "" || len(lines) != 4 || !strings.Contains(lines[3], `"truncated":true`) {
		t.Errorf("capped ndjson: %q, %d lines, last %q", resp.Header.Get("X-Export-Truncated"), len(lines), lines[len(lines)-1])
	}
	_, body = get(t, "/api/v1/search.csv?q=&limit=3")
	records, _ := csv.NewReader(strings.NewReader(body)).ReadAll()
	if len(records) != 5 || records[4][0] != "#truncated" {
		t.Errorf("capped csv: %d records", len(records))
	}
	resp, body = get(t, "/api/v1/search.csv?q=%22unclosed&size=0&page=x")
	if resp.StatusCode != 400 || !strings.Contains(body, `"error"`) {
		t.Errorf("bad export request: %d %s", resp.StatusCode, body)
	}
}

func TestDefuse(t *testing.T) {
	for in, want := range map[string]string{"=1+2": "'=1+2", "+x": "'+x", "-3": "'-3", "@SUM": "'@SUM", "plain": "plain", "": ""} {
		if got := defuse(in); got != want {
			t.Errorf("defuse(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStatusCountsTypes(t *testing.T) {
	var st struct {
		IndexVersion    string         `json:"index_version"`
		Documents       int            `json:"documents"`
		Recommendations int            `json:"recommendations"`
		Types           map[string]int `json:"types"`
	}
	getJSON(t, "/api/v1/status", &st)
	want := map[string]int{}
	for _, d := range testDocs {
		want[string(d.Type)]++
	}
	recs, _ := indexer.Recommendations(testDocs)
	want[string(corpus.TypeRecommendation)] = len(recs)
	if st.IndexVersion == "" || st.Documents != len(testDocs) || st.Recommendations != len(recs) {
		t.Errorf("status %+v", st)
	}
	for k, v := range want {
		if st.Types[k] != v {
			t.Errorf("type %s counted %d, want %d", k, st.Types[k], v)
		}
	}
}
