package server

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// recommendationsRequest reads q, the repeatable filters recipient,
// report, investigation and status, and overdue=true.
func recommendationsRequest(q url.Values) searchapi.RecommendationsRequest {
	return searchapi.RecommendationsRequest{Query: q.Get("q"), Recipients: q["recipient"], Reports: q["report"],
		Investigations: q["investigation"], Statuses: q["status"], Overdue: q.Get("overdue") != ""}
}

func (s *Server) recommendations(r *http.Request) (*searchapi.RecommendationList, error) {
	ctx := r.Context()
	return s.backend.Recommendations(ctx, recommendationsRequest(r.URL.Query()))
}

// apiRecommendations answers GET /api/v1/recommendations.
func (s *Server) apiRecommendations(w http.ResponseWriter, r *http.Request) error {
	res, err := s.recommendations(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

type recommendationsView struct {
	Title    string
	Query    string
	Result   *searchapi.RecommendationList
	Facets   []facetView
	Active   []linkView
	ClearURL string
	Error    string
}

// recommendationsPage renders GET /recommendations: a table of every
// recommendation, with filters by recipient, report and investigation.
func (s *Server) recommendationsPage(w http.ResponseWriter, r *http.Request) error {
	view := recommendationsView{Title: "Recommendations – Inquiry Search", Query: r.URL.Query().Get("q")}
	res, err := s.recommendations(r)
	status := http.StatusOK
	if err != nil {
		e := classify(err, s.log, r)
		if e.status >= 500 {
			return err
		}
		status, view.Error = e.status, e.message
	}
	if res != nil {
		view.Result = res
		values := url.Values{}
		for _, k := range []string{"q", "recipient", "report", "investigation"} {
			for _, v := range r.URL.Query()[k] {
				if strings.TrimSpace(v) != "" {
					values.Add(k, v)
				}
			}
		}
		for _, f := range searchapi.RecommendationFacets {
			fv := facetView{Name: f}
			for _, val := range res.Facets[f] {
				on := containsFold(res.Filters[f], val.Value)
				fv.Values = append(fv.Values, linkView{Label: val.Value, Count: val.Count, Selected: on,
					URL: "/recommendations?" + toggledValues(values, f, val.Value, on).Encode()})
			}
			if len(fv.Values) > 0 {
				view.Facets = append(view.Facets, fv)
			}
		}
		for _, f := range searchapi.RecommendationFacets {
			for _, v := range values[f] {
				view.Active = append(view.Active, linkView{Label: facetLabel(f) + ": " + v,
					URL: "/recommendations?" + toggledValues(values, f, v, true).Encode()})
			}
		}
		if len(view.Active) > 0 {
			view.ClearURL = "/recommendations"
		}
	}
	s.render(w, status, "recommendations.html", view)
	return nil
}

func containsFold(vs []string, v string) bool {
	for _, x := range vs {
		if strings.EqualFold(x, v) {
			return true
		}
	}
	return false
}

// toggledValues returns values with one filter value added or removed.
func toggledValues(values url.Values, facet, value string, on bool) url.Values {
	vals := cloneValues(values)
	vals.Del(facet)
	for _, v := range values[facet] {
		if !on || !strings.EqualFold(v, value) {
			vals.Add(facet, v)
		}
	}
	if !on {
		vals.Add(facet, value)
	}
	return vals
}
