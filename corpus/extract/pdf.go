package extract

import (
	"bytes"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/ledongthuc/pdf"
)

// textLine is one line of a document's text with the page it is printed
// on (from 1) and, for PDFs, its font size, which tells a title.
type textLine struct {
	page int
	text string
	size float64
}

// pdfLines reads the text of a PDF line by line, page by page. A PDF it
// cannot parse is an error, never a panic: crawled files are untrusted.
func pdfLines(body []byte) (lines []textLine, pages int, err error) {
	defer func() {
		if x := recover(); x != nil {
			lines, pages, err = nil, 0, fmt.Errorf("read pdf: %v", x)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		return nil, 0, fmt.Errorf("read pdf: %w", err)
	}
	pages = r.NumPage()
	for i := 1; i <= pages; i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		for _, l := range groupLines(p.Content().Text) {
			if text, size := joinRuns(l); text != "" {
				lines = append(lines, textLine{page: i, text: text, size: size})
			}
		}
	}
	return lines, pages, nil
}

// groupLines gathers a page's characters into lines by their baseline,
// top of the page first. Characters within a point of a line's baseline
// belong to it; within a line they keep the order they were drawn in, by
// position.
func groupLines(chars []pdf.Text) [][]pdf.Text {
	sorted := append([]pdf.Text(nil), chars...)
	sort.SliceStable(sorted, func(a, b int) bool { return sorted[a].Y > sorted[b].Y+1 })
	var lines [][]pdf.Text
	for _, c := range sorted {
		if n := len(lines); n > 0 && math.Abs(lines[n-1][0].Y-c.Y) <= 1 {
			lines[n-1] = append(lines[n-1], c)
			continue
		}
		lines = append(lines, []pdf.Text{c})
	}
	for _, l := range lines {
		sort.SliceStable(l, func(a, b int) bool { return l[a].X < l[b].X-0.01 })
	}
	return lines
}

// joinRuns joins a line's characters, with a space where the gap to the
// previous character is wider than a narrow character (a new text run,
// such as a transcript's line number and its text).
func joinRuns(chars []pdf.Text) (string, float64) {
	var b strings.Builder
	size := 0.0
	end := math.Inf(-1)
	for _, t := range chars {
		if t.S == "" {
			continue
		}
		if b.Len() > 0 && t.X-end > t.FontSize*0.2 {
			b.WriteByte(' ')
		}
		b.WriteString(t.S)
		end = t.X + t.W
		size = max(size, t.FontSize)
	}
	return NormaliseSpace(b.String()), size
}
