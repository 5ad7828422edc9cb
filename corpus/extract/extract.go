package extract

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/inquirysearch/inquirysearch/corpus"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Extract turns one fetched HTML page into a Document. pageURL is the URL
// the page was fetched from; relative links resolve against it and the
// document is identified by its canonical form. Extract never fails on
// malformed markup (the HTML parser repairs it as browsers do); it fails only
// when pageURL is unusable or gaz is nil.
func Extract(body []byte, pageURL string, gaz *corpus.Gazetteer) (*corpus.Document, error) {
	if gaz == nil {
		return nil, fmt.Errorf("extract %s: no gazetteer", pageURL)
	}
	base, err := url.Parse(pageURL)
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", pageURL, err)
	}
	canonical, err := corpus.Canonical(pageURL)
	if err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	root, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("extract %s: parse html: %w", pageURL, err)
	}
	if href, ok := root.Find("base[href]").First().Attr("href"); ok {
		if b, err := base.Parse(href); err == nil {
			base = b
		}
	}

	doc := &corpus.Document{ID: corpus.IDFor(canonical), URL: canonical}
	doc.Links = extractLinks(root, base)

	root.Find("script, style, noscript, template, iframe, object, embed, svg, form, nav, header, footer").Remove()
	main := mainContent(root)
	footnotes := extractFootnotes(main)

	h1 := main.Find("h1").First()
	if h1.Length() == 0 {
		h1 = root.Find("h1").First()
	}
	if h1.Length() > 0 {
		doc.Heading = headingText(h1.Get(0))
	}
	doc.Report, doc.Subtitle = reportLines(main, h1)

	blocks := blocksAfter(main, h1)
	blocks, doc.Published = takeDate(blocks)
	doc.Paragraphs, footnotes = buildParagraphs(blocks, footnotes)
	doc.Footnotes = footnotes

	doc.Title = doc.Heading
	if doc.Title == "" {
		doc.Title = doc.Report
	}
	if doc.Title == "" {
		doc.Title = NormaliseSpace(root.Find("title").First().Text())
	}
	doc.Section = sectionCode(doc.Heading)
	doc.Type = classify(canonical, doc.Heading, doc.Report)
	doc.Investigation = corpus.InvestigationFor(doc.Report, canonical)
	if doc.Report == "" && doc.Type == corpus.TypeInvestigationReport {
		doc.Report = doc.Heading
		doc.Investigation = corpus.InvestigationFor(doc.Report, canonical)
	}

	finishDocument(doc, gaz, doc.Heading)
	return doc, nil
}

// finishDocument tags a document's places and institutions, from lead and
// its paragraphs, and computes its content hash.
func finishDocument(doc *corpus.Document, gaz *corpus.Gazetteer, lead string) {
	texts := []string{lead}
	for _, p := range doc.Paragraphs {
		texts = append(texts, p.Text)
	}
	doc.Places, doc.Institutions = gaz.Find(texts...)
	doc.ContentHash = corpus.ContentHash(doc)
}

// mainContent picks the element holding the page's own content, so that
// the site's banner, navigation and footer stay out of the document.
func mainContent(root *goquery.Document) *goquery.Selection {
	for _, sel := range []string{"#main-content", "main", "[role=main]", "article", "body"} {
		if s := root.Find(sel).First(); s.Length() > 0 {
			dropBoilerplate(s)
			return s
		}
	}
	return root.Selection
}

// boilerplate matches the text of blocks that the site repeats on every
// page: the skip link, both banner variants, the logo, the contents link,
// "Back to top", and the sample site's notice.
var boilerplate = regexp.MustCompile(`(?i)^(skip to (main )?content|back to top|contents|print this page|share this page|(iicsa )?independent inquiry into child sexual abuse|sample content:.*|.*\b(helpline|0800 917 1000)\b.*|.*final report was published.*last updated.*|.*website was last updated.*)$`)

func dropBoilerplate(s *goquery.Selection) {
	s.Find(".skip-link, .site-banner, .sample-notice, .back-to-top, .contents-link, .breadcrumb, .breadcrumbs").Remove()
}

func isBoilerplate(text string) bool { return boilerplate.MatchString(text) }

// reportLines returns the report title line and the optional subtitle line
// printed above the page heading.
func reportLines(main, h1 *goquery.Selection) (report, subtitle string) {
	if h1.Length() == 0 {
		return "", ""
	}
	var lines []string
	stop := h1.Get(0)
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c == stop {
				return true
			}
			if c.Type != html.ElementNode {
				continue
			}
			if (blockTags[c.DataAtom] || c.DataAtom == atom.Span || c.DataAtom == atom.Strong) && !hasBlockChild(c) {
				if t := NormaliseSpace(textOf(c)); t != "" && !isBoilerplate(t) {
					lines = append(lines, t)
				}
				continue
			}
			if walk(c) {
				return true
			}
		}
		return false
	}
	for _, n := range main.Nodes {
		walk(n)
	}
	if len(lines) > 0 {
		report = lines[0]
	}
	if len(lines) > 1 {
		subtitle = lines[1]
	}
	return report, subtitle
}

// blocksAfter returns the content blocks that follow the heading (all of
// main's blocks when the heading lies outside main).
func blocksAfter(main, h1 *goquery.Selection) []block {
	var blocks []block
	var stop *html.Node
	if first := main.Find("h1").First(); first.Length() > 0 && h1.Length() > 0 && first.Get(0) == h1.Get(0) {
		stop = h1.Get(0)
	}
	for _, n := range main.Nodes {
		blocks = append(blocks, collectBlocks(n, stop)...)
	}
	out := blocks[:0]
	for _, b := range blocks {
		if b.tag != atom.H1 && !isBoilerplate(b.text) {
			out = append(out, b)
		}
	}
	return out
}

var months = map[string]string{
	"january": "01", "february": "02", "march": "03", "april": "04", "may": "05", "june": "06",
	"july": "07", "august": "08", "september": "09", "october": "10", "november": "11", "december": "12",
}

var dateLine = regexp.MustCompile(`(?i)^(?:published:?\s*|date:?\s*)?(\d{1,2})(?:st|nd|rd|th)? (january|february|march|april|may|june|july|august|september|october|november|december) (\d{4})$`)

// takeDate finds a date line among the first blocks after the heading, as
// landing pages and news articles print one, and removes it.
func takeDate(blocks []block) ([]block, string) {
	for i := 0; i < len(blocks) && i < 3; i++ {
		if d := parseDate(blocks[i].text); d != "" {
			return append(blocks[:i:i], blocks[i+1:]...), d
		}
	}
	return blocks, ""
}

// parseDate reads "2 August 2021" as "2021-08-02", or returns "".
func parseDate(s string) string {
	m := dateLine.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return ""
	}
	day := m[1]
	if len(day) == 1 {
		day = "0" + day
	}
	return m[3] + "-" + months[strings.ToLower(m[2])] + "-" + day
}

func extractLinks(root *goquery.Document, base *url.URL) []string {
	seen := map[string]bool{}
	var links []string
	root.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		u, err := base.Parse(strings.TrimSpace(href))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			return
		}
		u.Fragment = ""
		s := u.String()
		if !seen[s] {
			seen[s] = true
			links = append(links, s)
		}
	})
	return links
}
