package server

import (
	"encoding/xml"
	"html"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// Atom 1.0 (RFC 4287) elements, as far as a search feed needs them.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomPerson  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	ID        string     `xml:"id"`
	Title     string     `xml:"title"`
	Updated   string     `xml:"updated"`
	Published string     `xml:"published,omitempty"`
	Links     []atomLink `xml:"link"`
	Summary   atomText   `xml:"summary"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

// feedSize is how many results a feed carries.
const feedSize = 30

// feed answers GET /feed.atom?q=...: the newest results of a search as an
// Atom feed, so that anyone can follow a topic without an account.
func (s *Server) feed(w http.ResponseWriter, r *http.Request) error {
	req, err := searchRequest(r.URL.Query())
	if err != nil {
		return err
	}
	req.Sort, req.Page, req.Size, req.After = searchapi.SortNewest, 1, feedSize, ""
	req.Facets = []string{searchapi.FacetsNone} // a feed shows none
	ctx := r.Context()
	res, err := s.search(ctx, req)
	if err != nil {
		return err
	}
	base := s.baseURL(r)
	built := s.backend.Info().BuiltAt
	if built.IsZero() {
		built = time.Unix(0, 0)
	}
	title := "Inquiry Search: all documents"
	if res.Parsed != "" {
		title = "Inquiry Search: " + res.Parsed
	}
	self := base + r.URL.RequestURI()
	f := atomFeed{
		ID:      "urn:inquirysearch:feed:" + url.QueryEscape(res.Parsed) + ":" + url.QueryEscape(canonicalFilters(res.Filters)),
		Title:   title,
		Updated: built.UTC().Format(time.RFC3339),
		Author:  atomPerson{Name: "Inquiry Search"},
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: self},
			{Rel: "alternate", Type: "text/html", Href: base + "/search?" + requestValues(r).Encode()},
		},
	}
	newest := ""
	for _, h := range res.Hits {
		updated := built.UTC().Format(time.RFC3339)
		published := ""
		if h.Published != "" {
			published = h.Published + "T00:00:00Z"
			updated = published
			if published > newest {
				newest = published
			}
		}
		f.Entries = append(f.Entries, atomEntry{
			ID:        "urn:inquirysearch:document:" + h.ID,
			Title:     strings.TrimSpace(h.Title + " — " + h.Report),
			Updated:   updated,
			Published: published,
			Links: []atomLink{
				{Rel: "alternate", Type: "text/html", Href: base + "/documents/" + h.ID},
				{Rel: "via", Href: h.URL},
			},
			Summary: atomText{Type: "text", Body: plainText(h.Snippet)},
		})
	}
	if newest != "" && newest > f.Updated {
		f.Updated = newest
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Write([]byte(xml.Header))
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	return enc.Encode(f)
}

// plainText turns a snippet (escaped text with <mark>) back into text.
func plainText(snippet string) string {
	return html.UnescapeString(strings.NewReplacer("<mark>", "", "</mark>", "").Replace(snippet))
}

func canonicalFilters(f searchapi.Filters) string {
	var parts []string
	for _, facet := range searchapi.Facets {
		for _, v := range f[facet] {
			parts = append(parts, facet+"="+v)
		}
	}
	return strings.Join(parts, "&")
}

// baseURL is the address clients reach this server at: the configured
// public URL, or else one derived from the request.
func (s *Server) baseURL(r *http.Request) string {
	if s.opts.PublicURL != "" {
		return strings.TrimSuffix(s.opts.PublicURL, "/")
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
