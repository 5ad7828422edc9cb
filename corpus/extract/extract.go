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
// when pageURL is unusable or gaz is nil. The Document's Extraction says how
// the page was read and what looked wrong.
func Extract(body []byte, pageURL string, gaz *corpus.Gazetteer) (*corpus.Document, error) {
	doc, _, err := read(body, pageURL, gaz, nil)
	return doc, err
}

// read is Extract, telling t (when not nil) what it does with each block.
func read(body []byte, pageURL string, gaz *corpus.Gazetteer, t *Trace) (*corpus.Document, *Trace, error) {
	if gaz == nil {
		return nil, nil, fmt.Errorf("extract %s: no gazetteer", pageURL)
	}
	base, err := url.Parse(pageURL)
	if err != nil {
		return nil, nil, fmt.Errorf("extract %s: %w", pageURL, err)
	}
	canonical, err := corpus.Canonical(pageURL)
	if err != nil {
		return nil, nil, fmt.Errorf("extract: %w", err)
	}
	root, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		return nil, nil, fmt.Errorf("extract %s: parse html: %w", pageURL, err)
	}
	if href, ok := root.Find("base[href]").First().Attr("href"); ok {
		if b, err := base.Parse(href); err == nil {
			base = b
		}
	}

	doc := &corpus.Document{ID: corpus.IDFor(canonical), URL: canonical}
	doc.Links = extractLinks(root, base)
	title := NormaliseSpace(root.Find("title").First().Text())

	page := root.Nodes[0]
	if b := firstElement(page, atom.Body); b != nil {
		page = b
	}
	removed := stripChrome(page)
	targets := normaliseMarkers(page)
	footnotes, notesAt := findNotes(page, targets)
	h1 := firstElement(page, atom.H1)
	content := chooseContent(page, h1)
	numberLists(content)
	if h := firstElement(content, atom.H1); h != nil {
		h1 = h
	}
	t.printf("chrome: %d elements removed (navigation, banners, headers, footers, skip links, ...)", removed)
	t.printf("content: %s", describe(content))
	if notesAt != "" {
		t.printf("footnotes: %d read from %s", len(footnotes), notesAt)
	} else {
		t.printf("footnotes: none found")
	}
	if h1 != nil {
		doc.Heading = headingText(h1)
		t.printf("heading: %q", doc.Heading)
	} else {
		t.printf("heading: no h1")
	}
	doc.Report, doc.Subtitle = reportLines(reportScope(content, h1), h1)
	if doc.Report != "" {
		t.printf("report: %q", doc.Report)
	}

	blocks := blocksAfter(content, h1, t)
	blocks, doc.Published = takeDate(blocks)
	if doc.Published != "" {
		t.printf("published: %s", doc.Published)
	}
	doc.Paragraphs, footnotes = buildParagraphs(blocks, footnotes, t)
	doc.Footnotes = footnotes

	doc.Title = doc.Heading
	if doc.Title == "" {
		doc.Title = doc.Report
	}
	if doc.Title == "" {
		doc.Title = title
	}
	doc.Section = sectionCode(doc.Heading)
	doc.Type = classify(canonical, doc.Heading, doc.Report)
	doc.Investigation = corpus.InvestigationFor(doc.Report, canonical)
	if doc.Report == "" && doc.Type == corpus.TypeInvestigationReport {
		doc.Report = doc.Heading
		doc.Investigation = corpus.InvestigationFor(doc.Report, canonical)
	}
	readResponse(doc)

	finishDocument(doc, gaz, doc.Heading)
	doc.Extraction = record(doc, "html", describe(content))
	return doc, t, nil
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

// reportScope is where the report title line is looked for: the content
// when it holds the heading, else the smallest element holding both.
func reportScope(content, h1 *html.Node) *html.Node {
	if h1 == nil || contains(content, h1) {
		return content
	}
	for n := content; n != nil; n = n.Parent {
		if contains(n, h1) {
			return n
		}
	}
	return content
}

// reportLines returns the report title line and the optional subtitle line
// printed above the page heading.
func reportLines(scope, h1 *html.Node) (report, subtitle string) {
	if h1 == nil {
		return "", ""
	}
	var lines []string
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c == h1 {
				return true
			}
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.Li || c.DataAtom == atom.Ul || c.DataAtom == atom.Ol {
				continue // a menu above the heading, never the report's title
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
	walk(scope)
	if len(lines) > 0 {
		report = lines[0]
	}
	if len(lines) > 1 {
		subtitle = lines[1]
	}
	return report, subtitle
}

// blocksAfter returns the content blocks that follow the heading (all of
// the content's blocks when the heading lies outside it).
func blocksAfter(content, h1 *html.Node, t *Trace) []block {
	var stop *html.Node
	if h1 != nil && contains(content, h1) {
		stop = h1
	}
	blocks := collectBlocks(content, stop)
	out := blocks[:0]
	for _, b := range blocks {
		switch {
		case b.tag == atom.H1:
		case isBoilerplate(b.text):
			t.printf("  chrome      %s", clip(b.text))
		default:
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
