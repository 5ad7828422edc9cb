package server

import (
	"context"
	"net/http"

	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

type helpView struct {
	Title    string
	Entries  []searchapi.HelpEntry
	Notes    []string
	Examples *searchapi.Examples
}

// helpPage renders GET /help: the query syntax, from the same table as
// the command line's help, with examples taken from the index.
func (s *Server) helpPage(w http.ResponseWriter, r *http.Request) error {
	ex := s.examples(r.Context())
	s.render(w, http.StatusOK, "help.html", helpView{Title: "How to search – Inquiry Search",
		Entries: searchapi.WithExamples(searchapi.Help, ex), Notes: searchapi.HelpNotes, Examples: ex})
	return nil
}

// examples returns the index's examples, or nil when they cannot be read
// just now: a page shows fixed examples rather than fail for want of them.
func (s *Server) examples(ctx context.Context) *searchapi.Examples {
	ex, err := s.backend.Examples(ctx)
	if err != nil {
		s.log.Warn("read examples", "error", err)
		return nil
	}
	return ex
}
