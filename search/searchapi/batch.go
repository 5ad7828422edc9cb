package searchapi

import "net/url"

// MaxBatchTerms is the most terms one batch search counts.
const MaxBatchTerms = 1000

// BatchCount is what one term of a batch finds: how many documents a
// search for it finds, and how many paragraphs match in them. Error, when
// set, says why the term was not counted (it cannot be read, or it asks
// for a distance search, whose cost a batch does not take on); its
// counts are then 0.
type BatchCount struct {
	Term       string `json:"term"`
	Documents  uint64 `json:"documents"`
	Paragraphs uint64 `json:"paragraphs"`
	SearchURL  string `json:"search_url"`
	Error      string `json:"error,omitempty"`
}

// Batch is the answer to a batch search: one count for each term, in the
// order given.
type Batch struct {
	Results []BatchCount `json:"results"`
}

// SearchURL is the path of the search page for a query.
func SearchURL(q string) string {
	return "/search?" + url.Values{"q": {q}}.Encode()
}
