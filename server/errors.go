package server

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// apiError is an error with an HTTP status and a code for clients.
type apiError struct {
	status  int
	code    string
	message string
}

func (e *apiError) Error() string { return e.message }

func badParam(msg string) error {
	return &apiError{status: http.StatusBadRequest, code: "invalid_parameter", message: msg}
}

func notFound(msg string) error {
	return &apiError{status: http.StatusNotFound, code: "not_found", message: msg}
}

// classify maps an error to its status, code and the message users see.
// Internal errors are logged and shown as a generic message, so no path or
// stack reaches a response.
func classify(err error, log *slog.Logger, r *http.Request) *apiError {
	var ae *apiError
	switch {
	case errors.As(err, &ae):
		return ae
	case errors.Is(err, searchapi.ErrInvalidQuery):
		return &apiError{status: http.StatusBadRequest, code: "invalid_query", message: userMessage(err)}
	case errors.Is(err, searchapi.ErrNotFound):
		return &apiError{status: http.StatusNotFound, code: "not_found", message: userMessage(err)}
	case errors.Is(err, searchapi.ErrUnavailable):
		log.Warn("search unavailable", "path", r.URL.Path, "error", err)
		return &apiError{status: http.StatusServiceUnavailable, code: "unavailable",
			message: "the search could not be completed just now; please try again"}
	}
	log.Error("internal error", "path", r.URL.Path, "error", err)
	return &apiError{status: http.StatusInternalServerError, code: "internal", message: "something went wrong on our side"}
}

// userMessage is the text of an invalid-query or not-found error, which
// the search layer writes for the person who asked.
func userMessage(err error) string { return err.Error() }

type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// api adapts a handler to render its error as JSON.
func (s *Server) api(h handlerFunc) http.HandlerFunc {
	return s.apiWithin(s.opts.SearchTimeout, h)
}

// apiWithin is api with a deadline of its own, for the routes that read
// far more than one search does (exports).
func (s *Server) apiWithin(limit time.Duration, h handlerFunc) http.HandlerFunc {
	h = s.within(limit, h)
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			e := classify(err, s.log, r)
			if e.status == http.StatusServiceUnavailable {
				w.Header().Set("Retry-After", "5")
			}
			writeJSON(w, e.status, map[string]any{"error": map[string]string{"code": e.code, "message": e.message}})
		}
	}
}

// page adapts a handler to render its error as an HTML page.
func (s *Server) page(h handlerFunc) http.HandlerFunc {
	return s.pageWithin(s.opts.SearchTimeout, h)
}

// pageWithin is page with a deadline of its own, for the pages that run
// many searches (a batch).
func (s *Server) pageWithin(limit time.Duration, h handlerFunc) http.HandlerFunc {
	h = s.within(limit, h)
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			e := classify(err, s.log, r)
			s.render(w, e.status, "error.html", map[string]any{"Title": http.StatusText(e.status), "Message": e.message, "Status": e.status})
		}
	}
}

// within runs h under a deadline: every request's cost is bounded here,
// once, rather than in each handler.
func (s *Server) within(limit time.Duration, h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		ctx, cancel := context.WithTimeout(r.Context(), limit)
		defer cancel()
		return h(w, r.WithContext(ctx))
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}
