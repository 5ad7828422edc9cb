package corpus

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
)

// pdfLine is one line a test PDF prints: its text, the type size, and
// whether a transcript-style line number (1 to 25) is printed beside it.
type pdfLine struct {
	text     string
	size     float64
	numbered bool
}

// makePDF writes a PDF with the given pages of lines, with the library a
// publisher might use, so the extraction is tested on text laid out as a
// real PDF lays it out, not on text we wrote in the format we read.
func makePDF(t testing.TB, pages [][]pdfLine) []byte {
	t.Helper()
	p := fpdf.New("P", "mm", "A4", "")
	tr := p.UnicodeTranslatorFromDescriptor("") // curly quotes, dashes
	for _, lines := range pages {
		p.AddPage()
		for i, l := range lines {
			y := float64(20 + i*10)
			size := l.size
			if size == 0 {
				size = 11
			}
			p.SetFont("Helvetica", "", size)
			if l.numbered {
				p.SetXY(12, y)
				p.CellFormat(8, 6, fmt.Sprint(i+1), "", 0, "R", false, 0, "")
			}
			p.SetXY(24, y)
			p.Cell(175, 6, tr(l.text))
		}
	}
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func numberedLines(lines ...string) []pdfLine {
	out := make([]pdfLine, len(lines))
	for i, l := range lines {
		out[i] = pdfLine{text: l, numbered: true}
	}
	return out
}

func TestExtractPDFReportKeepsNumbersAndPages(t *testing.T) {
	body := makePDF(t, [][]pdfLine{
		{
			{text: "Larkspur County Council investigation report", size: 18},
			{text: "1. The council’s records were incomplete – in places"},
			{text: "they were missing altogether."},
			{text: "2. The panel reviewed the files held in Ashcombe."},
		},
		{
			{text: "2.1. A second review followed in 2019."},
			{text: "3. The recommendations are set out in Part D."},
		},
	})
	doc, err := ExtractPDF(body, "https://www.iicsa.org.uk/key-documents/1/view/larkspur-report.pdf", mustGazetteer(t))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "Larkspur County Council investigation report" || doc.Pages != 2 {
		t.Errorf("title %q, pages %d", doc.Title, doc.Pages)
	}
	type np struct {
		num  string
		page int
	}
	var got []np
	for _, p := range doc.Paragraphs {
		got = append(got, np{p.Number, p.Page})
	}
	want := []np{{"u1", 1}, {"1", 1}, {"2", 1}, {"2.1", 2}, {"3", 2}}
	if !slices.Equal(got, want) {
		t.Errorf("paragraphs %v, want %v", got, want)
	}
	if p := doc.Paragraphs[1].Text; p != "The council’s records were incomplete – in places they were missing altogether." {
		t.Errorf("paragraph 1 = %q", p)
	}
	if !slices.Contains(doc.Places, "Ashcombe") {
		t.Errorf("places %v", doc.Places)
	}
}

func transcriptPages() [][]pdfLine {
	page1 := numberedLines(
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
	page2 := numberedLines(
		"I kept the records described in ABC000123.",
		"Q. Were the records audited?",
		"A. Not until 2012.",
		"THE CHAIR: We will take a short break.",
		"(11.15 am)",
	)
	return [][]pdfLine{page1, page2}
}

func TestExtractPDFTranscript(t *testing.T) {
	doc, err := ExtractPDF(makePDF(t, transcriptPages()), "https://www.iicsa.org.uk/key-documents/2/view/public-hearing-transcript-14-march-2020.pdf", mustGazetteer(t))
	if err != nil {
		t.Fatal(err)
	}
	checkTranscript(t, doc)
}

func checkTranscript(t *testing.T, doc *Document) {
	t.Helper()
	if doc.Type != TypeTranscript || doc.Published != "2020-03-14" || doc.Section != "2" {
		t.Errorf("type %q, date %q, day %q", doc.Type, doc.Published, doc.Section)
	}
	if doc.Title != "Hearing transcript, day 2: Larkspur Council investigation" {
		t.Errorf("title %q", doc.Title)
	}
	if want := []string{"THE CHAIR", "MS ASHDOWN", "JANE ELMWOOD"}; !slices.Equal(doc.Speakers, want) {
		t.Errorf("speakers %q, want %q", doc.Speakers, want)
	}
	byNumber := map[string]Paragraph{}
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

func TestExtractTextTranscript(t *testing.T) {
	var b strings.Builder
	for _, page := range transcriptPages() {
		for i, l := range page {
			fmt.Fprintf(&b, "%2d   %s\n", i+1, l.text)
		}
		b.WriteString("\n")
	}
	doc, err := ExtractText([]byte(b.String()), "https://www.iicsa.org.uk/key-documents/3/view/transcript.txt", mustGazetteer(t))
	if err != nil {
		t.Fatal(err)
	}
	checkTranscript(t, doc)
}

func TestExtractPDFRejectsBrokenFiles(t *testing.T) {
	good := makePDF(t, transcriptPages())
	for name, body := range map[string][]byte{
		"empty":     nil,
		"truncated": good[:len(good)/2],
		"not a pdf": []byte("<html>this is not a PDF</html>"),
		"garbled":   append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte{0xff, 0x00, '(', ')'}, 500)...),
	} {
		if _, err := ExtractPDF(body, "https://www.iicsa.org.uk/x.pdf", mustGazetteer(t)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestCrawlStoresPDFTranscript(t *testing.T) {
	pdf := makePDF(t, transcriptPages())
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, page("Hearings", "The transcripts of the hearing.", "/key-documents/9/view/transcript-day-2.pdf"))
		case "/key-documents/9/view/transcript-day-2.pdf":
			w.Header().Set("Content-Type", "application/pdf")
			w.Write(pdf)
		default:
			http.NotFound(w, r)
		}
	}))
	defer ts.Close()
	store, _ := OpenStore(t.TempDir())
	c, _ := NewCrawler(store, mustGazetteer(t), Options{Seeds: []string{ts.URL + "/"}, Rate: -1})
	if _, err := c.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	id := IDFor(mustCanonical(t, ts.URL+"/key-documents/9/view/transcript-day-2.pdf"))
	doc, err := store.Document(id)
	if err != nil {
		t.Fatal(err)
	}
	checkTranscript(t, doc)
	raw, ext, err := store.Raw(id)
	if err != nil || ext != "pdf" || !bytes.Equal(raw, pdf) {
		t.Errorf("raw PDF kept as %q (%v)", ext, err)
	}
}
