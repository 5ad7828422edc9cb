package searchapi

// Expansion says which glossary terms a query word was widened with.
type Expansion struct {
	Term string   `json:"term"`
	With []string `json:"with"`
}
