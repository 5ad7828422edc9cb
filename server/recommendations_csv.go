package server

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"strings"

	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// recommendationColumns are the tracker's CSV columns.
var recommendationColumns = []string{"report", "number", "title", "recipients", "status", "overdue",
	"responses", "latest_response", "latest_response_url", "published", "citation", "permalink", "text"}

// apiRecommendationsCSV answers GET /api/v1/recommendations.csv: the
// tracker (the recommendations the same parameters list, with status and
// responses) as CSV, one row a recommendation. A list is at most
// MaxRecommendations rows, so it is written whole.
func (s *Server) apiRecommendationsCSV(w http.ResponseWriter, r *http.Request) error {
	res, err := s.recommendations(r)
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "text/csv; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="recommendations-tracker.csv"`)
	h.Set("X-Total-Results", fmt.Sprint(res.Total))
	if r.Method == http.MethodHead {
		return nil
	}
	out := csv.NewWriter(w)
	if err := out.Write(recommendationColumns); err != nil {
		return err
	}
	base := s.baseURL(r)
	for _, it := range res.Recommendations {
		if err := out.Write(trackerRow(it, base)); err != nil {
			return err
		}
	}
	out.Flush()
	return out.Error()
}

func trackerRow(it searchapi.RecommendationItem, base string) []string {
	var latest, latestURL string
	if n := len(it.Responses); n > 0 {
		latest, latestURL = it.Responses[n-1].Date, it.Responses[n-1].URL
	}
	row := []string{it.Report, fmt.Sprint(it.Number), it.Title, strings.Join(it.Recipients, "; "), it.Status,
		strings.Join(it.Overdue, "; "), fmt.Sprint(len(it.Responses)), latest, latestURL, it.Published,
		recommendationCitation(it), base + it.Citation.Permalink, it.Text}
	for i, c := range row {
		row[i] = defuse(c)
	}
	return row
}
