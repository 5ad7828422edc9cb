package search

import (
	"html"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// SnippetLength is the length of a snippet in bytes of source text, before
// escaping; it is cut at word boundaries.
const SnippetLength = 280

// span is a matched byte range of one paragraph's text.
type span struct {
	start, end int
	term       string
}

// bestSnippet cuts the snippet from the best of the ranked paragraphs
// (rankParagraphs); with no match in any paragraph it shows the opening
// of the first paragraph that is not a heading.
func bestSnippet(doc *corpus.Document, spans map[int][]span, ranked []int) string {
	if len(ranked) == 0 {
		for _, p := range doc.Paragraphs {
			if !p.Heading {
				return Snippet(p.Text, nil, SnippetLength)
			}
		}
		if len(doc.Paragraphs) > 0 {
			return Snippet(doc.Paragraphs[0].Text, nil, SnippetLength)
		}
		return ""
	}
	return Snippet(doc.Paragraphs[ranked[0]].Text, spans[ranked[0]], SnippetLength)
}

// Snippet returns a window of text of about max bytes around the first
// match, HTML-escaped, with each matched span wrapped in <mark>. Nothing of
// text is passed through unescaped, so markup in crawled pages stays inert.
func Snippet(text string, spans []span, max int) string {
	spans = cleanSpans(text, spans)
	from, to := 0, len(text)
	if len(spans) > 0 {
		// Start a little before the first match so that it has context.
		from = spans[0].start - max/4
	}
	if from < 0 {
		from = 0
	}
	if to-from > max {
		to = from + max
	}
	if len(spans) > 0 && to < spans[0].end {
		to = spans[0].end
	}
	from, to = wordStart(text, from), wordEnd(text, to)

	var b strings.Builder
	if from > 0 {
		b.WriteString("… ")
	}
	pos := from
	for _, s := range spans {
		if s.start < from || s.end > to {
			continue
		}
		b.WriteString(escape(text[pos:s.start]))
		b.WriteString("<mark>")
		b.WriteString(escape(text[s.start:s.end]))
		b.WriteString("</mark>")
		pos = s.end
	}
	b.WriteString(escape(text[pos:to]))
	if to < len(text) {
		b.WriteString(" …")
	}
	return b.String()
}

func escape(s string) string {
	return html.EscapeString(strings.ReplaceAll(s, "\n", " "))
}

// cleanSpans sorts spans, drops any outside text or not on rune boundaries,
// and merges overlapping ones (a word matched by both the stemmed and the
// exact field).
func cleanSpans(text string, spans []span) []span {
	var ok []span
	for _, s := range spans {
		if s.start >= 0 && s.end <= len(text) && s.start < s.end &&
			utf8.RuneStart(text[s.start]) && (s.end == len(text) || utf8.RuneStart(text[s.end])) {
			ok = append(ok, s)
		}
	}
	sort.Slice(ok, func(i, j int) bool { return ok[i].start < ok[j].start })
	var out []span
	for _, s := range ok {
		if n := len(out); n > 0 && s.start <= out[n-1].end {
			if s.end > out[n-1].end {
				out[n-1].end = s.end
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

// wordStart moves i back to the start of the word it falls in.
func wordStart(text string, i int) int {
	if i <= 0 {
		return 0
	}
	for i > 0 && !isSpace(text[i-1]) {
		i--
	}
	return i
}

// wordEnd moves i forward to the end of the word it falls in.
func wordEnd(text string, i int) int {
	if i >= len(text) {
		return len(text)
	}
	for i < len(text) && !isSpace(text[i]) {
		i++
	}
	return i
}

func isSpace(b byte) bool { return b == ' ' || b == '\n' || b == '\t' }
