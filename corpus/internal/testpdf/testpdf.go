// Package testpdf writes small PDFs for the extraction and crawl tests.
package testpdf

import (
	"bytes"
	"fmt"
	"slices"
	"testing"

	"github.com/go-pdf/fpdf"
	"github.com/inquirysearch/inquirysearch/corpus"
)

// Line is one line a test PDF prints: its text, the type size, and
// whether a transcript-style line number (1 to 25) is printed beside it.
type Line struct {
	Text     string
	Size     float64
	Numbered bool
}

// Make writes a PDF with the given pages of lines, with the library a
// publisher might use, so the extraction is tested on text laid out as a
// real PDF lays it out, not on text we wrote in the format we read.
func Make(t testing.TB, pages [][]Line) []byte {
	t.Helper()
	p := fpdf.New("P", "mm", "A4", "")
	tr := p.UnicodeTranslatorFromDescriptor("") // curly quotes, dashes
	for _, lines := range pages {
		p.AddPage()
		for i, l := range lines {
			y := float64(20 + i*10)
			size := l.Size
			if size == 0 {
				size = 11
			}
			p.SetFont("Helvetica", "", size)
			if l.Numbered {
				p.SetXY(12, y)
				p.CellFormat(8, 6, fmt.Sprint(i+1), "", 0, "R", false, 0, "")
			}
			p.SetXY(24, y)
			p.Cell(175, 6, tr(l.Text))
		}
	}
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// NumberedLines gives each line a transcript line number.
func NumberedLines(lines ...string) []Line {
	out := make([]Line, len(lines))
	for i, l := range lines {
		out[i] = Line{Text: l, Numbered: true}
	}
	return out
}

// TranscriptPages is a two-page hearing transcript.
func TranscriptPages() [][]Line {
	page1 := NumberedLines(
		"Day 2 IICSA Inquiry - Larkspur Council investigation 14 March 2020",
		"Tuesday, 14 March 2020",
		"(10.00 am)",
		"THE CHAIR: Good morning. We resume the hearing.",
		"MS ASHDOWN: Thank you, chair. The first witness",
		"today is Ms Elmwood.",
		"JANE ELMWOOD (sworn)",
		"Examination by MS ASHDOWN",
		"Q. You worked at the council from 2004?",
		"A. Yes, in the children’s services department, and",
	)
	page2 := NumberedLines(
		"I kept the records described in ABC000123.",
		"Q. Were the records audited?",
		"A. Not until 2012.",
		"THE CHAIR: We will take a short break.",
		"(11.15 am)",
	)
	return [][]Line{page1, page2}
}

// CheckTranscript checks a document read from TranscriptPages.
func CheckTranscript(t *testing.T, doc *corpus.Document) {
	t.Helper()
	if doc.Type != corpus.TypeTranscript || doc.Published != "2020-03-14" || doc.Section != "2" {
		t.Errorf("type %q, date %q, day %q", doc.Type, doc.Published, doc.Section)
	}
	if doc.Title != "Hearing transcript, day 2: Larkspur Council investigation" {
		t.Errorf("title %q", doc.Title)
	}
	if want := []string{"The Chair", "Ms Ashdown", "Jane Elmwood"}; !slices.Equal(doc.Speakers, want) {
		t.Errorf("speakers %q, want %q", doc.Speakers, want)
	}
	byNumber := map[string]corpus.Paragraph{}
	for _, p := range doc.Paragraphs {
		byNumber[p.Number] = p
	}
	checks := map[string]string{
		"1:3":  "(10.00 am)",
		"1:5":  "MS ASHDOWN: Thank you, chair. The first witness today is Ms Elmwood.",
		"1:7":  "JANE ELMWOOD (sworn)",
		"1:8":  "Examination by MS ASHDOWN",
		"1:10": "A. Yes, in the children’s services department, and I kept the records described in ABC000123.",
		"2:2":  "Q. Were the records audited?",
		"2:4":  "THE CHAIR: We will take a short break.",
	}
	for num, text := range checks {
		if p := byNumber[num]; p.Text != text {
			t.Errorf("paragraph %s = %q, want %q", num, p.Text, text)
		}
	}
	if byNumber["2:2"].Page != 2 || !byNumber["1:8"].Heading {
		t.Errorf("page or heading lost: %+v %+v", byNumber["2:2"], byNumber["1:8"])
	}
}
