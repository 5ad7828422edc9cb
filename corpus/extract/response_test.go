package extract

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/samplesite"
)

func TestResponseStatus(t *testing.T) {
	for _, c := range []struct{ text, status, source string }{
		{"The Department accepts this recommendation. It will act by 2023.", corpus.StatusAccepted, "The Department accepts this recommendation."},
		{"We welcome the report. We accept the recommendation in full.", corpus.StatusAccepted, "We accept the recommendation in full."},
		{"The council agrees to implement the recommendation.", corpus.StatusAccepted, "The council agrees to implement the recommendation."},
		{"The Board accepts the recommendation in part. It does not accept the rest.", corpus.StatusAcceptedInPart, "The Board accepts the recommendation in part."},
		{"The Inspectorate accepts parts of this recommendation, but does not accept the second.", corpus.StatusAcceptedInPart, "The Inspectorate accepts parts of this recommendation, but does not accept the second."},
		{"The Home Office partially accepts the recommendation.", corpus.StatusAcceptedInPart, "The Home Office partially accepts the recommendation."},
		{"The Board does not accept this recommendation. It will issue guidance instead.", corpus.StatusNotAccepted, "The Board does not accept this recommendation."},
		{"The Department rejects the recommendation.", corpus.StatusNotAccepted, "The Department rejects the recommendation."},
		{"The council is unable to accept the recommendation.", corpus.StatusNotAccepted, "The council is unable to accept the recommendation."},
		{"The recommendation has now been implemented. The definition is in use.", corpus.StatusImplemented, "The recommendation has now been implemented."},
		{"The council has fully implemented the recommendation.", corpus.StatusImplemented, "The council has fully implemented the recommendation."},
		{"The new procedure is now in place in every area.", corpus.StatusImplemented, "The new procedure is now in place in every area."},
		{"The Inspectorate welcomes the report and is considering the recommendation.", corpus.StatusUnclear, ""},
		{"We will respond in due course.", corpus.StatusUnclear, ""},
		{"", corpus.StatusUnclear, ""},
	} {
		status, source := ResponseStatus(c.text)
		if status != c.status || source != c.source {
			t.Errorf("%q: %q from %q, want %q from %q", c.text, status, source, c.status, c.source)
		}
	}
}

// The sample site's response pages are read as responses, each with the
// recommendation, recipient, date and status its own words give.
func TestSampleResponses(t *testing.T) {
	want := map[string]corpus.Response{
		"/reports-recommendations/publications/investigation/organised-networks/responses/department-for-community-safety-recommendation-1-july-2022":      {Report: "Exploitation by organised networks investigation report", Recommendation: 1, Recipient: "Department for Community Safety", Date: "2022-07-28", Status: corpus.StatusAccepted},
		"/reports-recommendations/publications/investigation/organised-networks/responses/department-for-community-safety-recommendation-1-march-2023":     {Report: "Exploitation by organised networks investigation report", Recommendation: 1, Recipient: "Department for Community Safety", Date: "2023-03-15", Status: corpus.StatusImplemented},
		"/reports-recommendations/publications/investigation/organised-networks/responses/national-policing-standards-board-recommendation-2-august-2022":  {Report: "Exploitation by organised networks investigation report", Recommendation: 2, Recipient: "National Policing Standards Board", Date: "2022-08-01", Status: corpus.StatusAcceptedInPart},
		"/reports-recommendations/publications/investigation/organised-networks/responses/national-policing-standards-board-recommendation-3-august-2022":  {Report: "Exploitation by organised networks investigation report", Recommendation: 3, Recipient: "National Policing Standards Board", Date: "2022-08-01", Status: corpus.StatusNotAccepted},
		"/reports-recommendations/publications/investigation/organised-networks/responses/childrens-safeguarding-inspectorate-recommendation-4-july-2022":  {Report: "Exploitation by organised networks investigation report", Recommendation: 4, Recipient: "Children’s Safeguarding Inspectorate", Date: "2022-07-20", Status: corpus.StatusUnclear},
		"/reports-recommendations/publications/investigation/larkspur-council/responses/childrens-safeguarding-inspectorate-recommendation-3-january-2020": {Report: "Children in the care of Larkspur County Council investigation report", Recommendation: 3, Recipient: "Children’s Safeguarding Inspectorate", Date: "2020-01-31", Status: corpus.StatusAcceptedInPart},
	}
	for path, w := range want {
		rec := httptest.NewRecorder()
		samplesite.Handler().ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		doc, err := Extract(rec.Body.Bytes(), "https://www.iicsa.org.uk"+path, mustGazetteer(t))
		if err != nil {
			t.Fatal(err)
		}
		if doc.Type != corpus.TypeResponse || doc.Response == nil {
			t.Errorf("%s: type %q, no response", path, doc.Type)
			continue
		}
		got := *doc.Response
		if (w.Status == corpus.StatusUnclear) != (got.Source == "") || got.Summary == "" {
			t.Errorf("%s: source %q, summary %q", path, got.Source, got.Summary)
		}
		if w.Status == corpus.StatusUnclear && !strings.HasPrefix(got.Summary, "The Inspectorate welcomes the report") {
			t.Errorf("%s: an unclear response is summed up by %q", path, got.Summary)
		}
		got.Source, got.Summary = "", ""
		if got != w {
			t.Errorf("%s:\n got %+v\nwant %+v", path, got, w)
		}
	}
}
