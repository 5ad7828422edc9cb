package searchapi

import (
	"net/url"
	"strings"
	"time"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// Citation names one paragraph so that a reader can find it again: the
// fields, and the whole as one line ready to copy.
type Citation struct {
	Text      string `json:"text"`
	Report    string `json:"report"`
	Title     string `json:"title"` // the page: section code and heading
	Paragraph string `json:"paragraph"`
	Published string `json:"published"`
	URL       string `json:"url"`       // the source page's canonical URL, anchored at the paragraph
	Permalink string `json:"permalink"` // this service's page for it, anchored at the paragraph
}

// Permalink is the path of a document's page on this service, anchored at
// a paragraph or sub-paragraph ("74(a)") when one is given. Ids come from
// canonical URLs and numbers from the page, so the link survives
// re-crawls of an unchanged page.
func Permalink(id, paragraph string) string {
	p := "/documents/" + url.PathEscape(id)
	if paragraph != "" {
		p += "#" + url.PathEscape(corpus.Anchor(paragraph))
	}
	return p
}

// Cite returns the citation of paragraph number of d (of the whole page
// when number is empty). number may name a sub-paragraph, "74(a)", as
// corpus.Paragraph.CiteAt labels a match.
func Cite(d *corpus.Document, number string) Citation {
	c := Citation{Report: d.Report, Title: d.Title, Paragraph: number, Published: d.Published,
		URL: d.URL, Permalink: Permalink(d.ID, number)}
	if number != "" && d.URL != "" {
		c.URL = strings.SplitN(d.URL, "#", 2)[0] + "#" + corpus.Anchor(number)
	}
	if d.Hearing != nil && number != "" {
		// A transcript's turn is cited as the record cites it: the
		// sitting, page and lines, and the speaker.
		for _, p := range d.Paragraphs {
			if p.Number == number {
				c.Text = corpus.TurnCitation(*d.Hearing, p)
				if d.Report != "" {
					c.Text = d.Report + ", " + c.Text
				}
				c.Text += ". " + c.URL
				return c
			}
		}
	}
	var parts []string
	for _, p := range []string{d.Report, d.Title} {
		if p != "" && !strings.EqualFold(p, strings.Join(parts, "")) {
			parts = append(parts, p)
		}
	}
	switch {
	case number == "":
	case (corpus.Paragraph{Number: number}).Numbered():
		parts = append(parts, "para "+number)
	default:
		parts = append(parts, "unnumbered paragraph "+strings.TrimPrefix(number, "u"))
	}
	text := strings.Join(parts, ", ")
	if day := longDate(d.Published); day != "" {
		text += " (published " + day + ")"
	}
	if c.URL != "" {
		text += ". " + c.URL
	}
	c.Text = text
	return c
}

// longDate writes 2022-02-01 as "1 February 2022", the inquiry's style.
func longDate(iso string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return ""
	}
	return t.Format("2 January 2006")
}
