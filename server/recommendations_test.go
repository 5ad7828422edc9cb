package server

import (
	"slices"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/inquirysearch/inquirysearch/indexer"
	"github.com/inquirysearch/inquirysearch/search"
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
