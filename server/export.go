package server

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// exportDocument names the document of an export row, of either unit: the
// first columns of both.
type exportDocument struct {
	ID            string `json:"id"`
	Title         string `json:"title"`
	Report        string `json:"report"`
	Section       string `json:"section"`
	Type          string `json:"type"`
	Investigation string `json:"investigation"`
	Published     string `json:"published"`
}

var documentColumns = []string{"id", "title", "report", "section", "type", "investigation", "published"}

func toExportDocument(h searchapi.Hit) exportDocument {
	return exportDocument{ID: h.ID, Title: h.Title, Report: h.Report, Section: h.Section, Type: h.Type,
		Investigation: h.Investigation, Published: h.Published}
}

func (d exportDocument) cells(more ...string) []string {
	return append([]string{d.ID, d.Title, d.Report, d.Section, d.Type, d.Investigation, d.Published}, more...)
}

// exportColumns are the CSV export's columns; the NDJSON export has the
// same fields under the same names.
var exportColumns = append(slices.Clone(documentColumns), "paragraph", "citation", "permalink", "url", "score", "snippet")

// exportRow is one result as an export writes it: the citation fields and
// the snippet as plain text.
type exportRow struct {
	exportDocument
	Paragraph string  `json:"paragraph"`
	Citation  string  `json:"citation"`
	Permalink string  `json:"permalink"`
	URL       string  `json:"url"`
	Score     float64 `json:"score"`
	Snippet   string  `json:"snippet"`
}

func toExportRow(h searchapi.Hit, base string) exportRow {
	return exportRow{exportDocument: toExportDocument(h), Paragraph: h.Citation.Paragraph,
		Citation: h.Citation.Text, Permalink: base + h.Permalink, URL: h.Citation.URL, Score: h.Score,
		Snippet: plainText(h.Snippet)}
}

func (e exportRow) cells() []string {
	return e.exportDocument.cells(e.Paragraph, e.Citation, e.Permalink, e.URL, strconv.FormatFloat(e.Score, 'f', 4, 64), e.Snippet)
}

// paragraphColumns are the columns of an export by paragraph (unit=paragraph).
var paragraphColumns = append(slices.Clone(documentColumns), "paragraph", "page", "citation", "permalink", "url", "text")

// paragraphRow is one matched paragraph as an export by paragraph writes
// it: its document, its number, page and citation, and its whole text.
type paragraphRow struct {
	exportDocument
	Paragraph string `json:"paragraph"`
	Page      int    `json:"page,omitempty"`
	Citation  string `json:"citation"`
	Permalink string `json:"permalink"`
	URL       string `json:"url"`
	Text      string `json:"text"`
}

func toParagraphRow(h searchapi.Hit, m searchapi.Match, base string) paragraphRow {
	return paragraphRow{exportDocument: toExportDocument(h), Paragraph: m.Paragraph, Page: m.Page,
		Citation: m.Citation.Text, Permalink: base + m.Citation.Permalink, URL: m.Citation.URL, Text: m.Text}
}

func (e paragraphRow) cells() []string {
	page := ""
	if e.Page > 0 {
		page = strconv.Itoa(e.Page)
	}
	return e.exportDocument.cells(e.Paragraph, page, e.Citation, e.Permalink, e.URL, e.Text)
}

// row is one row of an export, of either unit: its CSV cells, and itself
// as a JSON object.
type row interface{ cells() []string }

// defuse keeps a spreadsheet from reading a cell as a formula: crawled
// text may start with = + - @ (or a tab or carriage return that some
// programs skip), so such a cell gets a leading apostrophe.
func defuse(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}

// errHeadOnly stops an export once its headers are written.
var errHeadOnly = errors.New("head only")

// export streams every result of the request's search through write, one
// row a document or, with unit=paragraph, one a matched paragraph, after
// headers that give the total of documents and whether the cap cut it.
// finish is given the columns of the request's unit.
func (s *Server) export(w http.ResponseWriter, r *http.Request, out *exportWriter, contentType, ext string,
	write func(row) error, finish func(sum *searchapi.ExportSummary, columns []string) error) error {
	client := clientAddr(r, s.opts.TrustedProxies)
	if !s.exports.enter(client) {
		w.Header().Set("Retry-After", "10")
		return &apiError{status: http.StatusTooManyRequests, code: "rate_limited",
			message: fmt.Sprintf("at most %d exports from one address run at once; wait for one to finish", s.opts.ExportsPerClient)}
	}
	defer s.exports.leave(client)
	req, err := searchRequest(r.URL.Query())
	if err != nil {
		return err
	}
	limit := searchapi.MaxExportRows
	if v := r.URL.Query().Get("limit"); v != "" {
		if limit, err = intParam(r.URL.Query(), "limit"); err != nil {
			return err
		}
	}
	ctx := r.Context()
	base := s.baseURL(r)
	started := false
	sum, err := s.backend.Export(ctx, req, limit, func(total uint64) error {
		h := w.Header()
		h.Set("Content-Type", contentType)
		h.Set("Content-Disposition", `attachment; filename="inquiry-search.`+ext+`"`)
		h.Set("X-Total-Results", strconv.FormatUint(total, 10))
		if total > uint64(min(limit, searchapi.MaxExportRows)) {
			h.Set("X-Export-Truncated", fmt.Sprintf("the export stops at %d of %d results", min(limit, searchapi.MaxExportRows), total))
		}
		w.WriteHeader(http.StatusOK)
		started = true
		if r.Method == http.MethodHead {
			return errHeadOnly // the headers say all a HEAD asks
		}
		return nil
	}, func(h searchapi.Hit) error {
		if req.Unit != searchapi.UnitParagraph {
			return write(toExportRow(h, base))
		}
		for _, m := range h.Matches {
			if err := write(toParagraphRow(h, m, base)); err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, errHeadOnly) {
		return nil
	}
	if err != nil && !started {
		return err // nothing written yet: a normal error response
	}
	if err != nil {
		// Mid-stream the status is sent: the export ends with its
		// truncation marker, as a capped one does, so that a client can
		// tell a cut export (its deadline, a busy server) from a whole one.
		s.log.Warn("export stopped", "error", err)
		if sum == nil {
			sum = &searchapi.ExportSummary{}
		}
		sum.Truncated = true
	}
	columns := exportColumns
	if req.Unit == searchapi.UnitParagraph {
		columns = paragraphColumns
	}
	err = finish(sum, columns)
	if err == nil {
		err = out.flush(false)
	}
	if err != nil {
		s.log.Warn("export stopped", "error", err, "rows", sum.Rows)
	}
	return nil
}

// truncationNote is what an export says when the cap cut it.
func truncationNote(sum *searchapi.ExportSummary) string {
	return fmt.Sprintf("the export stopped at %d of %d results; narrow the search to export the rest", sum.Rows, sum.Total)
}

// exportCSV answers GET /api/v1/search.csv: every result of a search as
// CSV, one row per document (per matched paragraph with unit=paragraph),
// cells defused against formula injection. A capped export ends with a
// row whose id cell is "#truncated".
func (s *Server) exportCSV(w http.ResponseWriter, r *http.Request) error {
	out := newExportWriter(w, r, s.opts.ExportWriteTimeout)
	cw := csv.NewWriter(out)
	header := false
	return s.export(w, r, out, "text/csv; charset=utf-8", "csv",
		func(e row) error {
			if !header {
				header = true
				columns := exportColumns
				if _, ok := e.(paragraphRow); ok {
					columns = paragraphColumns
				}
				if err := cw.Write(columns); err != nil {
					return err
				}
			}
			cells := e.cells()
			for i, c := range cells {
				cells[i] = defuse(c)
			}
			return cw.Write(cells)
		},
		func(sum *searchapi.ExportSummary, columns []string) error {
			if !header {
				cw.Write(columns)
			}
			if sum.Truncated {
				note := make([]string, len(columns))
				note[0], note[len(note)-1] = "#truncated", truncationNote(sum)
				cw.Write(note)
			}
			cw.Flush()
			return cw.Error()
		})
}

// exportNDJSON answers GET /api/v1/search.ndjson: every result of a search
// (every matched paragraph with unit=paragraph) as one JSON object a line. A capped export ends with a line
// {"truncated": true, "rows": N, "total": M, "message": "..."}.
func (s *Server) exportNDJSON(w http.ResponseWriter, r *http.Request) error {
	out := newExportWriter(w, r, s.opts.ExportWriteTimeout)
	enc := json.NewEncoder(out)
	return s.export(w, r, out, "application/x-ndjson; charset=utf-8", "ndjson",
		func(e row) error { return enc.Encode(e) },
		func(sum *searchapi.ExportSummary, _ []string) error {
			if sum.Truncated {
				return enc.Encode(map[string]any{"truncated": true, "rows": sum.Rows, "total": sum.Total, "message": truncationNote(sum)})
			}
			return nil
		})
}
