package extract

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/internal/testpdf"
)

// FuzzExtract: extraction of any bytes never panics and always yields a
// document whose paragraphs can be cited: each has a distinct, non-empty
// label and non-empty text.
func FuzzExtract(f *testing.F) {
	f.Add([]byte(`<main id="main-content"><p class="report-title">R</p><h1>B.1: X</h1><p>1. One [1]</p><ol class="footnotes"><li>ABC000123</li></ol></main>`))
	f.Add([]byte(`<h1>1.3 A<p>2. 2. B</h1><ul><li>(i) c<li>d</ul>`))
	f.Add([]byte(`<p>3. [iicsa-references:{"title":"t","url":"","text":"ABC000001"}] text</p>`))
	f.Add([]byte("\x00<\xff>"))
	gaz, err := corpus.DefaultGazetteer()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		d, err := Extract(body, "https://example.org/reports/x", gaz)
		if err != nil {
			t.Fatal(err)
		}
		if !corpus.ValidID(d.ID) {
			t.Fatalf("id %q", d.ID)
		}
		seen := map[string]bool{}
		for _, p := range d.Paragraphs {
			if p.Number == "" || seen[p.Number] || p.Text == "" {
				t.Fatalf("paragraph %+v: empty or repeated label, or empty text", p)
			}
			seen[p.Number] = true
			if !utf8.ValidString(p.Text) && utf8.Valid(body) {
				t.Fatalf("valid input gave invalid UTF-8 text %q", p.Text)
			}
		}
	})
}

// FuzzExtractPDF: reading any bytes as a PDF never panics (crawled files
// are untrusted), and what it reads can be cited like a page.
func FuzzExtractPDF(f *testing.F) {
	good := testpdf.Make(f, [][]testpdf.Line{
		{{Text: "A sample report", Size: 18}, {Text: "1. The first paragraph of the report."}, {Text: "2. The second, citing ABC000123_004."}},
		testpdf.NumberedLines("Day 2 IICSA Inquiry - Sample 14 March 2020", "THE CHAIR: Good morning.", "Q. Please give your name."),
	})
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"))
	f.Add([]byte("not a pdf"))
	gaz, err := corpus.DefaultGazetteer()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		d, err := ExtractPDF(body, "https://example.org/key-documents/1/view/x.pdf", gaz)
		if err != nil {
			return
		}
		if !corpus.ValidID(d.ID) {
			t.Fatalf("id %q", d.ID)
		}
		seen := map[string]bool{}
		for _, p := range d.Paragraphs {
			if p.Number == "" || seen[p.Number] {
				t.Fatalf("paragraph label %q empty or repeated", p.Number)
			}
			seen[p.Number] = true
		}
	})
}

// FuzzTranscript: any text read as a hearing transcript gives turns whose
// speakers have a role, whose answers answer a question that is there,
// and whose line spans run forwards, so every turn can be cited.
func FuzzTranscript(f *testing.F) {
	seed := func(lines ...string) string {
		var b strings.Builder
		for i, l := range lines {
			fmt.Fprintf(&b, "%d %s\n", i%25+1, l)
		}
		return b.String()
	}
	f.Add(seed("Day 2 IICSA Inquiry - Sample investigation 14 March 2020", "Chair: Professor Ann Hale",
		"Counsel to the Inquiry: Ms Helen Ashdown", "THE CHAIR: Good morning.", "MS JANE ELMWOOD (sworn)",
		"Examined by MS ASHDOWN", "Q. Where did you work?", "A. At the council,", "from 2004.",
		"PROFESSOR HALE: Thank you.", "MS ELMWOOD: Not at all.", "(The witness withdrew)"))
	f.Add(seed("Day 1 IICSA Inquiry - X 1 May 2019", "A. An answer before any question.", "Q. A question", "THE WITNESS: yes"))
	f.Add(seed("Day 9 IICSA Inquiry - X 1 May 2019", "MR (sworn)", "Questions by THE CHAIR", "Q. ?", "DR: hm"))
	gaz, err := corpus.DefaultGazetteer()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, err := ExtractText([]byte(text), "https://example.org/key-documents/1/view/x.txt", gaz)
		if err != nil || d.Type != corpus.TypeTranscript {
			return
		}
		if d.Hearing == nil {
			t.Fatal("a transcript without its hearing")
		}
		numbers := map[string]bool{}
		for _, p := range d.Paragraphs {
			numbers[p.Number] = true
		}
		for _, p := range d.Paragraphs {
			if (p.Speaker == "") != (p.Role == "") {
				t.Fatalf("%s: speaker %q with role %q", p.Number, p.Speaker, p.Role)
			}
			if p.Answers != "" && !numbers[p.Answers] {
				t.Fatalf("%s answers %s, which is not there", p.Number, p.Answers)
			}
			if p.End != "" {
				page, line, ok1 := corpus.SplitLine(p.Number)
				endPage, endLine, ok2 := corpus.SplitLine(p.End)
				if !ok1 || !ok2 || endPage < page || (endPage == page && endLine < line) {
					t.Fatalf("%s ends at %s", p.Number, p.End)
				}
			}
			if corpus.TurnCitation(*d.Hearing, p) == "" {
				t.Fatalf("%s cannot be cited", p.Number)
			}
		}
	})
}
