package extract

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus/internal/testpdf"
)

func TestExtractPDFReportKeepsNumbersAndPages(t *testing.T) {
	body := testpdf.Make(t, [][]testpdf.Line{
		{
			{Text: "Larkspur County Council investigation report", Size: 18},
			{Text: "1. The council’s records were incomplete – in places"},
			{Text: "they were missing altogether."},
			{Text: "2. The panel reviewed the files held in Ashcombe."},
		},
		{
			{Text: "2.1. A second review followed in 2019."},
			{Text: "3. The recommendations are set out in Part D."},
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

func TestExtractPDFTranscript(t *testing.T) {
	doc, err := ExtractPDF(testpdf.Make(t, testpdf.TranscriptPages()), "https://www.iicsa.org.uk/key-documents/2/view/public-hearing-transcript-14-march-2020.pdf", mustGazetteer(t))
	if err != nil {
		t.Fatal(err)
	}
	testpdf.CheckTranscript(t, doc)
}

func TestExtractTextTranscript(t *testing.T) {
	var b strings.Builder
	for _, page := range testpdf.TranscriptPages() {
		for i, l := range page {
			fmt.Fprintf(&b, "%2d   %s\n", i+1, l.Text)
		}
		b.WriteString("\n")
	}
	doc, err := ExtractText([]byte(b.String()), "https://www.iicsa.org.uk/key-documents/3/view/transcript.txt", mustGazetteer(t))
	if err != nil {
		t.Fatal(err)
	}
	testpdf.CheckTranscript(t, doc)
}

func TestExtractPDFRejectsBrokenFiles(t *testing.T) {
	good := testpdf.Make(t, testpdf.TranscriptPages())
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
