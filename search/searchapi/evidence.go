package searchapi

// Evidence is the answer to an evidence lookup: every paragraph that cites
// a reference, in report order.
type Evidence struct {
	URN          string              `json:"urn"`
	Prefix       bool                `json:"prefix"` // the URN was read as the start of references
	Documents    int                 `json:"documents"`
	Total        int                 `json:"total"` // paragraphs
	Paragraphs   []EvidenceParagraph `json:"paragraphs"`
	IndexVersion string              `json:"index_version"`
}

// EvidenceParagraph is one paragraph citing a reference, with every
// reference it cites.
type EvidenceParagraph struct {
	DocumentID    string   `json:"document_id"`
	Title         string   `json:"title"`
	Report        string   `json:"report"`
	Investigation string   `json:"investigation"`
	Type          string   `json:"type"`
	Published     string   `json:"published"`
	Paragraph     string   `json:"paragraph"`
	Text          string   `json:"text"`
	References    []string `json:"references"`
	Citation      Citation `json:"citation"`
}
