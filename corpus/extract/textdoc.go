package extract

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// ExtractPDF turns a PDF into a Document: a hearing transcript (type
// transcript, with its hearing date and speakers) when it reads as one,
// otherwise a document whose paragraphs keep their printed numbers. Every
// paragraph records the page it starts on, so a hit can cite the page.
// A PDF that cannot be parsed is an error.
func ExtractPDF(body []byte, pageURL string, gaz *corpus.Gazetteer) (*corpus.Document, error) {
	lines, pages, err := pdfLines(body)
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", pageURL, err)
	}
	doc, err := documentFromLines(lines, pageURL, gaz, "pdf")
	if err != nil {
		return nil, err
	}
	doc.Pages = pages
	return doc, nil
}

// ExtractText turns a plain-text file into a Document, as ExtractPDF does
// for a PDF. A form feed starts a new page, and so does a transcript's line
// number falling back to 1.
func ExtractText(body []byte, pageURL string, gaz *corpus.Gazetteer) (*corpus.Document, error) {
	var lines []textLine
	page, lastNo := 1, 0
	for _, raw := range strings.Split(strings.ToValidUTF8(string(body), "\uFFFD"), "\n") {
		if strings.Contains(raw, "\f") {
			page++
			lastNo = 0
			raw = strings.ReplaceAll(raw, "\f", "")
		}
		text := NormaliseSpace(raw)
		if n, _, ok := lineNumber(text); ok {
			if n < lastNo {
				page++
			}
			lastNo = n
		}
		lines = append(lines, textLine{page: page, text: text})
	}
	return documentFromLines(lines, pageURL, gaz, "text")
}

var (
	numberedLine = regexp.MustCompile(`^(\d{1,2})\s+(.*)$`)
	paraNumber   = regexp.MustCompile(`^(\d{1,3}(?:\.\d{1,3})*)\.?\s+(\S.*)$`)
)

// lineNumber splits a transcript line's printed number (1 to 25) from its text.
func lineNumber(s string) (int, string, bool) {
	m := numberedLine.FindStringSubmatch(s)
	if m == nil {
		return 0, s, false
	}
	n, _ := strconv.Atoi(m[1])
	if n < 1 || n > 25 {
		return 0, s, false
	}
	return n, m[2], true
}

func documentFromLines(lines []textLine, pageURL string, gaz *corpus.Gazetteer, format string) (*corpus.Document, error) {
	if gaz == nil {
		return nil, fmt.Errorf("extract %s: no gazetteer", pageURL)
	}
	canonical, err := corpus.Canonical(pageURL)
	if err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	doc := &corpus.Document{ID: corpus.IDFor(canonical), URL: canonical}
	if !transcriptFrom(doc, lines) {
		reportFrom(doc, lines)
	}
	if doc.Title == "" {
		doc.Title = canonical[strings.LastIndex(canonical, "/")+1:]
	}
	finishDocument(doc, gaz, doc.Title)
	doc.Extraction = record(doc, format, "")
	return doc, nil
}

// reportFrom reads lines as a printed document: the largest type on the
// first page is its title (and stays a paragraph too), a line starting with a paragraph number starts
// a paragraph, a blank line ends one, and other lines continue the one
// before.
func reportFrom(doc *corpus.Document, lines []textLine) {
	body := 0.0
	for _, l := range lines {
		body = max(body, l.size)
	}
	for _, l := range lines {
		if l.page == 1 && l.size > 0 && l.size >= body && l.text != "" {
			doc.Title = l.text
			break
		}
	}
	unnumbered := 0
	var cur *corpus.Paragraph
	for _, l := range lines {
		switch m := paraNumber.FindStringSubmatch(l.text); {
		case l.text == "":
			cur = nil
		case m != nil:
			doc.Paragraphs = append(doc.Paragraphs, corpus.Paragraph{Number: m[1], Text: m[2], Page: l.page})
			cur = &doc.Paragraphs[len(doc.Paragraphs)-1]
		case cur != nil:
			cur.Text += " " + l.text
		default:
			unnumbered++
			doc.Paragraphs = append(doc.Paragraphs, corpus.Paragraph{Number: fmt.Sprintf("u%d", unnumbered), Text: l.text, Page: l.page})
			cur = &doc.Paragraphs[len(doc.Paragraphs)-1]
		}
	}
	uniqueLabels(doc.Paragraphs)
	doc.Heading = doc.Title
	doc.Type = classify(doc.URL, doc.Title, "")
	doc.Investigation = corpus.InvestigationFor(doc.Title, doc.URL)
}
