package server

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/search"
)

// matchTotals pages through a search and returns the sum of its hits'
// match_count and each hit's matched paragraph numbers, when they all
// fit in the hit's matches.
func matchTotals(t *testing.T, query string) (sum int, paras map[string][]string) {
	paras = map[string][]string{}
	for page := 1; ; page++ {
		var res search.Result
		getJSON(t, "/api/v1/search?size=50&page="+itoa(page)+"&"+query, &res)
		for _, h := range res.Hits {
			sum += h.MatchCount
			for _, m := range h.Matches {
				paras[h.ID] = append(paras[h.ID], m.Paragraph)
			}
		}
		if len(res.Hits) < 50 {
			return sum, paras
		}
	}
}

// An export by paragraph has one row for every matched paragraph of every
// hit: as many rows as the hits' match_counts add up to, each the
// paragraph's citation, permalink and whole text.
func TestExportByParagraph(t *testing.T) {
	for _, q := range []string{"q=council", "q=%22record+keeping%22&sort=newest", "q=police+school&type=section"} {
		want, paras := matchTotals(t, q)
		if want == 0 {
			t.Fatalf("%s: no matched paragraphs", q)
		}
		resp, body := get(t, "/api/v1/search.csv?unit=paragraph&"+q)
		records, err := csv.NewReader(strings.NewReader(body)).ReadAll()
		if resp.StatusCode != 200 || err != nil || len(records) == 0 || !slices.Equal(records[0], paragraphColumns) {
			t.Fatalf("csv %s: %d %v, header %v", q, resp.StatusCode, err, records[:min(1, len(records))])
		}
		if len(records)-1 != want {
			t.Errorf("csv %s: %d paragraph rows; match_count adds up to %d", q, len(records)-1, want)
		}
		got := map[string][]string{}
		for _, r := range records[1:] {
			got[r[0]] = append(got[r[0]], r[7])
			if r[12] == "" || !strings.Contains(r[10], "/documents/") || !strings.HasSuffix(r[10], "#"+corpus.Anchor(r[7])) {
				t.Errorf("csv %s: row %v lacks its text or permalink", q, r)
			}
		}
		for id, ps := range paras {
			if !slices.Equal(got[id], ps) {
				t.Errorf("csv %s: %s exported paragraphs %v; its matches are %v", q, id, got[id], ps)
			}
		}

		_, body = get(t, "/api/v1/search.ndjson?unit=paragraph&"+q)
		rows := 0
		sc := bufio.NewScanner(strings.NewReader(body))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var row paragraphRow
			if err := json.Unmarshal(sc.Bytes(), &row); err != nil || row.Text == "" || row.Paragraph == "" {
				t.Fatalf("ndjson %s: %v %+v", q, err, row)
			}
			rows++
		}
		if rows != want {
			t.Errorf("ndjson %s: %d rows; match_count adds up to %d", q, rows, want)
		}
	}
	if resp, body := get(t, "/api/v1/search.csv?unit=sentence&q=council"); resp.StatusCode != 400 || !strings.Contains(body, "unit") {
		t.Errorf("unit=sentence: %d %s", resp.StatusCode, body)
	}
}

// A same-paragraph search over the API counts its paragraphs, and its
// export by paragraph has exactly those rows.
func TestSameParagraphAPI(t *testing.T) {
	var res search.Result
	getJSON(t, "/api/v1/search?size=100&scope=paragraph&q=police+council", &res)
	var grouped search.Result
	getJSON(t, "/api/v1/search?size=100&q="+url.QueryEscape("para:(police council)"), &grouped)
	if res.Scope != "paragraph" || res.ParagraphTotal == 0 || res.ParagraphTotal != grouped.ParagraphTotal || res.Total != grouped.Total {
		t.Fatalf("scope=paragraph: %q %d documents %d paragraphs; para:(...): %d and %d", res.Scope, res.Total, res.ParagraphTotal, grouped.Total, grouped.ParagraphTotal)
	}
	_, body := get(t, "/api/v1/search.csv?unit=paragraph&scope=paragraph&q=police+council")
	records, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil || uint64(len(records)-1) != res.ParagraphTotal {
		t.Errorf("export by paragraph of a same-paragraph search: %d rows, %v; %d paragraphs matched", len(records)-1, err, res.ParagraphTotal)
	}
	resp, page := get(t, "/search?scope=paragraph&q=police+council")
	if resp.StatusCode != 200 || !strings.Contains(page, itoa(int(res.ParagraphTotal))+" paragraphs with every word") {
		t.Errorf("the results page does not give the paragraph count %d", res.ParagraphTotal)
	}
	for _, bad := range []string{"scope=sentence&q=council", "q=para:council", "from=31/02/2020"} {
		if resp, body := get(t, "/api/v1/search?"+bad); resp.StatusCode != 400 || !strings.Contains(body, `"invalid_`) {
			t.Errorf("%s: %d %s", bad, resp.StatusCode, body)
		}
	}
}
