package searchapi

// MaxMatches bounds the passages one hit of a search carries: a page of
// MaxSize hits then holds at most MaxSize × MaxMatches snippets. The hit's
// MatchCount still counts every matched paragraph, and an export by
// paragraph (UnitParagraph) carries all of them.
const MaxMatches = 20

// Match is one matched paragraph of a hit: its number (a sub-paragraph's,
// "74(a)", when the match lies in one), its own snippet, the PDF or
// transcript page it starts on, and its citation.
type Match struct {
	Paragraph string   `json:"paragraph"`
	Snippet   string   `json:"snippet"` // HTML: escaped text with <mark> around matches
	Citation  Citation `json:"citation"`
	Page      int      `json:"page,omitempty"`
	// Text is the whole paragraph as plain text, filled in for exports by
	// paragraph only.
	Text string `json:"text,omitempty"`
}

// Export units: what one row of an export is.
const (
	UnitDocument  = "document"  // one row a matching document (the default)
	UnitParagraph = "paragraph" // one row a matched paragraph, every one
)
