package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
)

// Type is the kind of page a document was extracted from.
type Type string

// The document types. Their values are the facet and filter values users see.
const (
	TypeInvestigationReport Type = "investigation-report"
	TypeExecutiveSummary    Type = "executive-summary"
	TypeSection             Type = "section"
	TypeAnnex               Type = "annex"
	TypeRecommendations     Type = "recommendations"
	TypeFinalReport         Type = "final-report"
	TypeResearch            Type = "research"
	TypeNews                Type = "news"
	TypeTranscript          Type = "transcript"
	TypeOther               Type = "other"
)

// Types lists every document type, in the order a user would browse them.
var Types = []Type{
	TypeInvestigationReport, TypeExecutiveSummary, TypeSection, TypeAnnex,
	TypeRecommendations, TypeFinalReport, TypeResearch, TypeNews, TypeTranscript, TypeOther,
}

// Document is one published page, reduced to what search needs: its
// identity, its place in a report, and its numbered paragraphs.
type Document struct {
	ID            string      `json:"id"`
	URL           string      `json:"url"` // canonical URL of the source page
	Title         string      `json:"title"`
	Report        string      `json:"report,omitempty"` // the report the page belongs to
	Subtitle      string      `json:"subtitle,omitempty"`
	Investigation string      `json:"investigation,omitempty"`
	Type          Type        `json:"type"`
	Section       string      `json:"section,omitempty"` // code such as "B.1", "Part A", "1.3", "Annex 1"
	Heading       string      `json:"heading,omitempty"`
	Published     string      `json:"published,omitempty"` // YYYY-MM-DD
	Paragraphs    []Paragraph `json:"paragraphs"`
	Footnotes     []Footnote  `json:"footnotes,omitempty"`
	Places        []string    `json:"places,omitempty"`
	Institutions  []string    `json:"institutions,omitempty"`
	Links         []string    `json:"links,omitempty"`
	ContentHash   string      `json:"content_hash"`
	Pages         int         `json:"pages,omitempty"`      // pages of a PDF
	Speakers      []string    `json:"speakers,omitempty"`   // of a transcript, normalised, in order of first speaking
	Hearing       *Hearing    `json:"hearing,omitempty"`    // the sitting a transcript records
	Response      *Response   `json:"response,omitempty"`   // what a response page says of a recommendation
	Extraction    *Extraction `json:"extraction,omitempty"` // how the page was read
}

// Paragraph is one citable block of a page. Number is the paragraph number
// the page prints ("12", "12.1"), or for a block the page does not number a
// label from its position ("u3": the third unnumbered block), so that every
// paragraph can be cited and linked. A transcript's paragraphs are its
// speakers' turns, numbered by page and line ("12:5").
type Paragraph struct {
	Number    string `json:"number"`
	Text      string `json:"text"`
	Heading   bool   `json:"heading,omitempty"`   // a sub-heading inside the page
	Footnotes []int  `json:"footnotes,omitempty"` // numbers of the footnotes it cites
	Page      int    `json:"page,omitempty"`      // the PDF or transcript page it starts on
	// A transcript's turn: who spoke (normalised, "Ms Jane Elmwood"), in
	// what role, the page:line it ends on, and for an answer the number of
	// the question it answers.
	Speaker string `json:"speaker,omitempty"`
	Role    string `json:"role,omitempty"`
	End     string `json:"end,omitempty"`
	Answers string `json:"answers,omitempty"`
	// Subparagraphs are the lettered or roman items ("(a)", "ii.") kept in
	// Text with their parent but citable on their own, as "74(a)".
	Subparagraphs []Subparagraph `json:"subparagraphs,omitempty"`
}

// Subparagraph is one lettered or roman item of a paragraph. Label is the
// letter or numeral alone ("a", "ii"); Text is the item's text, label
// included, as it stands in the paragraph's Text.
type Subparagraph struct {
	Label string `json:"label"`
	Text  string `json:"text"`
}

// Cite returns how a subparagraph of p is cited: "74(a)".
func (p Paragraph) Cite(sub Subparagraph) string { return p.Number + "(" + sub.Label + ")" }

// Footnote is one entry of a page's footnote list, with the evidence
// references (URNs) it cites.
type Footnote struct {
	Number     int      `json:"number"`
	Text       string   `json:"text"`
	References []string `json:"references,omitempty"`
}

// IDFor returns the stable document id for a canonical URL. Ids are derived
// from the URL alone so that permalinks survive re-crawls.
func IDFor(canonicalURL string) string {
	sum := sha256.Sum256([]byte(canonicalURL))
	return hex.EncodeToString(sum[:8])
}

var idPattern = regexp.MustCompile(`^[0-9a-f]{16}$`)

// ValidID reports whether id has the shape of a document id. Callers use it
// before an id reaches a file path or an index lookup.
func ValidID(id string) bool { return idPattern.MatchString(id) }

// Numbered reports whether the page itself printed the paragraph's number.
func (p Paragraph) Numbered() bool {
	return p.Number != "" && p.Number[0] >= '0' && p.Number[0] <= '9'
}
