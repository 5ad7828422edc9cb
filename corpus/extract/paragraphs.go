package extract

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/inquirysearch/inquirysearch/corpus"
	"golang.org/x/net/html/atom"
)

// numbered matches a paragraph the page numbers, in the forms reports
// print: "12. Text", "12.1 Text", "2.1. Text", after an opening quotation
// mark or bracket ("“1. The Inquiry will…"), and printed twice ("1. 1.
// Text", as nested CMS lists render). A single-level number needs its
// full stop, so "12 councils were…" is not paragraph 12. Tabs and no-break
// spaces after the number are spaces by the time this runs.
var numbered = regexp.MustCompile(`^([“"‘'(\[]?)(\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}\.)\s+(?:(\d{1,3}(?:\.\d{1,3})*)\.\s+)?(\S.*)$`)

// subLabel matches a lettered or roman sub-paragraph: "(a) …", "a) …",
// "a. …", "(iv) …", "iv. …". Its label is group 1 or 2.
var subLabel = regexp.MustCompile(`^(?:\(([a-z]|[ivxlc]{1,6})\)|([a-z]|[ivxlc]{1,6})[.)])\s+\S`)

// parseNumbered splits a numbered paragraph's number from its text; the
// opening quotation mark stays with the text. With needDot, "1.3 Text"
// (no closing full stop) is not numbered: list items in that form are
// contents entries naming sections, not paragraphs.
func parseNumbered(text string, needDot bool) (number, rest string, ok bool) {
	m := numbered.FindStringSubmatch(text)
	if m == nil || needDot && !strings.HasSuffix(m[2], ".") {
		return "", "", false
	}
	return strings.TrimSuffix(m[2], "."), m[1] + m[4], true
}

// buildParagraphs turns content blocks into citable paragraphs. Numbered
// blocks keep their number; other blocks get a label from their position
// ("u1", "u2", …). Bullets and lettered items join the paragraph above
// them, as they are part of it when cited. Footnote markers are stripped
// and recorded; unrendered reference shortcodes become footnotes.
func buildParagraphs(blocks []block, footnotes []corpus.Footnote, t *Trace) ([]corpus.Paragraph, []corpus.Footnote) {
	var paras []corpus.Paragraph
	used := map[string]int{}
	unnumbered := 0
	nextNote := len(footnotes) + 1
	label := func(number string) string {
		used[number]++
		if used[number] > 1 {
			return fmt.Sprintf("%s-%d", number, used[number])
		}
		return number
	}

	for _, b := range blocks {
		text, notes := takeShortcodes(b.text, nextNote)
		nextNote += len(notes)
		footnotes = append(footnotes, notes...)
		text, cited := takeMarkers(text)
		for _, n := range notes {
			cited = append(cited, n.Number)
		}
		text = NormaliseSpace(text)
		if text == "" {
			continue
		}
		isHeading := b.tag >= atom.H1 && b.tag <= atom.H6 || isHeadingAtom(b.tag)
		number, rest, isNumbered := parseNumbered(text, b.tag == atom.Li)
		last := len(paras) - 1
		sub := subLabel.FindStringSubmatch(text)

		switch {
		case isNumbered && !isHeading:
			paras = append(paras, corpus.Paragraph{Number: label(number), Text: rest, Footnotes: cited})
			t.printf("  para %-6s %s%s", paras[len(paras)-1].Number, clip(rest), notesNote(cited))
		case !isHeading && last >= 0 && !paras[last].Heading &&
			(b.tag == atom.Li || sub != nil || b.tag == atom.Blockquote && paras[last].Numbered()):
			paras[last].Text += "\n" + text
			paras[last].Footnotes = append(paras[last].Footnotes, cited...)
			if sub != nil {
				paras[last].Subparagraphs = append(paras[last].Subparagraphs,
					corpus.Subparagraph{Label: sub[1] + sub[2], Text: text})
				t.printf("  sub  %-6s %s%s", paras[last].Cite(paras[last].Subparagraphs[len(paras[last].Subparagraphs)-1]), clip(text), notesNote(cited))
			} else {
				t.printf("  join %-6s %s%s", paras[last].Number, clip(text), notesNote(cited))
			}
		default:
			unnumbered++
			paras = append(paras, corpus.Paragraph{
				Number:    label(fmt.Sprintf("u%d", unnumbered)),
				Text:      text,
				Heading:   isHeading,
				Footnotes: cited,
			})
			kind := "text"
			if isHeading {
				kind = "head"
			}
			t.printf("  %-4s %-6s %s%s", kind, paras[len(paras)-1].Number, clip(text), notesNote(cited))
		}
	}
	return paras, footnotes
}

// notesNote names the footnotes a block cites, for a trace line.
func notesNote(cited []int) string {
	if len(cited) == 0 {
		return ""
	}
	return fmt.Sprintf(" [notes %v]", cited)
}

// uniqueLabels makes every paragraph's label distinct, as web pages'
// are: a printed report restarts its numbering in each part, so the second
// paragraph 1 becomes "1-2", the third "1-3". Anchors and citations need
// one paragraph per label.
func uniqueLabels(paras []corpus.Paragraph) {
	used := map[string]int{}
	for i := range paras {
		n := paras[i].Number
		used[n]++
		if used[n] > 1 {
			paras[i].Number = fmt.Sprintf("%s-%d", n, used[n])
		}
	}
}

func isHeadingAtom(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

var (
	sectionLettered = regexp.MustCompile(`^(?:Part\s+)?([A-Z])\.\s?(\d{1,2})\b`)
	sectionPart     = regexp.MustCompile(`^Part\s+([A-Z]|\d{1,2}|[IVX]{1,4})\b\s*[:.]?`)
	sectionNumeric  = regexp.MustCompile(`^(\d{1,2}(?:\.\d{1,2})+)\s`)
	sectionAnnex    = regexp.MustCompile(`^(Annex|Appendix)\s+([A-Z0-9]{1,3})\b`)
)

// sectionCode reads a section code from a heading: "B.1: Introduction" is
// "B.1", "Part A. Introduction" is "Part A", "1.3 Did …" is "1.3",
// "Annex 1: …" is "Annex 1". Headings without a code give "".
func sectionCode(heading string) string {
	h := strings.TrimSpace(heading)
	if m := sectionLettered.FindStringSubmatch(h); m != nil {
		return m[1] + "." + m[2]
	}
	if m := sectionPart.FindStringSubmatch(h); m != nil {
		return "Part " + m[1]
	}
	if m := sectionNumeric.FindStringSubmatch(h); m != nil {
		return m[1]
	}
	if m := sectionAnnex.FindStringSubmatch(h); m != nil {
		return m[1] + " " + m[2]
	}
	return ""
}

var recommendationsHeading = regexp.MustCompile(`(^|[:.]\s*)recommendations$`)

var reportLanding = regexp.MustCompile(`/publications/investigation/[^/]+$`)

// classify decides a page's document type from its canonical URL, heading
// and report title. The heading wins where it is explicit (an executive
// summary, an annex, a recommendations section); otherwise the page's place
// on the site decides.
func classify(canonicalURL, heading, report string) corpus.Type {
	path := canonicalURL
	if i := strings.Index(path, "://"); i >= 0 {
		if j := strings.Index(path[i+3:], "/"); j >= 0 {
			path = path[i+3+j:]
		} else {
			path = "/"
		}
	}
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	h := strings.ToLower(heading)
	inReport := strings.Contains(path, "/publications/") || strings.HasPrefix(path, "/reports/")
	switch {
	case strings.HasPrefix(path, "/news/"):
		return corpus.TypeNews
	case strings.Contains(path, "/publications/research/"):
		return corpus.TypeResearch
	case !inReport:
		return corpus.TypeOther
	case strings.HasPrefix(h, "executive summary"):
		return corpus.TypeExecutiveSummary
	case strings.HasPrefix(h, "annex") || strings.HasPrefix(h, "appendix"):
		return corpus.TypeAnnex
	case recommendationsHeading.MatchString(h):
		return corpus.TypeRecommendations
	case strings.Contains(path, "/inquiry/final-report") ||
		strings.HasPrefix(strings.ToLower(report), "the report of the independent inquiry"):
		return corpus.TypeFinalReport
	case reportLanding.MatchString(path):
		return corpus.TypeInvestigationReport
	case strings.Contains(path, "/publications/investigation/") || strings.HasPrefix(path, "/reports/") ||
		strings.Contains(path, "/publications/inquiry/interim/"):
		return corpus.TypeSection
	}
	return corpus.TypeOther
}
