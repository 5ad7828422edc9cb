package server

import (
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/gorilla/mux"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

type hitView struct {
	searchapi.Hit
	DocURL     string
	Snippet    template.HTML // escaped by the search layer, with only <mark> added
	Paragraphs []linkView
	// The hit's passages: the best few, those behind "show all", and
	// whether it has more than it carries.
	Shown, More []passageView
	Beyond      bool
	CopyText    string // the hit's citation as Copy citation copies it
}

type linkView struct {
	Label, URL string
	Selected   bool
	Count      int
}

type sortView struct {
	Value, Label string
	Selected     bool
}

type param struct{ Name, Value string }

type facetView struct {
	Name   string
	Values []linkView
	// Top and More split Values so that a long facet shows its largest
	// values and folds the rest; Open when a folded value is selected.
	Top, More []linkView
	Open      bool
}

// facetTop is how many values a facet shows before folding the rest.
const facetTop = 6

func (f *facetView) fold() {
	f.Top, f.More = f.Values, nil
	if len(f.Values) > facetTop+2 {
		f.Top, f.More = f.Values[:facetTop], f.Values[facetTop:]
	}
	for _, v := range f.More {
		f.Open = f.Open || v.Selected
	}
}

type searchView struct {
	Title    string
	Query    string
	Sort     string
	Error    string
	Result   *searchapi.Result
	Hits     []hitView
	Facets   []facetView
	Active   []linkView // active filters, each with the URL that removes it
	ClearURL string
	Page     int
	Pages    int
	PrevURL  string
	NextURL  string
	Sorts    []sortView
	// Keep is the search's state apart from sort and page, carried by
	// the sort form so that sorting changes nothing else.
	Keep     []param
	First    int // the rank of the first hit on the page
	From, To string
	NoExpand bool
	// DidYouMean links to the corrected query; LiteralURL to the same
	// search without glossary expansion.
	DidYouMean linkView
	LiteralURL string
	// Examples, taken from the index, fill the search box's hint.
	Examples *searchapi.Examples
	// Collection, on the home page (no query, no filter), says what the
	// index holds.
	Collection *collectionView
	Links      exportLinks // Download and Subscribe
}

// searchPage renders GET / and GET /search.
func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) error {
	values := requestValues(r)
	view := searchView{Title: "Search inquiry reports", Query: r.URL.Query().Get("q"), Sort: r.URL.Query().Get("sort"),
		From: r.URL.Query().Get("from"), To: r.URL.Query().Get("to")}
	if view.Query != "" {
		view.Title = view.Query + " – Inquiry Search"
	}
	view.Keep = keepParams(values)
	view.Examples = s.examples(r.Context())
	if len(values) == 0 && r.URL.Query().Get("page") == "" && r.URL.Query().Get("after") == "" {
		if c, err := s.collection(r.Context()); err == nil {
			view.Collection = c
		} else {
			s.log.Warn("read the collection's summary", "error", err)
		}
	}
	view.Links = exportLinksFor(values)
	req, err := searchRequest(r.URL.Query())
	view.NoExpand = req.NoExpand
	if err == nil {
		ctx := r.Context()
		view.Result, err = s.search(ctx, req)
	}
	status := http.StatusOK
	if err != nil {
		var ae *apiError
		if !errors.Is(err, searchapi.ErrInvalidQuery) && !errors.As(err, &ae) {
			return err
		}
		e := classify(err, s.log, r)
		status, view.Error = e.status, e.message
	}
	if view.Result != nil {
		s.fillSearchView(&view, values, s.baseURL(r))
	}
	s.render(w, status, "search.html", view)
	return nil
}

func (s *Server) fillSearchView(v *searchView, values url.Values, base string) {
	res := v.Result
	q := values.Get("q")
	for _, h := range res.Hits {
		id := h.ID
		if h.Speaker != "" {
			// Testimony is read in its transcript, among the other turns.
			id = corpus.IDFor(h.URL)
		}
		hv := hitView{Hit: h, DocURL: docURL(id, q, ""), Snippet: template.HTML(h.Snippet)}
		for _, p := range h.Paragraphs {
			hv.Paragraphs = append(hv.Paragraphs, linkView{Label: p, URL: docURL(id, q, p)})
		}
		hv.Shown, hv.More, hv.Beyond = passageViews(h, id, q, base)
		hv.CopyText = copyText(h.Citation, base)
		v.Hits = append(v.Hits, hv)
	}
	for _, f := range searchapi.Facets {
		fv := facetView{Name: f}
		selected := map[string]bool{}
		for _, sv := range values[f] {
			selected[strings.ToLower(sv)] = true
		}
		for _, val := range res.Facets[f] {
			on := selected[strings.ToLower(val.Value)]
			label := val.Value
			if f == searchapi.FacetType || f == searchapi.FacetRole {
				label = typeLabel(label)
			}
			fv.Values = append(fv.Values, linkView{Label: label, Count: val.Count, Selected: on, URL: toggle(values, f, val.Value, on)})
		}
		if f == searchapi.FacetHearing {
			sort.SliceStable(fv.Values, func(i, j int) bool { return sittingDate(fv.Values[i].Label) < sittingDate(fv.Values[j].Label) })
		}
		if len(fv.Values) > 0 {
			fv.fold()
			v.Facets = append(v.Facets, fv)
		}
	}
	for _, f := range searchapi.Facets {
		for _, sv := range values[f] {
			label := sv
			if f == searchapi.FacetType || f == searchapi.FacetRole {
				label = typeLabel(sv)
			}
			v.Active = append(v.Active, linkView{Label: facetLabel(f) + ": " + label, URL: toggle(values, f, sv, true)})
		}
	}
	if len(v.Active) > 0 {
		clear := url.Values{}
		if q != "" {
			clear.Set("q", q)
		}
		v.ClearURL = "/search?" + clear.Encode()
	}
	if res.DidYouMean != "" {
		vals := cloneValues(values)
		vals.Set("q", res.DidYouMean)
		v.DidYouMean = linkView{Label: res.DidYouMean, URL: "/search?" + vals.Encode()}
	}
	if len(res.Expanded) > 0 {
		vals := cloneValues(values)
		vals.Set("expand", "false")
		v.LiteralURL = "/search?" + vals.Encode()
	}
	v.Page, v.Pages = res.Page, res.Pages()
	// The next page follows the result's cursor, which costs no more
	// however deep it goes; the previous one is asked for by number, so
	// it has a link only within the window that numbers reach.
	if res.Page > 1 && (res.Page-1)*res.Size <= searchapi.MaxWindow {
		v.PrevURL = withPage(values, res.Page-1)
	}
	if res.Next != "" {
		vals := cloneValues(values)
		vals.Set("after", res.Next)
		v.NextURL = "/search?" + vals.Encode()
	}
	v.First = (res.Page-1)*res.Size + 1
	labels := map[string]string{searchapi.SortRelevance: "Most relevant", searchapi.SortNewest: "Newest first", searchapi.SortOldest: "Oldest first"}
	for _, name := range []string{searchapi.SortRelevance, searchapi.SortNewest, searchapi.SortOldest} {
		v.Sorts = append(v.Sorts, sortView{Value: name, Label: labels[name], Selected: res.Sort == name})
	}
}

// toggle returns the search URL with one filter value added or removed;
// changing filters starts again at page 1.
func toggle(values url.Values, facet, value string, on bool) string {
	return "/search?" + toggledValues(values, facet, value, on).Encode()
}

// keepParams lists a search's parameters other than sort and page, in a
// stable order, so that a form can carry them as hidden fields.
func keepParams(values url.Values) []param {
	var out []param
	for _, name := range append([]string{"q", "from", "to", "expand", "size"}, searchapi.Facets...) {
		for _, v := range values[name] {
			if v != "" {
				out = append(out, param{name, v})
			}
		}
	}
	return out
}

func withPage(values url.Values, page int) string {
	vals := cloneValues(values)
	vals.Set("page", itoa(page))
	return "/search?" + vals.Encode()
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// docURL links to a document, carrying the query along and, for a
// paragraph citation, anchoring at it.
func docURL(id, q, paragraph string) string {
	u := "/documents/" + url.PathEscape(id)
	if q != "" {
		u += "?q=" + url.QueryEscape(q)
	}
	if paragraph != "" {
		u += "#" + corpus.Anchor(paragraph)
	}
	return u
}

type documentView struct {
	Title     string
	Doc       *corpus.Document
	SourceURL string // empty unless it is a plain http(s) URL
	Sample    bool   // the document comes from the embedded sample site
	Query     string
	BackURL   string
	// Extras holds each paragraph's citation and cited references, by
	// paragraph number.
	Extras    map[string]paragraphJSON
	Footnotes []footnoteView
	Nav       sectionNav
	// Marked holds the matched paragraphs' runs with the query's matches
	// marked, by paragraph number; Marks counts the marks, and FindError
	// says why a query could not be matched.
	Marked    map[string][]markedRun
	Marks     int
	FindError string
}

// documentPage renders GET /documents/{id}.
func (s *Server) documentPage(w http.ResponseWriter, r *http.Request) error {
	id := mux.Vars(r)["id"]
	if !corpus.ValidID(id) {
		return notFound("There is no document with that id.")
	}
	ctx := r.Context()
	d, err := s.backend.Document(ctx, id)
	if errors.Is(err, searchapi.ErrNotFound) {
		return notFound("There is no document with that id.")
	}
	if err != nil {
		return err
	}
	q := r.URL.Query().Get("q")
	view := documentView{Title: d.Title, Doc: d, SourceURL: safeURL(d.URL), Query: q, BackURL: "/search",
		Sample: strings.HasPrefix(d.URL, "https://"+corpus.SampleHost+"/")}
	if q != "" {
		view.BackURL = "/search?q=" + url.QueryEscape(q)
	}
	view.Extras = map[string]paragraphJSON{}
	for _, p := range toDocumentJSON(d).Paragraphs {
		view.Extras[p.Number] = p
	}
	view.Footnotes = footnoteViews(d.Footnotes)
	view.Nav = s.sectionsAround(ctx, d, q)
	if strings.TrimSpace(q) != "" {
		m, err := s.backend.DocumentMatches(ctx, id, q)
		switch {
		case errors.Is(err, searchapi.ErrInvalidQuery):
			view.FindError = err.Error()
		case err != nil:
			return err
		}
		view.Marked, view.Marks = markParagraphs(d, m)
	}
	s.render(w, http.StatusOK, "document.html", view)
	return nil
}

// safeURL returns u if it is an absolute http or https URL, else "".
func safeURL(u string) string {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return p.String()
}

// sittingDate reads the date of a hearing facet's value ("Day 2, 4
// February 2019") as 2019-02-04, so sittings are listed in the order they
// were held; a value without one sorts last.
func sittingDate(label string) string {
	_, date, ok := strings.Cut(label, ", ")
	if !ok {
		date = label
	}
	t, err := time.Parse("2 January 2006", date)
	if err != nil {
		return "~" + label
	}
	return t.Format("2006-01-02")
}
