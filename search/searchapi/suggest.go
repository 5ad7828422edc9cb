package searchapi

// Suggestion is one completion for the search box.
type Suggestion struct {
	Text string `json:"text"`
	Kind string `json:"kind"` // title, place, institution, speaker, phrase or term
}

// Suggestions answers a typeahead request.
type Suggestions struct {
	Query       string       `json:"query"`
	Suggestions []Suggestion `json:"suggestions"`
}
