package samplesite

import (
	"html"
	"html/template"
	"regexp"
	"strings"
)

var (
	numberedLine = regexp.MustCompile(`^\d+(\.\d+)*\.\s`)
	linkMarkup   = regexp.MustCompile(`\[\[([^|\]]+)\|([^\]]+)\]\]`)
	footnoteMark = regexp.MustCompile(`\[(\d+)\]`)
	figureLine   = regexp.MustCompile(`^\[figure:\s*(.*)\]$`)
)

// inline escapes a text line and turns the format's link and footnote
// markup into HTML.
func inline(s string) string {
	var b strings.Builder
	last := 0
	for _, m := range linkMarkup.FindAllStringSubmatchIndex(s, -1) {
		b.WriteString(markers(html.EscapeString(s[last:m[0]])))
		text, href := s[m[2]:m[3]], s[m[4]:m[5]]
		b.WriteString(`<a href="` + html.EscapeString(href) + `">` + html.EscapeString(text) + `</a>`)
		last = m[1]
	}
	b.WriteString(markers(html.EscapeString(s[last:])))
	return b.String()
}

func markers(escaped string) string {
	return footnoteMark.ReplaceAllString(escaped, `<sup class="footnote-ref"><a href="#fn-$1" id="fnref-$1">[$1]</a></sup>`)
}

// renderBody turns body lines into HTML.
func renderBody(lines []string) template.HTML {
	var b strings.Builder
	inList := false
	closeList := func() {
		if inList {
			b.WriteString("</ul>\n")
			inList = false
		}
	}
	for _, line := range lines {
		t := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(t, "- "):
			if !inList {
				b.WriteString("<ul>\n")
				inList = true
			}
			b.WriteString("<li>" + inline(t[2:]) + "</li>\n")
			continue
		}
		closeList()
		switch {
		case strings.HasPrefix(t, "<"):
			b.WriteString(t + "\n")
		case strings.HasPrefix(t, "### "):
			b.WriteString("<h3>" + inline(t[4:]) + "</h3>\n")
		case strings.HasPrefix(t, "## "):
			b.WriteString("<h2>" + inline(t[3:]) + "</h2>\n")
		case figureLine.MatchString(t):
			caption := figureLine.FindStringSubmatch(t)[1]
			b.WriteString(`<figure><img src="/sites/default/files/sample-figure.png" alt="">` +
				"<figcaption>" + inline(caption) + "</figcaption></figure>\n")
		case numberedLine.MatchString(t):
			b.WriteString(`<p class="numbered">` + inline(t) + "</p>\n")
		default:
			b.WriteString("<p>" + inline(t) + "</p>\n")
		}
	}
	closeList()
	return template.HTML(b.String())
}

// renderFootnotes turns "N. text" footnote lines into list items.
func renderFootnotes(lines []string) []template.HTML {
	out := make([]template.HTML, 0, len(lines))
	for _, line := range lines {
		text := line
		if loc := numberedLine.FindStringIndex(line); loc != nil {
			text = line[loc[1]:]
		}
		out = append(out, template.HTML(inline(text)))
	}
	return out
}
