package server

import (
	"html/template"
	"net/http"
	"strings"

	"github.com/gorilla/mux"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/search/searchapi"
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
	ctx := r.Context()
	res, err := s.backend.Similar(ctx, id, paragraph, n)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

type similarView struct {
	Title     string
	Doc       *corpus.Document
	Paragraph string
	Text      string
	Result    *searchapi.Similar
	Hits      []similarHitView
}

type similarHitView struct {
	searchapi.SimilarParagraph
	Snippet template.HTML // escaped by the search layer, with only <mark> added
}

// similarPage renders GET /documents/{id}/similar?paragraph=N.
func (s *Server) similarPage(w http.ResponseWriter, r *http.Request) error {
	id := mux.Vars(r)["id"]
	if !corpus.ValidID(id) {
		return notFound("There is no document with that id.")
	}
	number := strings.TrimSpace(r.URL.Query().Get("paragraph"))
	if number == "" {
		return badParam("Say which paragraph: ?paragraph=N.")
	}
	ctx := r.Context()
	doc, err := s.backend.Document(ctx, id)
	if err != nil {
		return err
	}
	res, err := s.backend.Similar(ctx, id, number, 10)
	if err != nil {
		return err
	}
	view := similarView{Title: "Paragraphs like " + doc.Title + ", paragraph " + number, Doc: doc, Paragraph: number, Result: res}
	for _, p := range doc.Paragraphs {
		if p.Number == number {
			view.Text = p.Text
		}
	}
	for _, h := range res.Results {
		view.Hits = append(view.Hits, similarHitView{SimilarParagraph: h, Snippet: template.HTML(h.Snippet)})
	}
	s.render(w, http.StatusOK, "similar.html", view)
	return nil
}
