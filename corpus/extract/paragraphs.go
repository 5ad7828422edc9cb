package extract

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/inquirysearch/inquirysearch/corpus"
	"golang.org/x/net/html/atom"
)

// numbered matches a paragraph the page numbers: "12. Text" or "12.1. Text".
// Some pages print the number twice ("1. 1. Text").
var numbered = regexp.MustCompile(`^(\d{1,3}(?:\.\d{1,3})*)\.\s+(?:(\d{1,3}(?:\.\d{1,3})*)\.\s+)?(\S.*)$`)

// continuation matches list items that belong to the paragraph above them:
// "(i) …", "a) …".
var continuation = regexp.MustCompile(`^(\([ivxlc]+\)|\(?[a-z]\))\s`)

// buildParagraphs turns content blocks into citable paragraphs. Numbered
// blocks keep their number; other blocks get a label from their position
// ("u1", "u2", …). Bullets and lettered items join the paragraph above
// them, as they are part of it when cited. Footnote markers are stripped
// and recorded; unrendered reference shortcodes become footnotes.
func buildParagraphs(blocks []block, footnotes []corpus.Footnote) ([]corpus.Paragraph, []corpus.Footnote) {
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
		m := numbered.FindStringSubmatch(text)
		last := len(paras) - 1

		switch {
		case m != nil && !isHeading:
			paras = append(paras, corpus.Paragraph{Number: label(m[1]), Text: m[3], Footnotes: cited})
		case !isHeading && last >= 0 && !paras[last].Heading &&
			(b.tag == atom.Li || continuation.MatchString(text)):
			paras[last].Text += "\n" + text
			paras[last].Footnotes = append(paras[last].Footnotes, cited...)
		default:
			unnumbered++
			paras = append(paras, corpus.Paragraph{
				Number:    label(fmt.Sprintf("u%d", unnumbered)),
				Text:      text,
				Heading:   isHeading,
				Footnotes: cited,
			})
		}
	}
	return paras, footnotes
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
