package server

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

type evidenceLookupView struct {
	Title    string
	Examples *searchapi.Examples
}

// evidenceLookupPage renders GET /evidence: a box for an evidence
// reference, which goes to the reference's own page (/evidence/{urn}),
// with an example taken from the index.
func (s *Server) evidenceLookupPage(w http.ResponseWriter, r *http.Request) error {
	if urn := strings.TrimSpace(r.URL.Query().Get("urn")); urn != "" {
		// The reference's page checks its form and says what is wrong.
		http.Redirect(w, r, "/evidence/"+url.PathEscape(urn), http.StatusSeeOther)
		return nil
	}
	s.render(w, http.StatusOK, "evidencelookup.html", evidenceLookupView{Title: "Cited evidence – Inquiry Search", Examples: s.examples(r.Context())})
	return nil
}
