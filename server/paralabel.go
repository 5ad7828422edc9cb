package server

import "strings"

// Paragraphs the inquiry left unnumbered (a page's introduction, text
// under a heading before its numbered paragraphs, notices) are numbered
// by the index "u1", "u2", ... in page order, so that each can still be
// linked (#p-u1) and cited. A reader sees them named in words.

// paraLabel names a paragraph in running text: "paragraph 9", or
// "unnumbered paragraph 3" for "u3".
func paraLabel(number string) string {
	if n, ok := unnumbered(number); ok {
		return "unnumbered paragraph " + n
	}
	return "paragraph " + number
}

// paraShort names a paragraph in a list of links: "¶9", or "unnumbered
// ¶3" for "u3".
func paraShort(number string) string {
	if n, ok := unnumbered(number); ok {
		return "unnumbered ¶" + n
	}
	return "¶" + number
}

// unnumbered tells whether a paragraph number is one the index gave
// ("u3"), and returns its count among the page's unnumbered paragraphs.
func unnumbered(number string) (string, bool) {
	n, ok := strings.CutPrefix(number, "u")
	if !ok || n == "" || strings.Trim(n, "0123456789") != "" {
		return "", false
	}
	return n, true
}
