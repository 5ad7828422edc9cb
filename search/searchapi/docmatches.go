package searchapi

// ParagraphMatches are the matches of a search in one paragraph: byte
// ranges [start, end) of its text, in order and not overlapping. A
// paragraph found through a reference it cites only in a footnote has
// none, but is listed.
type ParagraphMatches struct {
	Paragraph string   `json:"paragraph"`
	Spans     [][2]int `json:"spans"`
}

// DocumentMatches are where a search's words match in one document, so
// that its page can mark them: the same words, stems, phrases and
// references as the search finds, in page order.
type DocumentMatches struct {
	ID         string             `json:"id"`
	Query      string             `json:"query"`
	Matches    int                `json:"matches"` // spans in all
	Paragraphs []ParagraphMatches `json:"paragraphs"`
}
