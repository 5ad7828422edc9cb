package samplesite

import (
	"bytes"
	"fmt"
	"html"
	"net/http"
	"regexp"
	"strings"
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
	name := p[strings.LastIndex(p, "/")+1:]
	w.Header().Set("Content-Type", "application/pdf")
	w.Write(minimalPDF("Sample document: " + name))
	return true
}

// minimalPDF builds a one-page PDF showing one line of text.
func minimalPDF(text string) []byte {
	esc := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`).Replace(text)
	stream := fmt.Sprintf("BT /F1 11 Tf 56 780 Td (%s) Tj ET", esc)
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
