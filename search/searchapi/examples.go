package searchapi

// Examples are searches that find something in the index being searched,
// taken from it, for the help page and the search box's hints: an example
// that finds nothing teaches nothing. A field is empty when the index
// holds nothing of its kind.
type Examples struct {
	Reference string `json:"reference"` // the evidence reference (page) cited by the most documents
	Document  string `json:"document"`  // its document part, which finds every page of it
	Cipher    string `json:"cipher"`    // the cipher code named in the most documents
	Phrase    string `json:"phrase"`    // the most frequent phrase of the suggestion lexicon
	Witness   string `json:"witness"`   // the witness heard on the most days
	Place     string `json:"place"`     // the place named in the most documents
}
