package extract

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// responseHeading is how a response page is headed: "Home Office response
// to Recommendation 3".
var responseHeading = regexp.MustCompile(`^(.+?)\s+response to [Rr]ecommendation\s+(\d+)$`)

// The status rule. A response's status is read from its own words, one
// sentence at a time, in order: the first sentence that states a position
// decides it, and is kept as the status's source. The patterns are tried
// from the most specific: a sentence saying a recommendation has been
// implemented; accepted in part ("in part", "partially", "parts of");
// not accepted ("does not accept", "rejects", "declines"); accepted
// ("accepts", "agrees to implement"). A sentence denying one part of a
// recommendation after accepting another ("accepts parts of ... but does
// not accept ...") is in part, because that pattern comes first. A
// response in which no sentence states a position ("welcomes the report
// and is considering it") is StatusUnclear, shown as such, never guessed.
var statusRules = []struct {
	status  string
	pattern *regexp.Regexp
}{
	{corpus.StatusImplemented, regexp.MustCompile(`(?i)\b(?:has|have)\s+(?:now\s+|fully\s+|now\s+fully\s+)?(?:been\s+)?(?:implemented|completed|put (?:it )?into effect)\b|\bis now (?:fully )?in (?:place|force)\b`)},
	{corpus.StatusAcceptedInPart, regexp.MustCompile(`(?i)\b(?:accepts?|accepted|agrees?|agreed)\b[^.]*\bin part\b|\b(?:partially|partly)\s+(?:accepts?|accepted|agrees?)\b|\baccepts?\s+(?:parts|some|elements)\s+of\b`)},
	{corpus.StatusNotAccepted, regexp.MustCompile(`(?i)\b(?:does|do|did)\s+not\s+(?:accept|agree)\b|\b(?:rejects?|rejected|declines?\s+to\s+(?:accept|implement))\b|\b(?:is|are)\s+(?:not\s+able|unable)\s+to\s+accept\b|\bnot\s+accepted\b`)},
	{corpus.StatusAccepted, regexp.MustCompile(`(?i)\b(?:accepts?|accepted)\b|\bagrees?\s+to\s+implement\b|\bwill\s+implement\s+(?:the|this)\s+recommendation\b`)},
}

var sentenceEnd = regexp.MustCompile(`[.!?]["”’]?\s+`)

// sentences splits text into sentences at a full stop followed by a
// space, the register of published responses.
func sentences(text string) []string {
	var out []string
	start := 0
	for _, m := range sentenceEnd.FindAllStringIndex(text, -1) {
		out = append(out, strings.TrimSpace(text[start:m[1]]))
		start = m[1]
	}
	if rest := strings.TrimSpace(text[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// ResponseStatus derives a response's status from its paragraphs, with
// the sentence it was read from ("" when the status is unclear).
func ResponseStatus(paragraphs ...string) (status, source string) {
	for _, p := range paragraphs {
		for _, s := range sentences(p) {
			for _, r := range statusRules {
				if r.pattern.MatchString(s) {
					return r.status, s
				}
			}
		}
	}
	return corpus.StatusUnclear, ""
}

// readResponse makes doc a response document if its heading says it is
// one: the recipient and recommendation from the heading, the report from
// its report line, the date from its date line, and the status from its
// text.
func readResponse(doc *corpus.Document) {
	m := responseHeading.FindStringSubmatch(doc.Heading)
	if m == nil || doc.Report == "" {
		return
	}
	n, err := strconv.Atoi(m[2])
	if err != nil {
		return
	}
	var texts []string
	for _, p := range doc.Paragraphs {
		if !p.Heading {
			texts = append(texts, p.Text)
		}
	}
	status, source := ResponseStatus(texts...)
	summary := source
	if summary == "" {
		// The first paragraph that does not name the recommendation by
		// number: the opening lines that do only say what the page is.
		names := regexp.MustCompile(`(?i)\brecommendation\s+` + m[2] + `\b`)
		for _, t := range texts {
			if !names.MatchString(t) {
				summary = t
				break
			}
		}
	}
	doc.Type = corpus.TypeResponse
	doc.Response = &corpus.Response{
		Report: doc.Report, Recommendation: n, Recipient: strings.TrimSpace(m[1]),
		Date: doc.Published, Status: status, Source: source, Summary: summary,
	}
}
