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
	// olNumber is a paragraph a list can number: a single-level number.
	olNumber = regexp.MustCompile(`^(\d+)\.\s(.*)$`)
	// letteredLine is a sub-paragraph, "(a) text" or "(iv) text".
	letteredLine = regexp.MustCompile(`^\(([a-z]|[ivx]{1,4})\)\s(.*)$`)
)

// style is how a publishing system marks up a page's body: the sample's
// own layout, or one of the shells real sites print (see shells.go).
type style struct {
	// marker renders footnote marker n; numberSep follows a paragraph's
	// printed number; olNumbers numbers paragraphs with <ol> lists instead;
	// letterLists prints lettered sub-paragraphs as an <ol type="a">, nested
	// in the paragraph's item when paragraphs are a list, rather than as
	// paragraphs that print their own "(a)".
	marker      func(n string) string
	numberSep   string
	olNumbers   bool
	letterLists bool
}

var sampleStyle = style{
	marker: func(n string) string {
		return `<sup class="footnote-ref"><a href="#fn-` + n + `" id="fnref-` + n + `">[` + n + `]</a></sup>`
	},
	numberSep: " ",
}

// inline escapes a text line and turns the format's link and footnote
// markup into HTML.
func inline(s string, st style) string {
	var b strings.Builder
	last := 0
	for _, m := range linkMarkup.FindAllStringSubmatchIndex(s, -1) {
		b.WriteString(st.markers(html.EscapeString(s[last:m[0]])))
		text, href := s[m[2]:m[3]], s[m[4]:m[5]]
		b.WriteString(`<a href="` + html.EscapeString(href) + `">` + html.EscapeString(text) + `</a>`)
		last = m[1]
	}
	b.WriteString(st.markers(html.EscapeString(s[last:])))
	return b.String()
}

func (st style) markers(escaped string) string {
	return footnoteMark.ReplaceAllStringFunc(escaped, func(m string) string {
		return st.marker(footnoteMark.FindStringSubmatch(m)[1])
	})
}

// renderBody turns body lines into HTML.
func renderBody(lines []string, st style) template.HTML {
	var b strings.Builder
	inList, inOl, inLetters := false, false, false
	closeList := func() {
		if inList {
			b.WriteString("</ul>\n")
			inList = false
		}
		if inLetters {
			b.WriteString("</ol>\n")
			inLetters = false
		}
	}
	closeOl := func() {
		closeList()
		if inOl {
			b.WriteString("</li></ol>\n")
			inOl = false
		}
	}
	for _, line := range lines {
		t := strings.TrimSpace(line)
		switch {
		case st.letterLists && letteredLine.MatchString(t):
			if inList && !inLetters {
				closeList()
			}
			m := letteredLine.FindStringSubmatch(t)
			if !inLetters {
				kind := "a"
				if m[1] == "i" { // a run that starts at (i) is numbered in roman
					kind = "i"
				}
				b.WriteString(`<ol type="` + kind + `">` + "\n")
				inLetters = true
			}
			b.WriteString("<li>" + inline(m[2], st) + "</li>\n")
			continue
		case inLetters:
			closeList()
		}
		switch {
		case strings.HasPrefix(t, "- "):
			if !inList {
				b.WriteString("<ul>\n")
				inList = true
			}
			b.WriteString("<li>" + inline(t[2:], st) + "</li>\n")
			continue
		case st.olNumbers && olNumber.MatchString(t):
			m := olNumber.FindStringSubmatch(t)
			closeList()
			if inOl {
				b.WriteString("</li>\n<li>")
			} else {
				b.WriteString(`<ol class="paras" start="` + m[1] + `"><li>`)
				inOl = true
			}
			b.WriteString(inline(m[2], st))
			continue
		}
		closeOl()
		switch {
		case strings.HasPrefix(t, "<"):
			b.WriteString(t + "\n")
		case strings.HasPrefix(t, "### "):
			b.WriteString("<h3>" + inline(t[4:], st) + "</h3>\n")
		case strings.HasPrefix(t, "## "):
			b.WriteString("<h2>" + inline(t[3:], st) + "</h2>\n")
		case figureLine.MatchString(t):
			caption := figureLine.FindStringSubmatch(t)[1]
			b.WriteString(`<figure><img src="/sites/default/files/sample-figure.png" alt="">` +
				"<figcaption>" + inline(caption, st) + "</figcaption></figure>\n")
		case numberedLine.MatchString(t):
			n := numberedLine.FindString(t)
			b.WriteString(`<p class="numbered">` + inline(strings.TrimSpace(n)+st.numberSep+t[len(n):], st) + "</p>\n")
		default:
			b.WriteString("<p>" + inline(t, st) + "</p>\n")
		}
	}
	closeOl()
	return template.HTML(b.String())
}

// renderFootnotes turns "N. text" footnote lines into list items.
func renderFootnotes(lines []string, st style) []template.HTML {
	out := make([]template.HTML, 0, len(lines))
	for _, line := range lines {
		text := line
		if loc := numberedLine.FindStringIndex(line); loc != nil {
			text = line[loc[1]:]
		}
		out = append(out, template.HTML(inline(text, st)))
	}
	return out
}
