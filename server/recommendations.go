package server

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

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
	Items    []recView
	Facets   []facetView
	Active   []linkView
	ClearURL string
	CSVURL   string
	JSONURL  string
	Hidden   []hiddenField // the filters the word search keeps
	Error    string
}

// hiddenField is a form field that carries a value along.
type hiddenField struct{ Name, Value string }

// recView is one recommendation as the page shows it: its text first,
// cited as a reader would cite it, its recipients and status as chips and
// its responses as a timeline.
type recView struct {
	searchapi.RecommendationItem
	Heading    string
	Cite       string // "Recommendation 3, <report> (2020)"
	Paragraphs []string
	Recipients []linkView
	StatusURL  string
	Timeline   []responseView
	Overdue    string // who has not answered, and since when
}

type responseView struct {
	searchapi.ResponseItem
	DocURL string
}

// recommendationFacets are the page's filters, in the order it shows them.
var recommendationFacets = append(append([]string{}, searchapi.ResponseFacets...), searchapi.RecommendationFacets...)

// recommendationsPage renders GET /recommendations: every recommendation
// with its responses, filtered by status, overdue, recipient, report and
// investigation, and searchable by its words.
func (s *Server) recommendationsPage(w http.ResponseWriter, r *http.Request) error {
	view := recommendationsView{Title: "Recommendations and responses – Inquiry Search", Query: r.URL.Query().Get("q")}
	res, err := s.recommendations(r)
	status := http.StatusOK
	if err != nil {
		e := classify(err, s.log, r)
		if e.status >= 500 {
			return err
		}
		status, view.Error = e.status, e.message
	}
	values := url.Values{}
	for _, k := range append([]string{"q"}, recommendationFacets...) {
		for _, v := range r.URL.Query()[k] {
			if strings.TrimSpace(v) != "" {
				values.Add(k, v)
			}
		}
	}
	for _, f := range recommendationFacets {
		for _, v := range values[f] {
			view.Hidden = append(view.Hidden, hiddenField{Name: f, Value: v})
		}
	}
	view.CSVURL = "/api/v1/recommendations.csv?" + values.Encode()
	view.JSONURL = "/api/v1/recommendations?" + values.Encode()
	if res != nil {
		view.Result = res
		for _, it := range res.Recommendations {
			view.Items = append(view.Items, recommendationView(it, values))
		}
		for _, f := range recommendationFacets {
			fv := facetView{Name: f}
			for _, val := range res.Facets[f] {
				on := containsFold(res.Filters[f], val.Value)
				label := val.Value
				if f == searchapi.FacetStatus {
					label = statusLabel(val.Value)
				} else if f == searchapi.FacetOverdue {
					label = "No response after six months"
				}
				fv.Values = append(fv.Values, linkView{Label: label, Count: val.Count, Selected: on,
					URL: "/recommendations?" + toggledValues(values, f, val.Value, on).Encode()})
			}
			if len(fv.Values) > 0 {
				fv.fold()
				view.Facets = append(view.Facets, fv)
			}
		}
		for _, f := range recommendationFacets {
			for _, v := range values[f] {
				view.Active = append(view.Active, linkView{Label: facetLabel(f) + ": " + v,
					URL: "/recommendations?" + toggledValues(values, f, v, true).Encode()})
			}
		}
		if len(view.Active) > 0 {
			view.ClearURL = "/recommendations"
			if view.Query != "" {
				view.ClearURL += "?" + url.Values{"q": {view.Query}}.Encode()
			}
		}
	}
	s.render(w, status, "recommendations.html", view)
	return nil
}

func recommendationView(it searchapi.RecommendationItem, values url.Values) recView {
	v := recView{RecommendationItem: it, Heading: fmt.Sprintf("Recommendation %d: %s", it.Number, it.Title)}
	v.Cite = recommendationCitation(it)
	for _, p := range strings.Split(it.Text, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			v.Paragraphs = append(v.Paragraphs, p)
		}
	}
	for _, rc := range it.Recipients {
		on := containsFold(values[searchapi.FacetRecipient], rc)
		v.Recipients = append(v.Recipients, linkView{Label: rc, Selected: on,
			URL: "/recommendations?" + toggledValues(values, searchapi.FacetRecipient, rc, on).Encode()})
	}
	on := containsFold(values[searchapi.FacetStatus], it.Status)
	v.StatusURL = "/recommendations?" + toggledValues(values, searchapi.FacetStatus, it.Status, on).Encode()
	for _, resp := range it.Responses {
		v.Timeline = append(v.Timeline, responseView{ResponseItem: resp, DocURL: docURL(resp.DocumentID, "", "")})
	}
	if len(it.Overdue) > 0 {
		v.Overdue = fmt.Sprintf("No response from %s, asked for by %s.", strings.Join(it.Overdue, ", "), responseDue(it.Published))
	}
	return v
}

// recommendationCitation cites a recommendation as readers do:
// "Recommendation 3, Child protection in faith organisations investigation
// report (2020)".
func recommendationCitation(it searchapi.RecommendationItem) string {
	out := fmt.Sprintf("Recommendation %d", it.Number)
	if it.Report != "" {
		out += ", " + it.Report
	}
	if len(it.Published) >= 4 {
		out += " (" + it.Published[:4] + ")"
	}
	return out
}

// responseDue is the date by which a report's recipients were asked to
// respond.
func responseDue(published string) string {
	t, err := time.Parse("2006-01-02", published)
	if err != nil {
		return "six months after the report"
	}
	return t.AddDate(0, searchapi.ResponseDueMonths, 0).Format("2 January 2006")
}

// statusLabel writes a status as a person reads it.
func statusLabel(s string) string {
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// statusClass is a status as a CSS class name: "accepted in part" is
// "status-accepted-in-part".
func statusClass(s string) string { return "status-" + strings.ReplaceAll(s, " ", "-") }

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
