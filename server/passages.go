package server

import (
	"html/template"
	"net/url"

	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// passagesShown is how many of a hit's passages show before "show all".
const passagesShown = 3

// passageView is one matched paragraph under a hit on the results page.
// CopyText is what its Copy button copies: the citation, which ends with
// the source URL, and this service's permalink.
type passageView struct {
	Label, URL, Title, CopyText string
	Snippet                     template.HTML // escaped by the search layer, with only <mark> added
	Page                        int
}

// passageViews splits a hit's passages into those shown and those behind
// "show all"; beyond says that the hit has more than it carries, so that
// "show all" also links to the document.
func passageViews(h searchapi.Hit, docID, q, base string) (shown, more []passageView, beyond bool) {
	for i, m := range h.Matches {
		pv := passageView{Label: m.Paragraph, URL: docURL(docID, q, m.Paragraph), Title: h.Title, Page: m.Page,
			Snippet: template.HTML(m.Snippet), CopyText: copyText(m.Citation, base)}
		if i < passagesShown {
			shown = append(shown, pv)
		} else {
			more = append(more, pv)
		}
	}
	return shown, more, h.MatchCount > len(h.Matches)
}

// copyText is a citation as a Copy button copies it: the citation text
// (ending with the source URL) and the permalink on this service.
func copyText(c searchapi.Citation, base string) string {
	if c.Permalink == "" {
		return c.Text
	}
	return c.Text + " Inquiry Search: " + base + c.Permalink
}

// exportLinks are the results page's Download and Subscribe links: the
// same search as CSV and NDJSON, by document and by paragraph, and as an
// Atom feed.
type exportLinks struct {
	CSV, NDJSON, ParagraphCSV, ParagraphNDJSON, Feed string
}

func exportLinksFor(values url.Values) exportLinks {
	vals := cloneValues(values)
	vals.Del("sort")
	feed := "/feed.atom"
	if len(vals) > 0 {
		feed += "?" + vals.Encode()
	}
	by := func(path, unit string) string {
		v := cloneValues(values)
		if unit != "" {
			v.Set("unit", unit)
		}
		return path + "?" + v.Encode()
	}
	return exportLinks{CSV: by("/api/v1/search.csv", ""), NDJSON: by("/api/v1/search.ndjson", ""),
		ParagraphCSV:    by("/api/v1/search.csv", searchapi.UnitParagraph),
		ParagraphNDJSON: by("/api/v1/search.ndjson", searchapi.UnitParagraph), Feed: feed}
}
