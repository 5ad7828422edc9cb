package server

import (
	"encoding/csv"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// The recommendations page shows each recommendation's text first, cited
// as readers cite it, its recipients and status as chips, and its
// responses as a timeline with the sentence each status was read from.
func TestRecommendationsPageResponses(t *testing.T) {
	page, _ := getHTML(t, "/recommendations?investigation="+url.QueryEscape("Larkspur County Council"), 200)
	var row *goquery.Selection
	page.Find("tr.rec").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if strings.HasPrefix(s.Find(".rec-title").Text(), "Recommendation 1:") {
			row = s
			return false
		}
		return true
	})
	if row == nil {
		t.Fatal("no Recommendation 1")
	}
	if !strings.HasPrefix(row.Find(".rec-text p").First().Text(), "The Inquiry recommends that Larkspur County Council") {
		t.Errorf("the text is not shown first: %q", row.Find(".rec-text").Text())
	}
	if c := row.Find(".rec-cite a").First().Text(); c != "Recommendation 1, Children in the care of Larkspur County Council investigation report (2019)" {
		t.Errorf("cited %q", c)
	}
	if s := strings.TrimSpace(row.Find(".rec-who .status-chip").Text()); s != "Status: Implemented" {
		t.Errorf("status chip %q", s)
	}
	if n := row.Find(".rec-who .recipients .chip").Length(); n != 1 {
		t.Errorf("%d recipient chips", n)
	}
	events := row.Find(".timeline li")
	if events.Length() != 2 || !strings.Contains(events.Eq(0).Find(".when").Text(), "30 January 2020") ||
		!strings.Contains(events.Eq(1).Find(".source-sentence").Text(), "The council has fully implemented the recommendation.") {
		t.Errorf("timeline %q", events.Text())
	}

	late, _ := getHTML(t, "/recommendations?overdue=true&status="+url.QueryEscape("no response yet"), 200)
	if late.Find("tr.rec").Length() == 0 || late.Find("tr.rec .overdue").Length() != late.Find("tr.rec").Length() {
		t.Errorf("overdue filter: %d rows, %d overdue notes", late.Find("tr.rec").Length(), late.Find("tr.rec .overdue").Length())
	}
	if n := late.Find(".active .chip").Length(); n != 2 {
		t.Errorf("%d active filter chips, want 2", n)
	}
	getHTML(t, "/recommendations?status=pending", 400)
}

// The tracker's CSV has a row per recommendation the same filters list.
func TestRecommendationsCSV(t *testing.T) {
	var list searchapi.RecommendationList
	getJSON(t, "/api/v1/recommendations?status=implemented", &list)
	resp, body := get(t, "/api/v1/recommendations.csv?status=implemented")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("%d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != list.Total+1 || list.Total != 2 || strings.Join(rows[0], ",") != strings.Join(recommendationColumns, ",") {
		t.Fatalf("%d rows for %d recommendations: %q", len(rows), list.Total, rows)
	}
	for _, r := range rows[1:] {
		if r[4] != "implemented" || r[6] != "2" || !strings.HasPrefix(r[10], "Recommendation 1, ") {
			t.Errorf("row %q", r)
		}
	}
}
