package server

import (
	"context"
	"net/url"
	"strings"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// sectionLink names a neighbouring section of the same report.
type sectionLink struct {
	Title, URL string
}

// sectionNav is a document's place in its report: the report's contents
// page and the sections before and after it, in the contents' order.
type sectionNav struct {
	Contents, Prev, Next *sectionLink
}

// maxNavLookups bounds the documents one page view reads to find its
// neighbours, so that a page with hundreds of links costs no more than a
// small one.
const maxNavLookups = 12

// sectionsAround finds a document's previous and next sections. Reports
// are published as one page per section, and only the report's contents
// page knows their order; a section links to that page, so the contents
// page is found among the section's own links. A document outside a report,
// or one whose contents page was not crawled, gets an empty nav.
func (s *Server) sectionsAround(ctx context.Context, d *corpus.Document, q string) sectionNav {
	if d.Report == "" {
		return sectionNav{}
	}
	lookups := 0
	get := func(id string) *corpus.Document {
		if lookups >= maxNavLookups || id == d.ID {
			return nil
		}
		lookups++
		doc, err := s.backend.Document(ctx, id)
		if err != nil {
			return nil
		}
		return doc
	}
	var contents *corpus.Document
	if isContents(d) {
		contents = d
	} else {
		for _, id := range linkedIDs(d, true) {
			if c := get(id); c != nil && isContents(c) && sameReport(c, d) {
				contents = c
				break
			}
		}
	}
	if contents == nil {
		return sectionNav{}
	}
	var nav sectionNav
	if contents != d {
		nav.Contents = &sectionLink{Title: contents.Title, URL: docURL(contents.ID, q, "")}
	}
	order := linkedIDs(contents, false)
	at := -1
	for i, id := range order {
		if id == d.ID {
			at = i
		}
	}
	if at < 0 && contents != d {
		return nav
	}
	neighbour := func(from, step int) *sectionLink {
		for i := from; i >= 0 && i < len(order); i += step {
			if n := get(order[i]); n != nil && sameReport(n, d) {
				return &sectionLink{Title: n.Title, URL: docURL(n.ID, q, "")}
			}
		}
		return nil
	}
	nav.Prev = neighbour(at-1, -1)
	nav.Next = neighbour(at+1, 1)
	return nav
}

func isContents(d *corpus.Document) bool {
	return d.Type == corpus.TypeInvestigationReport || d.Type == corpus.TypeFinalReport
}

// sameReport compares report titles as the site writes them, which varies
// their capitalisation from page to page.
func sameReport(a, b *corpus.Document) bool {
	return a.Report != "" && strings.EqualFold(strings.TrimSpace(a.Report), strings.TrimSpace(b.Report))
}

// linkedIDs returns the ids of the publication pages a document links to,
// in link order without repeats. Pages elsewhere on the site (news,
// navigation) cannot be sections, and are skipped before any lookup.
func linkedIDs(d *corpus.Document, publicationsOnly bool) []string {
	seen := map[string]bool{d.ID: true}
	var ids []string
	for _, l := range d.Links {
		c, err := corpus.Canonical(l)
		if err != nil {
			continue
		}
		if publicationsOnly {
			if u, err := url.Parse(c); err != nil || !strings.HasPrefix(u.Path, "/reports-recommendations/publications/") {
				continue
			}
		}
		id := corpus.IDFor(c)
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return ids
}

// placedNav is a sectionNav with the label of the place it is shown, since
// a page showing it twice needs two distinct navigation landmarks.
type placedNav struct {
	sectionNav
	Label, Class string
}

func navAt(n sectionNav, label, class string) placedNav { return placedNav{n, label, class} }
