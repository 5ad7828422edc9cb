package extract

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/inquirysearch/inquirysearch/corpus"
)

var (
	// "Day 13 IICSA Inquiry - Chichester 21 March 2018",
	// "IICSA Inquiry (Preliminary) Lambeth Investigation 24 March 2016".
	transcriptHeader = regexp.MustCompile(`^(?:Day\s+(\d+)\s+)?(\S.*?\bInquiry)\s*(\(Preliminary\))?\s*-?\s*(.*?)\s*(\d{1,2}\s+[A-Z][a-z]+\s+\d{4})$`)
	speakerTurn      = regexp.MustCompile(`^((?:[A-Z][A-Z'’\-]*\.?)(?:\s+[A-Z][A-Z'’\-]*\.?)*):\s*(.*)$`)
	witnessSworn     = regexp.MustCompile(`^((?:[A-Z][A-Za-z0-9'’\-]*\.?)(?:\s+[A-Z0-9][A-Za-z0-9'’\-]*\.?)*)\s+\((?:sworn|affirmed|recalled|continued)(?: remotely)?\)$`)
	examinedBy       = regexp.MustCompile(`(?i)^(?:(?:further|re-?)\s*)?(?:examination|examined|questions?|questioned|cross-examination)\b.*?\b(?:by|from)\s+(.+?)\s*(?:\(continued\))?$`)
	withdrew         = regexp.MustCompile(`^\(The witness (?:withdrew|stood down|was released)\)$`)
	sectionHeading   = regexp.MustCompile(`^(?:(?:Further )?(?:[Ee]xamination|[Ee]xamined|[Qq]uestioned|[Qq]uestions?)|Cross-examination|Welcome and opening remarks|Opening statement|Closing statement)\b.* (?:by|from) .+$`)
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

	day, _ := strconv.Atoi(header[1])
	h := &corpus.Hearing{Day: day, Date: doc.Published}
	doc.Hearing = h
	readTurns(doc, lines)
	if h.Date == "" {
		h.Date = doc.Published
	}
	return true
}

// readTurns makes each turn, question, answer and heading of a
// transcript's lines a paragraph, with the speaker each turn is by:
// named speakers resolved through the transcript's cast, "Q." the counsel
// examining the current witness, "A." that witness.
func readTurns(doc *corpus.Document, lines []textLine) {
	var (
		people           cast
		witness, counsel *participant
		cur              *corpus.Paragraph
		lastAsk          string                   // number of the last question put to a witness
		by               = map[int]*participant{} // paragraph index to speaker
	)
	start := func(page, line int, text string, heading bool) {
		doc.Paragraphs = append(doc.Paragraphs, corpus.Paragraph{Number: fmt.Sprintf("%d:%d", page, line), Text: text, Page: page, Heading: heading})
		cur = &doc.Paragraphs[len(doc.Paragraphs)-1]
	}
	turn := func(page, line int, text string, p *participant) {
		start(page, line, text, false)
		if p == nil {
			return
		}
		by[len(doc.Paragraphs)-1] = p
		switch p.role {
		case corpus.RoleWitness:
			cur.Answers = lastAsk
			lastAsk = ""
		case corpus.RoleCounsel, corpus.RoleChair, corpus.RolePanel:
			if witness != nil {
				lastAsk = cur.Number
			}
		}
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
		case len(by) == 0 && people.castFrom(text): // the cast is listed before anyone speaks
			start(l.page, n, text, false)
			cur = nil
		case withdrew.MatchString(text):
			witness, lastAsk = nil, ""
			start(l.page, n, text, true)
			cur = nil
		case timeMark.MatchString(text):
			start(l.page, n, text, true)
			cur = nil
		case witnessSworn.MatchString(text):
			witness = people.add(witnessSworn.FindStringSubmatch(text)[1], corpus.RoleWitness)
			witness.role = corpus.RoleWitness
			lastAsk = ""
			start(l.page, n, text, true)
			cur = nil
		case sectionHeading.MatchString(text):
			if m := examinedBy.FindStringSubmatch(text); m != nil {
				counsel = people.resolve(m[1], corpus.RoleCounsel)
			}
			start(l.page, n, text, true)
			cur = nil
		case speakerTurn.MatchString(text):
			p := people.resolve(speakerTurn.FindStringSubmatch(text)[1], corpus.RoleOther)
			if p == nil {
				p = witness
			}
			turn(l.page, n, text, p)
		case questionAnswer.MatchString(text):
			if questionAnswer.FindStringSubmatch(text)[1] == "Q" {
				turn(l.page, n, text, counsel)
				lastAsk = cur.Number
			} else {
				turn(l.page, n, text, witness)
				if witness == nil {
					cur.Answers = lastAsk
				}
			}
		case cur != nil:
			cur.Text += " " + text
			// A span runs forwards; numbering that restarts without a new
			// page (a damaged or odd file) leaves the turn's end where it was.
			if page, line, _ := corpus.SplitLine(cur.Number); l.page > page || (l.page == page && n > line) {
				cur.End = fmt.Sprintf("%d:%d", l.page, n)
			}
		default:
			start(l.page, n, text, false)
		}
	}
	// Names and roles are set once the whole cast is known: "MS ASHDOWN:"
	// may speak before the line that says she examines the witness.
	seen := map[string]bool{}
	for i := range doc.Paragraphs {
		p := by[i]
		if p == nil {
			continue
		}
		doc.Paragraphs[i].Speaker, doc.Paragraphs[i].Role = p.name, p.role
		if !seen[p.name] {
			seen[p.name] = true
			doc.Speakers = append(doc.Speakers, p.name)
		}
	}
}
