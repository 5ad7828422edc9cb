package samplesite

import (
	"bytes"
	"fmt"
	"html"
	"net/http"
	"regexp"
	"strings"
	"sync"
)

// MissingPDF is the one document link on the sample site that answers 404,
// as some links on the real site do.
const MissingPDF = "/sites/default/files/interim-report-independent-inquiry-child-sexual-abuse.pdf"

var videoPath = regexp.MustCompile(`^/video/iicsa-([a-z-]+)-day-(\d+)-(\d{6})-(am|pm)(\d)$`)

// serveVideo answers the hearing video pages the investigation pages link
// to. The real pages hold only a player and a title, so these do too.
func serveVideo(w http.ResponseWriter, r *http.Request) bool {
	m := videoPath.FindStringSubmatch(strings.TrimSuffix(r.URL.Path, ".html"))
	if m == nil {
		return false
	}
	inv := strings.ReplaceAll(m[1], "-", " ")
	date := fmt.Sprintf("%s/%s/20%s", m[3][0:2], m[3][2:4], m[3][4:6])
	title := fmt.Sprintf("Public hearing video: %s investigation, day %s (%s), %s session %s", inv, m[2], date, strings.ToUpper(m[4]), m[5])
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, `<!DOCTYPE html><html lang="en-GB"><head><title>%[1]s</title></head><body>`+
		`<div class="sample-notice">Sample content: a fictional imitation of the inquiry website.</div>`+
		`<main id="main-content"><h1>%[1]s</h1><p>A recording of this session of the public hearing. No video is held on the sample site.</p></main></body></html>`,
		html.EscapeString(title))
	return true
}

// servePDF answers the report and transcript PDF links with a small valid
// PDF naming the file, except MissingPDF, which is missing.
func servePDF(w http.ResponseWriter, r *http.Request) bool {
	p := r.URL.Path
	if !strings.HasSuffix(p, ".pdf") || !(strings.HasPrefix(p, "/key-documents/") || strings.HasPrefix(p, "/sites/default/files/")) {
		return false
	}
	if p == MissingPDF {
		return false
	}
	if ts, err := loadTranscripts(); err == nil && ts[p] != nil {
		b, err := ts[p].pdf()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return true
		}
		w.Header().Set("Content-Type", "application/pdf")
		w.Write(b)
		return true
	}
	title := pdfTitle(p[strings.LastIndex(p, "/")+1:])
	if report, ok := pdfReports()[p]; ok {
		// The two editions a landing page links differ, as on the real
		// site, so that neither is taken for a copy of the other.
		edition := " (printed edition)"
		if strings.HasPrefix(p, "/sites/default/files/") {
			edition = " (accessible edition)"
		}
		title = report + edition
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Write(minimalPDF(title, "Sample content: the printed edition of this document is not held on the sample site; its text is published on the web pages."))
	return true
}

var (
	pdfDate  = regexp.MustCompile(`_-([a-z]+)-(\d{4})$`)
	pdfLink  = regexp.MustCompile(`\|(/[^\]|]+\.pdf)\]\]`)
	dayMonth = regexp.MustCompile(`\b(\d{1,2}) (january|february|march|april|may|june|july|august|september|october|november|december) (\d{4})\b`)
)

// pdfReports maps each report PDF linked from a landing page to the
// report's title, so that the PDF is titled as the report is.
var pdfReports = sync.OnceValue(func() map[string]string {
	out := map[string]string{}
	s, err := Load()
	if err != nil {
		return out
	}
	for _, p := range s.ordered {
		title := p.Report
		if title == "" {
			title = p.Heading
		}
		for _, line := range p.Body {
			for _, m := range pdfLink.FindAllStringSubmatch(line, -1) {
				if strings.Contains(m[1], "transcript") {
					continue
				}
				out[m[1]] = title
			}
		}
	}
	return out
})

// pdfTitle turns a file name such as
// "specialist-schools-investigation-report_-march-2021.pdf" into a title:
// "Specialist schools investigation report, March 2021".
func pdfTitle(name string) string {
	name = strings.TrimSuffix(name, ".pdf")
	when := ""
	if m := pdfDate.FindStringSubmatch(name); m != nil {
		when = ", " + strings.ToUpper(m[1][:1]) + m[1][1:] + " " + m[2]
		name = strings.TrimSuffix(name, m[0])
	}
	words := strings.ReplaceAll(strings.ReplaceAll(name, "_", " "), "-", " ")
	if words == "" {
		return "Sample document"
	}
	words = dayMonth.ReplaceAllStringFunc(words, func(d string) string {
		m := dayMonth.FindStringSubmatch(d)
		return m[1] + " " + strings.ToUpper(m[2][:1]) + m[2][1:] + " " + m[3]
	})
	return strings.ToUpper(words[:1]) + words[1:] + when
}

// minimalPDF builds a one-page PDF with a title line and a line of text.
func minimalPDF(title, text string) []byte {
	esc := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`).Replace
	stream := fmt.Sprintf("BT /F1 18 Tf 56 780 Td (%s) Tj ET BT /F1 11 Tf 56 740 Td (%s) Tj ET", esc(title), esc(text))
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(stream), stream),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}
