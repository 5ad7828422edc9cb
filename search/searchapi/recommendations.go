package searchapi

// Facets of the recommendations list.
const (
	FacetRecipient = "recipient"
	FacetReport    = "report"
	// Status and overdue are settled from the responses when a list is
	// made, not held by the index: they are filtered and counted over the
	// list the other filters give.
	FacetStatus  = "status"
	FacetOverdue = "overdue"
)

// ResponseFacets lists the facets of a recommendation's responses.
var ResponseFacets = []string{FacetStatus, FacetOverdue}

// OverdueValue is the overdue facet's one value: recommendations with a
// recipient that has not responded in time.
const OverdueValue = "overdue"

// RecommendationFacets lists the recommendations list's facets in display
// order.
var RecommendationFacets = []string{FacetRecipient, FacetReport, FacetInvestigation}

// RecommendationsRequest asks for recommendations: those matching Query
// (search syntax; empty for all), addressed to any of Recipients, made by
// any of Reports and in any of Investigations.
type RecommendationsRequest struct {
	Query          string
	Recipients     []string
	Reports        []string
	Investigations []string
	Statuses       []string // any of these current statuses (corpus.Statuses)
	Overdue        bool     // only those with a recipient overdue
}

// RecommendationItem is one recommendation in a list.
type RecommendationItem struct {
	ID            string   `json:"id"`
	Number        int      `json:"number"`
	Title         string   `json:"title"`
	Recipients    []string `json:"recipients"`
	Report        string   `json:"report"`
	Investigation string   `json:"investigation"`
	Section       string   `json:"section"`
	Published     string   `json:"published"`
	Text          string   `json:"text"` // its paragraphs, blank-line separated
	DocumentID    string   `json:"document_id"`
	Citation      Citation `json:"citation"` // of its heading in its report page
	// Responses are the recipients' published responses, oldest first;
	// Status is the recommendation's current status (corpus.CombineStatuses
	// of each recipient's latest); Overdue names the recipients with no
	// response six months after the report (ResponseDue).
	Responses []ResponseItem `json:"responses"`
	Status    string         `json:"status"`
	Overdue   []string       `json:"overdue,omitempty"`
}

// ResponseDueMonths is how long after its report a recommendation's recipients
// were asked to respond: a recipient silent for longer is overdue.
const ResponseDueMonths = 6

// ResponseItem is one published response to a recommendation, with its
// status and the sentence the status was read from (Source; empty when
// the status is "unclear").
type ResponseItem struct {
	Recipient  string `json:"recipient"`
	Date       string `json:"date"`
	Status     string `json:"status"`
	Source     string `json:"source,omitempty"`
	Summary    string `json:"summary"`
	URL        string `json:"url"`
	DocumentID string `json:"document_id"`
}

// RecommendationList is the answer to a RecommendationsRequest, ordered
// by report and number.
type RecommendationList struct {
	Query           string                  `json:"query"`
	Parsed          string                  `json:"parsed"`
	Filters         Filters                 `json:"filters"`
	Total           int                     `json:"total"`
	Recommendations []RecommendationItem    `json:"recommendations"`
	Facets          map[string][]FacetValue `json:"facets"`
	IndexVersion    string                  `json:"index_version"`
}
