package server

import (
	"context"
	"net/http"
	"strings"

	"github.com/gorilla/mux"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// apiSimilar answers GET /api/v1/documents/{id}/similar?paragraph=N[&size=K]:
// the paragraphs across all reports most like one paragraph.
func (s *Server) apiSimilar(w http.ResponseWriter, r *http.Request) error {
	id := mux.Vars(r)["id"]
	if !corpus.ValidID(id) {
		return notFound("no document has that id")
	}
	q := r.URL.Query()
	paragraph := strings.TrimSpace(q.Get("paragraph"))
	if paragraph == "" {
		return badParam("paragraph is required: the number of the paragraph to find others like")
	}
	n, err := intParam(q, "size")
	if err != nil {
		return err
	}
	if n == 0 {
		n = 5
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.SearchTimeout)
	defer cancel()
	res, err := s.backend.Similar(ctx, id, paragraph, n)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}
