package server

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/gorilla/mux"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// maxSpeakerDays bounds the sittings one witness page shows: a witness
// gives evidence on a few days, counsel on dozens; the inquiry sat 325.
const maxSpeakerDays = 100

type speakerView struct {
	Title   string
	Name    string
	Query   string
	Path    string
	Days    []speakerDay
	Turns   int
	Roles   []string
	Cut     bool // more days than the page shows
	Error   string
	SearchQ string // the same words searched everywhere, this speaker kept
}

// speakerDay is one sitting at which the person spoke, with their turns.
type speakerDay struct {
	Hearing       string
	Investigation string
	TranscriptURL string // this service's page of the whole transcript
	Turns         []speakerTurn
}

type speakerTurn struct {
	Number   string
	Text     string
	Citation string
	URL      string
	Question *corpus.Paragraph
	QuestionURL,
	QuestionCitation string
}

// speakerPage renders GET /speakers/{name}: every sitting at which a
// person spoke, oldest first, with their turns (each answer under the
// question it answers); q keeps to the turns that match it.
func (s *Server) speakerPage(w http.ResponseWriter, r *http.Request) error {
	name := strings.Join(strings.Fields(mux.Vars(r)["name"]), " ")
	q := r.URL.Query().Get("q")
	view := speakerView{Name: name, Query: q, Path: speakerURL(name), Title: name + " – hearings – Inquiry Search"}
	res, err := s.backend.Search(r.Context(), searchapi.Request{Query: q, Filters: searchapi.Filters{searchapi.FacetSpeaker: {name}},
		Sort: "oldest", Size: maxSpeakerDays})
	if err != nil {
		e := classify(err, s.log, r)
		if e.status >= 500 {
			return err
		}
		view.Error = e.message
		s.render(w, e.status, "speaker.html", view)
		return nil
	}
	if res.Total == 0 && q == "" {
		return notFound(fmt.Sprintf("Nobody called %q spoke at a hearing held in the index.", name))
	}
	view.Cut = res.Total > uint64(len(res.Hits))
	roles := map[string]bool{}
	for _, h := range res.Hits {
		if h.Speaker == "" {
			continue
		}
		view.Name = h.Speaker // as the record gives it, not as typed
		if !roles[h.Role] {
			roles[h.Role] = true
			view.Roles = append(view.Roles, h.Role)
		}
		day, err := s.speakerDay(r, h, q)
		if err != nil {
			return err
		}
		view.Turns += len(day.Turns)
		view.Days = append(view.Days, day)
	}
	view.Title = view.Name + " – hearings – Inquiry Search"
	view.SearchQ = "/search?" + url.Values{"q": {q}, "speaker": {view.Name}}.Encode()
	s.render(w, http.StatusOK, "speaker.html", view)
	return nil
}

// speakerDay reads the transcript of one testimony hit and keeps the
// speaker's turns (only the matched ones when the page searches).
func (s *Server) speakerDay(r *http.Request, h searchapi.Hit, q string) (speakerDay, error) {
	id := corpus.IDFor(h.URL)
	doc, err := s.backend.Document(r.Context(), id)
	if err != nil {
		return speakerDay{}, err
	}
	day := speakerDay{Hearing: h.Hearing, Investigation: h.Investigation, TranscriptURL: docURL(id, q, "")}
	matched := map[string]bool{}
	for _, p := range h.Paragraphs {
		matched[p] = true
	}
	byNumber := map[string]corpus.Paragraph{}
	for _, p := range doc.Paragraphs {
		byNumber[p.Number] = p
	}
	hearing := corpus.Hearing{}
	if doc.Hearing != nil {
		hearing = *doc.Hearing
	}
	for _, p := range doc.Paragraphs {
		if p.Speaker != h.Speaker || (q != "" && !matched[p.Number]) {
			continue
		}
		t := speakerTurn{Number: p.Number, Text: p.Text, Citation: corpus.TurnCitation(hearing, p), URL: docURL(id, q, p.Number)}
		if qp, ok := byNumber[p.Answers]; ok && p.Answers != "" {
			t.Question = &qp
			t.QuestionURL = docURL(id, q, qp.Number)
			t.QuestionCitation = corpus.TurnCitation(hearing, qp)
		}
		day.Turns = append(day.Turns, t)
	}
	return day, nil
}

// speakerURL is the path of a person's witness page.
func speakerURL(name string) string { return "/speakers/" + url.PathEscape(name) }
