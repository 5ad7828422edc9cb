package server

import (
	"encoding/csv"
	"errors"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// apiBatch answers POST /api/v1/batch: each term's document and
// paragraph counts, from one term a line (text/plain), a CSV (text/csv),
// or the batch page's form (field terms, or a file upload named file).
func (s *Server) apiBatch(w http.ResponseWriter, r *http.Request) error {
	res, err := s.batch(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

// apiBatchCSV answers POST /api/v1/batch.csv: the same counts as a CSV
// file, with each term's search as an absolute link.
func (s *Server) apiBatchCSV(w http.ResponseWriter, r *http.Request) error {
	res, err := s.batch(r)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="batch-search.csv"`)
	cw := csv.NewWriter(w)
	cw.Write([]string{"term", "documents", "paragraphs", "search_url", "error"})
	base := baseURL(r)
	for _, c := range res.Results {
		cw.Write([]string{csvSafe(c.Term), strconv.FormatUint(c.Documents, 10), strconv.FormatUint(c.Paragraphs, 10), base + c.SearchURL, c.Error})
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe keeps a spreadsheet from reading a cell as a formula.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// baseURL is the scheme and host the request came to.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// batch reads a batch request's terms and counts them.
func (s *Server) batch(r *http.Request) (*searchapi.Batch, error) {
	terms, err := batchTerms(r)
	if err != nil {
		return nil, err
	}
	return s.backend.Batch(r.Context(), terms)
}

// batchTerms reads the terms from a request's body, as its content type
// says.
func batchTerms(r *http.Request) ([]string, error) {
	ct, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil && r.Header.Get("Content-Type") != "" {
		return nil, badParam("the Content-Type header cannot be read")
	}
	var terms []string
	switch ct {
	case "", "text/plain":
		terms, err = readBatchTerms(r.Body, false)
	case "text/csv":
		terms, err = readBatchTerms(r.Body, true)
	case "application/x-www-form-urlencoded", "multipart/form-data":
		terms, err = formTerms(r)
	default:
		return nil, badParam("send the terms as text/plain (one a line), text/csv, or a form")
	}
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return nil, badParam("the list is larger than " + strconv.Itoa(maxBodyBytes>>10) + " KiB: split it into smaller batches")
	}
	if err != nil {
		var ae *apiError
		if errors.As(err, &ae) {
			return nil, err
		}
		return nil, badParam(err.Error())
	}
	return terms, nil
}

// formTerms reads the batch page's form: an uploaded file (read as CSV
// when its name or type says so) or else the terms box.
func formTerms(r *http.Request) ([]string, error) {
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		if err := r.ParseMultipartForm(maxBodyBytes); err != nil {
			return nil, err
		}
		if f, h, err := r.FormFile("file"); err == nil {
			defer f.Close()
			if h.Size > 0 {
				asCSV := strings.HasSuffix(strings.ToLower(h.Filename), ".csv") || h.Header.Get("Content-Type") == "text/csv"
				return readBatchTerms(f, asCSV)
			}
		}
	} else if err := r.ParseForm(); err != nil {
		return nil, err
	}
	return readBatchTerms(strings.NewReader(r.PostFormValue("terms")), false)
}

type batchView struct {
	Title    string
	Terms    string // the terms as given, one a line, for the form and the CSV download
	MaxTerms int
	Error    string
	Result   *searchapi.Batch
	Found    int                 // terms found in at least one document
	Examples *searchapi.Examples // for the hint, taken from the index
}

// batchPage renders GET /batch (the form) and POST /batch (the counts,
// with the form filled in again). A list that cannot be read is shown
// again with the reason, as a 400.
func (s *Server) batchPage(w http.ResponseWriter, r *http.Request) error {
	view := batchView{Title: "Batch search", MaxTerms: searchapi.MaxBatchTerms, Examples: s.examples(r.Context())}
	if r.Method != http.MethodPost {
		s.render(w, http.StatusOK, "batch.html", view)
		return nil
	}
	terms, err := batchTerms(r)
	if err == nil {
		view.Terms = strings.Join(terms, "\n")
		view.Result, err = s.backend.Batch(r.Context(), terms)
	}
	if err != nil {
		var ae *apiError
		if !errors.Is(err, searchapi.ErrInvalidQuery) && !errors.As(err, &ae) {
			return err
		}
		e := classify(err, s.log, r)
		view.Error = e.message
		if view.Terms == "" {
			view.Terms = r.PostFormValue("terms")
		}
		s.render(w, e.status, "batch.html", view)
		return nil
	}
	for _, c := range view.Result.Results {
		if c.Documents > 0 {
			view.Found++
		}
	}
	s.render(w, http.StatusOK, "batch.html", view)
	return nil
}
