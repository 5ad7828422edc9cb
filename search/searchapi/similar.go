package searchapi

// SimilarParagraph is a paragraph that shares distinctive terms with
// another.
type SimilarParagraph struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Report    string   `json:"report"`
	Paragraph string   `json:"paragraph"`
	Score     float64  `json:"score"`
	Shared    []string `json:"shared_terms"`
	Snippet   string   `json:"snippet"`
	Citation  Citation `json:"citation"`
}

// Similar is the answer to "which paragraphs are most like this one".
type Similar struct {
	ID        string             `json:"id"`
	Paragraph string             `json:"paragraph"`
	Terms     []string           `json:"terms"` // the distinctive terms searched for
	Results   []SimilarParagraph `json:"results"`
}
