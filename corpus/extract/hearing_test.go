package extract

import (
	"fmt"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/samplesite"
)

// sampleTranscript reads one of the sample site's printed transcripts.
func sampleTranscript(t *testing.T, path string) *corpus.Document {
	t.Helper()
	rec := httptest.NewRecorder()
	samplesite.Handler().ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "application/pdf" {
		t.Fatalf("%s: %d %s", path, rec.Code, rec.Header().Get("Content-Type"))
	}
	doc, err := ExtractPDF(rec.Body.Bytes(), "https://www.iicsa.org.uk"+path, mustGazetteer(t))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

const (
	onDay1   = "/key-documents/24310/view/public-hearing-transcript-21-september-2020.pdf"
	onDay2   = "/key-documents/24317/view/public-hearing-transcript-22-september-2020.pdf"
	larkspur = "/key-documents/11820/view/public-hearing-transcript-4-february-2019.pdf"
)

// turnWant is what one turn of a sample transcript must read as.
type turnWant struct {
	number, speaker, role, answers, citation string
}

func checkTurns(t *testing.T, doc *corpus.Document, want []turnWant) {
	t.Helper()
	byNumber := map[string]corpus.Paragraph{}
	for _, p := range doc.Paragraphs {
		byNumber[p.Number] = p
	}
	for _, w := range want {
		p, ok := byNumber[w.number]
		if !ok {
			t.Errorf("no turn at %s", w.number)
			continue
		}
		if p.Speaker != w.speaker || p.Role != w.role || p.Answers != w.answers {
			t.Errorf("%s: speaker %q role %q answers %q, want %q %q %q (%q)", w.number, p.Speaker, p.Role, p.Answers, w.speaker, w.role, w.answers, p.Text)
		}
		if got := corpus.TurnCitation(*doc.Hearing, p); got != w.citation {
			t.Errorf("%s cited %q, want %q", w.number, got, w.citation)
		}
	}
}

// The question-and-answer format: "A." is the witness sworn last, "Q." the
// counsel named by the last "Examined by" line, so the examining counsel
// changes after the adjournment; a panel member's question is answered.
func TestTranscriptQuestionAndAnswer(t *testing.T) {
	doc := sampleTranscript(t, onDay1)
	if doc.Hearing == nil || *doc.Hearing != (corpus.Hearing{Day: 1, Date: "2020-09-21"}) || doc.Investigation == "" {
		t.Fatalf("hearing %+v, investigation %q", doc.Hearing, doc.Investigation)
	}
	want := []string{"Professor Marian Hale", "Ms Helen Ashdown", "Mr Graham Whittle", "Detective Superintendent Anna Rowe", "Mr Thomas Peel", "Mr David Orme"}
	if !slices.Equal(doc.Speakers, want) {
		t.Errorf("speakers %q, want %q", doc.Speakers, want)
	}
	const day = "Day 1, 21 September 2020, "
	checkTurns(t, doc, []turnWant{
		{"1:8", "Professor Marian Hale", corpus.RoleChair, "", day + "page 1, lines 8–10 (Professor Marian Hale)"},
		{"1:11", "Ms Helen Ashdown", corpus.RoleCounsel, "", day + "page 1, lines 11–14 (Ms Helen Ashdown)"},
		{"1:17", "Ms Helen Ashdown", corpus.RoleCounsel, "", day + "page 1, lines 17–18 (Ms Helen Ashdown)"},
		{"1:19", "Mr Graham Whittle", corpus.RoleWitness, "1:17", day + "page 1, line 19 (Mr Graham Whittle)"},
		{"2:11", "Professor Marian Hale", corpus.RoleChair, "", day + "page 2, line 11 (Professor Marian Hale)"},
		{"2:12", "Mr Graham Whittle", corpus.RoleWitness, "2:11", day + "page 2, lines 12–13 (Mr Graham Whittle)"},
		{"2:22", "Detective Superintendent Anna Rowe", corpus.RoleWitness, "2:20", day + "page 2, line 22 (Detective Superintendent Anna Rowe)"},
		{"2:25", "Detective Superintendent Anna Rowe", corpus.RoleWitness, "2:23", day + "pages 2–3, lines 2:25–3:3 (Detective Superintendent Anna Rowe)"},
		{"3:4", "Ms Helen Ashdown", corpus.RoleCounsel, "", day + "page 3, lines 4–5 (Ms Helen Ashdown)"},
		{"3:14", "Mr Thomas Peel", corpus.RoleCounsel, "", day + "page 3, lines 14–17 (Mr Thomas Peel)"},
		{"3:18", "Detective Superintendent Anna Rowe", corpus.RoleWitness, "3:14", day + "page 3, line 18 (Detective Superintendent Anna Rowe)"},
		{"3:23", "Mr David Orme", corpus.RolePanel, "", day + "page 3, lines 23–24 (Mr David Orme)"},
		{"3:25", "Detective Superintendent Anna Rowe", corpus.RoleWitness, "3:23", day + "pages 3–4, lines 3:25–4:2 (Detective Superintendent Anna Rowe)"},
		{"4:3", "Mr Thomas Peel", corpus.RoleCounsel, "", day + "page 4, lines 3–5 (Mr Thomas Peel)"},
		{"3:13", "", "", "", day + "page 3, line 13"},
	})
}

// A witness who returns on a second day is the same speaker, and the
// counsel who examined her the day before goes on without a new line
// naming the witness's full name first.
func TestTranscriptWitnessReturns(t *testing.T) {
	doc := sampleTranscript(t, onDay2)
	const day = "Day 2, 22 September 2020, "
	checkTurns(t, doc, []turnWant{
		{"1:12", "Mr Thomas Peel", corpus.RoleCounsel, "", day + "page 1, lines 12–14 (Mr Thomas Peel)"},
		{"1:15", "Detective Superintendent Anna Rowe", corpus.RoleWitness, "1:12", day + "page 1, lines 15–18 (Detective Superintendent Anna Rowe)"},
		{"2:9", "Ms Priya Nair", corpus.RoleWitness, "2:8", day + "page 2, lines 9–10 (Ms Priya Nair)"},
		{"2:19", "Ms Ruth Calder", corpus.RolePanel, "", day + "page 2, lines 19–20 (Ms Ruth Calder)"},
		{"2:21", "Ms Priya Nair", corpus.RoleWitness, "2:19", day + "page 2, lines 21–22 (Ms Priya Nair)"},
	})
	first := sampleTranscript(t, onDay1)
	if !slices.Contains(first.Speakers, "Detective Superintendent Anna Rowe") || !slices.Contains(doc.Speakers, "Detective Superintendent Anna Rowe") {
		t.Errorf("the returning witness is not one speaker: %q and %q", first.Speakers, doc.Speakers)
	}
}

// The named format: every turn starts with its speaker, short forms
// ("MS ELMWOOD", "PROFESSOR HALE", "THE CHAIR") resolve to the names the
// transcript gives in full, and a witness's turn answers the question
// before it.
func TestTranscriptNamedSpeakers(t *testing.T) {
	doc := sampleTranscript(t, larkspur)
	if *doc.Hearing != (corpus.Hearing{Day: 2, Date: "2019-02-04"}) {
		t.Fatalf("hearing %+v", doc.Hearing)
	}
	const day = "Day 2, 4 February 2019, "
	checkTurns(t, doc, []turnWant{
		{"1:8", "Professor Marian Hale", corpus.RoleChair, "", day + "page 1, lines 8–9 (Professor Marian Hale)"},
		{"1:15", "Mr Daniel Callow", corpus.RoleCounsel, "", day + "page 1, line 15 (Mr Daniel Callow)"},
		{"1:16", "Ms Jane Elmwood", corpus.RoleWitness, "1:15", day + "page 1, lines 16–18 (Ms Jane Elmwood)"},
		{"2:1", "Ms Jane Elmwood", corpus.RoleWitness, "1:24", day + "page 2, lines 1–4 (Ms Jane Elmwood)"},
		{"2:5", "Professor Marian Hale", corpus.RoleChair, "", day + "page 2, lines 5–6 (Professor Marian Hale)"},
		{"2:7", "Ms Jane Elmwood", corpus.RoleWitness, "2:5", day + "page 2, lines 7–8 (Ms Jane Elmwood)"},
		{"2:18", "Mr Owen Pryce", corpus.RoleWitness, "2:16", day + "page 2, line 18 (Mr Owen Pryce)"},
		{"2:23", "Mr David Orme", corpus.RolePanel, "", day + "page 2, lines 23–24 (Mr David Orme)"},
		{"3:5", "Professor Marian Hale", corpus.RoleChair, "", day + "page 3, line 5 (Professor Marian Hale)"},
	})
}

// Forms the real transcripts also use: a witness known by a cipher,
// "Questions from", and "THE WITNESS:" for the witness giving evidence.
func TestTranscriptOtherForms(t *testing.T) {
	var b strings.Builder
	for i, l := range []string{
		"Day 4 IICSA Inquiry - Sample investigation 3 March 2020",
		"Counsel to the Inquiry: Mr Tom Hart",
		"RC-A12 (affirmed)",
		"Questions from MR HART",
		"Q. Where were you placed?",
		"A. At the home in Ashcombe.",
		"MR HART: And after that?",
		"THE WITNESS: With a foster family.",
	} {
		fmt.Fprintf(&b, "%d %s\n", i+1, l)
	}
	doc, err := ExtractText([]byte(b.String()), "https://www.iicsa.org.uk/key-documents/9/view/transcript.txt", mustGazetteer(t))
	if err != nil {
		t.Fatal(err)
	}
	checkTurns(t, doc, []turnWant{
		{"1:5", "Mr Tom Hart", corpus.RoleCounsel, "", "Day 4, 3 March 2020, page 1, line 5 (Mr Tom Hart)"},
		{"1:6", "RC-A12", corpus.RoleWitness, "1:5", "Day 4, 3 March 2020, page 1, line 6 (RC-A12)"},
		{"1:8", "RC-A12", corpus.RoleWitness, "1:7", "Day 4, 3 March 2020, page 1, line 8 (RC-A12)"},
	})
}
