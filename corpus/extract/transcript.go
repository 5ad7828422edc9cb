package extract

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/inquirysearch/inquirysearch/corpus"
)

var (
	// "Day 13 IICSA Inquiry - Chichester 21 March 2018",
	// "IICSA Inquiry (Preliminary) Lambeth Investigation 24 March 2016".
	transcriptHeader = regexp.MustCompile(`^(?:Day\s+(\d+)\s+)?(\S.*?\bInquiry)\s*(\(Preliminary\))?\s*-?\s*(.*?)\s*(\d{1,2}\s+[A-Z][a-z]+\s+\d{4})$`)
	speakerTurn      = regexp.MustCompile(`^((?:[A-Z][A-Z'’\-]*\.?)(?:\s+[A-Z][A-Z'’\-]*\.?)*):\s*(.*)$`)
	witnessSworn     = regexp.MustCompile(`^((?:[A-Z][A-Za-z'’\-]*\.?)(?:\s+[A-Z][A-Za-z'’\-]*\.?)*)\s+\((?:sworn|affirmed)\)$`)
	sectionHeading   = regexp.MustCompile(`^(?:(?:Further )?[Ee]xamination|Questions?|Welcome and opening remarks|Opening statement|Closing statement)\b.* by .+$`)
	questionAnswer   = regexp.MustCompile(`^([QA])\.\s+(.*)$`)
	timeMark         = regexp.MustCompile(`^\(\d{1,2}\.\d{2}\s*[ap]m\)$`)
	weekdayDate      = regexp.MustCompile(`^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(\d{1,2}\s+[A-Z][a-z]+\s+\d{4})$`)
)

// transcriptFrom reads lines as a hearing transcript if they are one: a
// transcript header on the first page and most lines numbered. Each
// speaker's turn, question, answer and section heading becomes a
// paragraph numbered by the page and line it starts on.
func transcriptFrom(doc *corpus.Document, lines []textLine) bool {
	var header []string
	numbered, nonEmpty := 0, 0
	for _, l := range lines {
		if l.text == "" {
			continue
		}
		nonEmpty++
		_, text, ok := lineNumber(l.text)
		if ok {
			numbered++
		}
		if header == nil && l.page == 1 {
			header = transcriptHeader.FindStringSubmatch(text)
		}
	}
	if header == nil || numbered*2 < nonEmpty {
		return false
	}
	name := strings.TrimSpace(header[4])
	doc.Type = corpus.TypeTranscript
	doc.Published = parseDate(header[5])
	doc.Heading = strings.Join(strings.Fields(header[0]), " ")
	doc.Title = "Hearing transcript: " + name
	if header[1] != "" {
		doc.Title = fmt.Sprintf("Hearing transcript, day %s: %s", header[1], name)
	}
	doc.Report = name
	doc.Investigation = corpus.InvestigationFor(name, doc.URL)
	doc.Section = header[1]

	seen := map[string]bool{}
	addSpeaker := func(s string) {
		if !seen[s] {
			seen[s] = true
			doc.Speakers = append(doc.Speakers, s)
		}
	}
	var cur *corpus.Paragraph
	start := func(page, line int, text string, heading bool) {
		doc.Paragraphs = append(doc.Paragraphs, corpus.Paragraph{Number: fmt.Sprintf("%d:%d", page, line), Text: text, Page: page, Heading: heading})
		cur = &doc.Paragraphs[len(doc.Paragraphs)-1]
	}
	for _, l := range lines {
		n, text, ok := lineNumber(l.text)
		if !ok || text == "" || transcriptHeader.MatchString(text) {
			continue // page furniture: headers, page numbers, blank lines
		}
		if m := weekdayDate.FindStringSubmatch(text); m != nil {
			if doc.Published == "" {
				doc.Published = parseDate(m[1])
			}
			continue
		}
		switch {
		case timeMark.MatchString(text):
			start(l.page, n, text, true)
			cur = nil
		case witnessSworn.MatchString(text):
			addSpeaker(strings.ToUpper(witnessSworn.FindStringSubmatch(text)[1]))
			start(l.page, n, text, true)
			cur = nil
		case sectionHeading.MatchString(text):
			start(l.page, n, text, true)
			cur = nil
		case speakerTurn.MatchString(text):
			addSpeaker(speakerTurn.FindStringSubmatch(text)[1])
			start(l.page, n, text, false)
		case questionAnswer.MatchString(text):
			start(l.page, n, text, false)
		case cur != nil:
			cur.Text += " " + text
		default:
			start(l.page, n, text, false)
		}
	}
	return true
}
