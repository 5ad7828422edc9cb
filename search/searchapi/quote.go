package searchapi

// Limits of a quote check.
const (
	MaxQuoteWords = 400     // words in a quotation, bracketed insertions included
	MaxQuoteBytes = 8 << 10 // bytes in a quotation, before its words are counted
	MaxQuoteHits  = 10      // the most results a quote check returns
)

// The kinds of QuoteOp, each read from the quotation's side: what it does
// to the paragraph's words.
const (
	OpSame      = "same"      // the words are the paragraph's
	OpAdded     = "added"     // words the quotation has and the paragraph does not
	OpDropped   = "dropped"   // the paragraph's words the quotation leaves out silently
	OpChanged   = "changed"   // the quotation's words in place of the paragraph's
	OpElided    = "elided"    // the paragraph's words left out where the quotation has an ellipsis
	OpBracketed = "bracketed" // the quotation's words in square brackets, in place of Source's (often none)
)

// QuoteOp is one step of the comparison of a quotation with a paragraph.
// Read in order, the Quote sides spell the quotation and the Source sides
// the quoted part of the paragraph, so a client can show either text with
// the differences marked. Added and bracketed ops have an empty Source
// (unless a bracket replaces words); dropped and elided ops an empty
// Quote. Both sides are plain text.
type QuoteOp struct {
	Op     string `json:"op"`
	Quote  string `json:"quote,omitempty"`
	Source string `json:"source,omitempty"`
}

// QuoteMatch is a paragraph a quotation may come from.
type QuoteMatch struct {
	DocumentID string `json:"document_id"`
	Title      string `json:"title"`
	Report     string `json:"report"`
	Paragraph  string `json:"paragraph"`
	// Exact is true when the quotation is the paragraph's words, apart
	// from typography, ellipses and bracketed insertions.
	Exact bool `json:"exact"`
	// Score is 1 for an exact quotation and falls towards 0 with the
	// share of words that differ.
	Score    float64   `json:"score"`
	Diff     []QuoteOp `json:"diff"`
	Citation Citation  `json:"citation"`
}

// QuoteCheck is the answer to "where does this quotation come from": the
// closest paragraphs, best first.
type QuoteCheck struct {
	Words   int          `json:"words"` // the quotation's words compared
	Results []QuoteMatch `json:"results"`
}
