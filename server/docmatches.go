package server

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/gorilla/mux"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// apiDocumentMatches answers GET /api/v1/documents/{id}/matches?q=...:
// where a search's words match in one document, as byte ranges of its
// paragraphs' texts.
func (s *Server) apiDocumentMatches(w http.ResponseWriter, r *http.Request) error {
	id := mux.Vars(r)["id"]
	if !corpus.ValidID(id) {
		return notFound("no document has that id")
	}
	q := r.URL.Query().Get("q")
	if strings.TrimSpace(q) == "" {
		return badParam("q is required: the search whose matches to find in the document")
	}
	res, err := s.backend.DocumentMatches(r.Context(), id, q)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

// markedRun is a run of a paragraph's text (a sub-paragraph, or the
// text between them) with its matches marked.
type markedRun struct {
	Anchor, Cite, Label string // as paraRun's
	HTML                template.HTML
}

// markParagraphs marks a search's matches in a document's paragraphs:
// for each matched paragraph, its runs (as paraRuns cuts them, each a
// label and then text, which together cover the paragraph) with every
// match in a <mark> numbered in page order (id m-1, m-2, ...), the
// targets of the page's previous and next match. The text is escaped
// here, the one place it becomes HTML on this page. It returns the runs
// by paragraph number and the number of marks.
func markParagraphs(d *corpus.Document, m *searchapi.DocumentMatches) (map[string][]markedRun, int) {
	out := map[string][]markedRun{}
	if m == nil {
		return out, 0
	}
	spans := map[string][][2]int{}
	for _, pm := range m.Paragraphs {
		spans[pm.Paragraph] = pm.Spans
	}
	n := 0
	for _, p := range d.Paragraphs {
		ps, ok := spans[p.Number]
		if !ok || len(ps) == 0 || p.Heading {
			continue
		}
		at := 0
		for _, run := range paraRuns(p) {
			// A sub-paragraph's label is its link, and is not marked.
			from := at + len(run.Label)
			end := from + len(run.Text)
			out[p.Number] = append(out[p.Number], markedRun{Anchor: run.Anchor, Cite: run.Cite, Label: run.Label, HTML: markText(p.Text, from, end, ps, &n)})
			at = end
		}
	}
	return out, n
}

// markText escapes text[from:to] with the parts of spans inside it
// marked, numbering each mark on from *n.
func markText(text string, from, to int, spans [][2]int, n *int) template.HTML {
	var b strings.Builder
	at := from
	for _, sp := range spans {
		start, end := max(sp[0], from), min(sp[1], to)
		if start >= end || start < at || end > len(text) {
			continue
		}
		*n++
		b.WriteString(template.HTMLEscapeString(text[at:start]))
		b.WriteString(`<mark class="find" id="m-` + strconv.Itoa(*n) + `" tabindex="-1">`)
		b.WriteString(template.HTMLEscapeString(text[start:end]))
		b.WriteString(`</mark>`)
		at = end
	}
	b.WriteString(template.HTMLEscapeString(text[at:to]))
	return template.HTML(b.String())
}
