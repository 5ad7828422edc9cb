package server

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/gorilla/mux"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// apiSearch answers GET /api/v1/search.
func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) error {
	req, err := searchRequest(r.URL.Query())
	if err != nil {
		return err
	}
	ctx := r.Context()
	res, err := s.search(ctx, req)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

// search runs a search and records its latency by query kind.
func (s *Server) search(ctx context.Context, req searchapi.Request) (*searchapi.Result, error) {
	start := time.Now()
	res, err := s.backend.Search(ctx, req)
	if err == nil {
		s.metrics.searches.WithLabelValues(queryKind(req)).Observe(time.Since(start).Seconds())
	}
	return res, err
}

// queryKind groups searches for latency metrics: the empty box, phrases,
// plain words, each with or without filters.
func queryKind(req searchapi.Request) string {
	kind := "words"
	switch q := strings.TrimSpace(req.Query); {
	case q == "":
		kind = "empty"
	case strings.Contains(q, `"`):
		kind = "phrase"
	}
	for _, v := range req.Filters {
		if len(v) > 0 {
			return kind + "+filter"
		}
	}
	return kind
}

// apiSuggest answers GET /api/v1/suggest?q=<prefix> with completions for
// the search box.
func (s *Server) apiSuggest(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	res, err := s.backend.Suggest(ctx, r.URL.Query().Get("q"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

// documentJSON is the API's view of a document.
type documentJSON struct {
	ID            string            `json:"id"`
	Title         string            `json:"title"`
	Report        string            `json:"report"`
	Section       string            `json:"section"`
	Heading       string            `json:"heading"`
	URL           string            `json:"url"`
	Investigation string            `json:"investigation"`
	Type          string            `json:"type"`
	Published     string            `json:"published"`
	Places        []string          `json:"places"`
	Institutions  []string          `json:"institutions"`
	Paragraphs    []paragraphJSON   `json:"paragraphs"`
	Footnotes     []corpus.Footnote `json:"footnotes"`
}

// paragraphJSON is a paragraph with what it cites and how to cite it.
type paragraphJSON struct {
	corpus.Paragraph
	References []string           `json:"references"` // evidence references, each at /api/v1/evidence/{urn}
	Citation   searchapi.Citation `json:"citation"`
	// Subparagraphs shadows the paragraph's own list to give each item
	// its citation, "74(a)".
	Subparagraphs []subparagraphJSON `json:"subparagraphs,omitempty"`
}

// subparagraphJSON is a lettered or roman item and how to cite it.
type subparagraphJSON struct {
	corpus.Subparagraph
	Citation searchapi.Citation `json:"citation"`
}

// apiDocument answers GET /api/v1/documents/{id}.
func (s *Server) apiDocument(w http.ResponseWriter, r *http.Request) error {
	id := mux.Vars(r)["id"]
	if !corpus.ValidID(id) {
		return notFound("no document has that id")
	}
	ctx := r.Context()
	d, err := s.backend.Document(ctx, id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, toDocumentJSON(d))
	return nil
}

func toDocumentJSON(d *corpus.Document) documentJSON {
	out := documentJSON{
		ID: d.ID, Title: d.Title, Report: d.Report, Section: d.Section, Heading: d.Heading, URL: d.URL,
		Investigation: d.Investigation, Type: string(d.Type), Published: d.Published,
		Places: d.Places, Institutions: d.Institutions, Paragraphs: []paragraphJSON{}, Footnotes: d.Footnotes,
	}
	urns := corpus.ParagraphURNs(d)
	for i, p := range d.Paragraphs {
		refs := urns[i]
		if refs == nil {
			refs = []string{}
		}
		pj := paragraphJSON{Paragraph: p, References: refs, Citation: searchapi.Cite(d, p.Number)}
		for _, sub := range p.Subparagraphs {
			pj.Subparagraphs = append(pj.Subparagraphs, subparagraphJSON{Subparagraph: sub, Citation: searchapi.Cite(d, p.Cite(sub))})
		}
		out.Paragraphs = append(out.Paragraphs, pj)
	}
	if out.Places == nil {
		out.Places = []string{}
	}
	if out.Institutions == nil {
		out.Institutions = []string{}
	}
	if out.Footnotes == nil {
		out.Footnotes = []corpus.Footnote{}
	}
	return out
}
