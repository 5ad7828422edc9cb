package server

import (
	"errors"
	"net/http"
	"strings"

	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// apiQuote answers GET /api/v1/quote?text=...[&size=N]: the paragraphs a
// quotation may come from, each with the differences marked
// (searchapi.QuoteOp) and its citation.
func (s *Server) apiQuote(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	text := q.Get("text")
	if strings.TrimSpace(text) == "" {
		return badParam("text is required: the quotation to check")
	}
	n, err := intParam(q, "size")
	if err != nil {
		return err
	}
	if n < 0 || n > searchapi.MaxQuoteHits {
		return badParam("size must be between 1 and " + itoa(searchapi.MaxQuoteHits))
	}
	res, err := s.backend.Quote(r.Context(), text, n)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

type quoteView struct {
	Title     string
	Text      string
	MaxWords  int
	Checked   bool
	Error     string
	Result    *searchapi.QuoteCheck
	BestExact bool
}

// quotePage renders GET /quote: the form, and with ?text= the paragraphs
// the quotation may come from. A quotation that cannot be checked (too
// long, no words) is shown again with the reason, as a 400.
func (s *Server) quotePage(w http.ResponseWriter, r *http.Request) error {
	view := quoteView{Title: "Check a quotation", MaxWords: searchapi.MaxQuoteWords}
	text := r.URL.Query().Get("text")
	if strings.TrimSpace(text) == "" {
		s.render(w, http.StatusOK, "quote.html", view)
		return nil
	}
	view.Text, view.Checked = text, true
	res, err := s.backend.Quote(r.Context(), text, 5)
	if errors.Is(err, searchapi.ErrInvalidQuery) {
		view.Error = err.Error()
		s.render(w, http.StatusBadRequest, "quote.html", view)
		return nil
	}
	if err != nil {
		return err
	}
	view.Result = res
	view.BestExact = len(res.Results) > 0 && res.Results[0].Exact
	s.render(w, http.StatusOK, "quote.html", view)
	return nil
}
