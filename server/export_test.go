package server

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/search"
)

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
