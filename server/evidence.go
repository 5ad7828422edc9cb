package server

import (
	"net/http"

	"github.com/gorilla/mux"
	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

func (s *Server) evidence(r *http.Request) (*searchapi.Evidence, error) {
	urn := mux.Vars(r)["urn"]
	if len(urn) > 64 {
		return nil, badParam("an evidence reference is at most 64 characters")
	}
	ctx := r.Context()
	return s.backend.Evidence(ctx, urn)
}

// apiEvidence answers GET /api/v1/evidence/{urn}: every paragraph that
// cites the reference (or, for a shortened one, any reference it begins).
func (s *Server) apiEvidence(w http.ResponseWriter, r *http.Request) error {
	res, err := s.evidence(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

// evidencePage renders GET /evidence/{urn}.
func (s *Server) evidencePage(w http.ResponseWriter, r *http.Request) error {
	res, err := s.evidence(r)
	if err != nil {
		return err
	}
	s.render(w, http.StatusOK, "evidence.html", map[string]any{"Title": res.URN + " – cited evidence", "Evidence": res})
	return nil
}
