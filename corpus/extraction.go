package corpus

import (
	"cmp"
	"slices"
	"strings"
)

// Warning codes an Extraction can carry. Each names something an operator
// can check on the page itself.
const (
	WarnNoContent          = "no_content"            // nothing that reads as the page's text
	WarnReportNotNumbered  = "report_not_numbered"   // a report page without numbered paragraphs
	WarnMarkersWithoutNote = "markers_without_notes" // footnote markers with no footnote to go to
	WarnNotesWithoutMarker = "notes_without_markers" // footnotes no paragraph cites
	WarnLongParagraph      = "long_paragraph"        // probably swallowed its neighbours
	WarnNumberingBackwards = "numbering_backwards"
	WarnNumberingGap       = "numbering_gap"
)

// Extraction records how one page was read: where its text was found, what
// came out, and what looked wrong. It travels with the Document so that a
// crawl, an import and an index build can all summarise it.
type Extraction struct {
	Format          string    `json:"format"`              // html, pdf or text
	Container       string    `json:"container,omitempty"` // the element read as the content, e.g. main#main-content
	Paragraphs      int       `json:"paragraphs"`
	Numbered        int       `json:"numbered"`
	Unnumbered      int       `json:"unnumbered"`
	Subparagraphs   int       `json:"subparagraphs,omitempty"`
	Footnotes       int       `json:"footnotes"`
	FootnotesLinked int       `json:"footnotes_linked"` // footnotes at least one paragraph cites
	Markers         int       `json:"markers"`          // footnote markers found in the text
	Warnings        []Warning `json:"warnings,omitempty"`
}

// Warning is one problem found while reading a page.
type Warning struct {
	Code   string `json:"code"`
	Detail string `json:"detail"`
}

// Has reports whether the extraction carries a warning with code.
func (e *Extraction) Has(code string) bool {
	if e == nil {
		return false
	}
	return slices.ContainsFunc(e.Warnings, func(w Warning) bool { return w.Code == code })
}

// ExtractionPage is one page in an ExtractionSummary's worst list.
type ExtractionPage struct {
	ID       string    `json:"id"`
	URL      string    `json:"url"`
	Title    string    `json:"title"`
	Warnings []Warning `json:"warnings"`
}

// ExtractionSummary sums the extraction records of a corpus: how many
// pages were read cleanly, how many carry each warning, and the pages with
// the most serious ones first.
type ExtractionSummary struct {
	Sample     bool             `json:"sample"` // the corpus holds the embedded sample site's pages
	Pages      int              `json:"pages"`
	Clean      int              `json:"clean"`
	Warned     int              `json:"warned"`
	Unrecorded int              `json:"unrecorded,omitempty"` // documents without a record (imported as JSON lines)
	Numbered   int              `json:"numbered_paragraphs"`
	Unnumbered int              `json:"unnumbered_paragraphs"`
	Footnotes  int              `json:"footnotes"`
	ByWarning  map[string]int   `json:"by_warning"`
	Worst      []ExtractionPage `json:"worst"`
}

// severity orders warnings by how much of a page they may have lost.
var severity = map[string]int{
	WarnNoContent: 6, WarnReportNotNumbered: 5, WarnMarkersWithoutNote: 4, WarnLongParagraph: 3,
	WarnNotesWithoutMarker: 2, WarnNumberingBackwards: 1, WarnNumberingGap: 1,
}

// maxWorst bounds the worst list, so the summary stays readable.
const maxWorst = 20

// SummariseExtraction sums the records of docs.
func SummariseExtraction(docs []*Document) *ExtractionSummary {
	s := &ExtractionSummary{ByWarning: map[string]int{}, Worst: []ExtractionPage{}}
	type scored struct {
		page  ExtractionPage
		score int
	}
	var warned []scored
	for _, d := range docs {
		if d.Type == TypeRecommendation {
			continue
		}
		s.Pages++
		if strings.HasPrefix(d.URL, "https://"+SampleHost+"/") {
			s.Sample = true
		}
		e := d.Extraction
		if e == nil {
			s.Unrecorded++
			continue
		}
		s.Numbered += e.Numbered
		s.Unnumbered += e.Unnumbered
		s.Footnotes += e.Footnotes
		if len(e.Warnings) == 0 {
			s.Clean++
			continue
		}
		s.Warned++
		score := 0
		for _, w := range e.Warnings {
			s.ByWarning[w.Code]++
			score = max(score, severity[w.Code]*100) + 1
		}
		warned = append(warned, scored{ExtractionPage{ID: d.ID, URL: d.URL, Title: d.Title, Warnings: e.Warnings}, score})
	}
	slices.SortFunc(warned, func(a, b scored) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(a.page.URL, b.page.URL)
	})
	for i := 0; i < len(warned) && i < maxWorst; i++ {
		s.Worst = append(s.Worst, warned[i].page)
	}
	return s
}
