package samplesite

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/go-pdf/fpdf"
)

// A transcript source (transcripts/*.txt) is a header of `key: value`
// lines (path, header, date) up to `---`, then one turn or heading a line.
// It is printed as the real transcripts are: 25 numbered lines a page,
// the hearing's header line at the top of every page and the page number
// at the foot, turns wrapped onto as many lines as they need.
type transcript struct {
	path   string // the URL path the PDF is served at
	header string // "Day 1 IICSA Inquiry - ... 21 September 2020"
	date   string // "Monday, 21 September 2020"
	blocks []string
}

const (
	linesPerPage = 25
	lineWidth    = 62 // characters a printed line holds
)

var loadTranscripts = sync.OnceValues(func() (map[string]*transcript, error) {
	out := map[string]*transcript{}
	entries, err := fs.ReadDir(files, "transcripts")
	if err != nil {
		return nil, fmt.Errorf("sample transcripts: %w", err)
	}
	for _, e := range entries {
		b, err := fs.ReadFile(files, path.Join("transcripts", e.Name()))
		if err != nil {
			return nil, fmt.Errorf("sample transcripts: %w", err)
		}
		head, body, ok := strings.Cut(string(b), "\n---\n")
		if !ok {
			return nil, fmt.Errorf("sample transcript %s: no --- line", e.Name())
		}
		t := &transcript{}
		for _, line := range strings.Split(head, "\n") {
			k, v, _ := strings.Cut(line, ":")
			switch strings.TrimSpace(k) {
			case "path":
				t.path = strings.TrimSpace(v)
			case "header":
				t.header = strings.TrimSpace(v)
			case "date":
				t.date = strings.TrimSpace(v)
			}
		}
		for _, line := range strings.Split(body, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				t.blocks = append(t.blocks, line)
			}
		}
		if t.path == "" || t.header == "" {
			return nil, fmt.Errorf("sample transcript %s: path and header are required", e.Name())
		}
		out[t.path] = t
	}
	return out, nil
})

// TranscriptPaths lists the paths of the sample's printed transcripts.
func TranscriptPaths() []string {
	ts, _ := loadTranscripts()
	out := make([]string, 0, len(ts))
	for p := range ts {
		out = append(out, p)
	}
	return out
}

// printedLines lays the transcript out as printed lines: the date line,
// then each block wrapped to the line width.
func (t *transcript) printedLines() []string {
	var out []string
	if t.date != "" {
		out = append(out, t.date)
	}
	for _, b := range t.blocks {
		out = append(out, wrap(b, lineWidth)...)
	}
	return out
}

func wrap(s string, width int) []string {
	var out []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len(line)+1+len(w) > width {
			out = append(out, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		out = append(out, line)
	}
	return out
}

var transcriptPDFs sync.Map // path to []byte

// pdf prints the transcript, once.
func (t *transcript) pdf() ([]byte, error) {
	if b, ok := transcriptPDFs.Load(t.path); ok {
		return b.([]byte), nil
	}
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCompression(false)
	p.SetAutoPageBreak(false, 0)
	tr := p.UnicodeTranslatorFromDescriptor("")
	lines := t.printedLines()
	for page := 0; page*linesPerPage < len(lines); page++ {
		p.AddPage()
		p.SetFont("Helvetica", "", 9)
		p.SetXY(20, 12)
		p.Cell(170, 5, tr(t.header))
		p.SetFont("Courier", "", 11)
		for i := 0; i < linesPerPage && page*linesPerPage+i < len(lines); i++ {
			y := 24 + float64(i)*10
			p.SetXY(12, y)
			p.CellFormat(8, 6, fmt.Sprint(i+1), "", 0, "R", false, 0, "")
			p.SetXY(26, y)
			p.Cell(170, 6, tr(lines[page*linesPerPage+i]))
		}
		p.SetFont("Helvetica", "", 9)
		p.SetXY(95, 282)
		p.CellFormat(20, 5, fmt.Sprint(page+1), "", 0, "C", false, 0, "")
	}
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		return nil, fmt.Errorf("print sample transcript %s: %w", t.path, err)
	}
	transcriptPDFs.Store(t.path, b.Bytes())
	return b.Bytes(), nil
}
