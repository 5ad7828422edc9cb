package server

import (
	"net/http"

	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

type helpView struct {
	Title   string
	Entries []searchapi.HelpEntry
	Notes   []string
}

// helpPage renders GET /help: the query syntax, from the same table as
// the command line's help.
func (s *Server) helpPage(w http.ResponseWriter, r *http.Request) error {
	s.render(w, http.StatusOK, "help.html", helpView{Title: "How to search – Inquiry Search", Entries: searchapi.Help, Notes: searchapi.HelpNotes})
	return nil
}
