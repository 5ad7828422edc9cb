package extract

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// longParagraph is the length (in bytes) past which a paragraph has
// probably swallowed its neighbours: the longest numbered paragraph of a
// printed report runs to about 2,000 characters.
const longParagraph = 4000

// reportPages are the types whose pages number their paragraphs.
var reportPages = map[corpus.Type]bool{
	corpus.TypeSection: true, corpus.TypeRecommendations: true, corpus.TypeAnnex: true,
}

// record fills in doc's Extraction from what was read, with a warning for
// each sign that the page was read wrong or only in part.
func record(doc *corpus.Document, format, container string) *corpus.Extraction {
	e := &corpus.Extraction{Format: format, Container: container, Footnotes: len(doc.Footnotes)}
	cited := map[int]bool{}
	notes := map[int]bool{}
	for _, f := range doc.Footnotes {
		notes[f.Number] = true
	}
	body, prose := 0, 0
	for _, p := range doc.Paragraphs {
		e.Paragraphs++
		e.Subparagraphs += len(p.Subparagraphs)
		if p.Numbered() {
			e.Numbered++
		} else if !p.Heading {
			e.Unnumbered++
		}
		if !p.Heading {
			prose++
			body += len(p.Text)
		}
		for _, n := range p.Footnotes {
			e.Markers++
			cited[n] = true
		}
		if len(p.Text) > longParagraph {
			warn(e, corpus.WarnLongParagraph, "paragraph %s runs to %d characters", p.Number, len(p.Text))
		}
	}
	if body < 40 {
		warn(e, corpus.WarnNoContent, "no text read as the page's content (%d characters)", body)
	}
	if reportPages[doc.Type] && e.Numbered == 0 && prose >= 3 {
		warn(e, corpus.WarnReportNotNumbered, "a %s page with %d paragraphs, none numbered", doc.Type, prose)
	}
	var missing, unused []string
	for n := range cited {
		if !notes[n] {
			missing = append(missing, strconv.Itoa(n))
		}
	}
	for _, f := range doc.Footnotes {
		if cited[f.Number] {
			e.FootnotesLinked++
		} else {
			unused = append(unused, strconv.Itoa(f.Number))
		}
	}
	if len(missing) > 0 {
		warn(e, corpus.WarnMarkersWithoutNote, "markers %s have no footnote", list(missing))
	}
	if len(unused) > 0 && len(doc.Footnotes) > 0 {
		warn(e, corpus.WarnNotesWithoutMarker, "footnotes %s are cited by no paragraph", list(unused))
	}
	checkNumbering(e, doc.Paragraphs)
	return e
}

// checkNumbering warns when the top-level paragraph numbers go backwards
// (other than a part restarting at 1) or skip.
func checkNumbering(e *corpus.Extraction, paras []corpus.Paragraph) {
	prev := 0
	var back, gaps []string
	for _, p := range paras {
		if !p.Numbered() {
			continue
		}
		top, err := strconv.Atoi(strings.FieldsFunc(p.Number, func(r rune) bool { return r == '.' || r == '-' })[0])
		if err != nil {
			continue
		}
		switch {
		case prev == 0 || top == prev || top == prev+1:
		case top < prev && top == 1:
		case top < prev:
			back = append(back, fmt.Sprintf("%d after %d", top, prev))
		default:
			gaps = append(gaps, fmt.Sprintf("%d to %d", prev, top))
		}
		prev = top
	}
	if len(back) > 0 {
		warn(e, corpus.WarnNumberingBackwards, "numbers go back: %s", list(back))
	}
	if len(gaps) > 0 {
		warn(e, corpus.WarnNumberingGap, "numbers skip: %s", list(gaps))
	}
}

func warn(e *corpus.Extraction, code, format string, args ...any) {
	e.Warnings = append(e.Warnings, corpus.Warning{Code: code, Detail: fmt.Sprintf(format, args...)})
}

// list shows at most five items of a warning's detail.
func list(items []string) string {
	slices.SortStableFunc(items, func(a, b string) int { return cmpNumeric(a, b) })
	if len(items) > 5 {
		return strings.Join(items[:5], ", ") + fmt.Sprintf(" and %d more", len(items)-5)
	}
	return strings.Join(items, ", ")
}

func cmpNumeric(a, b string) int {
	x, errA := strconv.Atoi(a)
	y, errB := strconv.Atoi(b)
	if errA != nil || errB != nil {
		return 0
	}
	return x - y
}
