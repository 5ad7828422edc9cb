package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// block is one run of text the page presents as a unit: a paragraph, a
// heading, a list item or a caption.
type block struct {
	tag  atom.Atom
	text string
}

// blockTags are the elements whose text is read as one block, unless they
// hold further blocks inside them.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Li: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Figcaption: true, atom.Blockquote: true, atom.Dd: true,
	atom.Dt: true, atom.Td: true, atom.Th: true, atom.Div: true, atom.Section: true, atom.Article: true,
	atom.Pre: true, atom.Address: true,
}

// containers hold blocks but never text of their own worth a block.
var containers = map[atom.Atom]bool{
	atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Table: true, atom.Tbody: true, atom.Thead: true,
	atom.Tr: true, atom.Figure: true,
}

// collectBlocks walks n in document order and returns its blocks. A block
// element that contains other block elements is descended into instead;
// text and inline elements standing beside those inner blocks are gathered
// into blocks of their own.
//
// Only blocks after the heading element h1 are kept (all of them if h1 is
// nil); the heading's own text is not a block.
func collectBlocks(n, h1 *html.Node) []block {
	var out []block
	seen := h1 == nil
	emit := func(b block) {
		if seen {
			out = append(out, b)
		}
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		var loose strings.Builder
		flush := func() {
			if t := NormaliseSpace(loose.String()); t != "" && !containers[n.DataAtom] && n != h1 {
				emit(block{tag: atom.P, text: t})
			}
			loose.Reset()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c == h1 {
				flush()
				seen = true
				if hasBlockChild(c) {
					walk(c) // a broken page nested its text inside the heading
				}
				continue
			}
			switch {
			case c.Type == html.TextNode:
				loose.WriteString(c.Data)
			case c.Type != html.ElementNode:
			case blockTags[c.DataAtom] && !hasBlockChild(c):
				flush()
				if t := NormaliseSpace(textOf(c)); t != "" {
					emit(block{tag: blockTag(c.DataAtom), text: t})
				}
			case blockTags[c.DataAtom] || containers[c.DataAtom] || hasBlockChild(c):
				flush()
				walk(c)
			default:
				loose.WriteString(textOf(c))
			}
		}
		flush()
	}
	walk(n)
	return out
}

// headingText is the text of a heading element up to its first block
// child: all of it on a sound page, only its own words on a broken one.
func headingText(h *html.Node) string {
	var b strings.Builder
	for c := h.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (blockTags[c.DataAtom] || containers[c.DataAtom] || hasBlockChild(c)) {
			break
		}
		b.WriteString(textOf(c))
	}
	return NormaliseSpace(b.String())
}

// blockTag folds the generic block elements into paragraphs.
func blockTag(a atom.Atom) atom.Atom {
	switch a {
	case atom.P, atom.Li, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Figcaption, atom.Blockquote:
		return a
	}
	return atom.P
}

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (blockTags[c.DataAtom] || containers[c.DataAtom]) {
			return true
		}
		if c.Type == html.ElementNode && hasBlockChild(c) {
			return true
		}
	}
	return false
}

// textOf returns the text of n and its descendants, with a space where a
// line break element stood.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
		case html.ElementNode:
			if n.DataAtom == atom.Br {
				b.WriteByte(' ')
			}
			if n.DataAtom == atom.Img {
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// NormaliseSpace collapses runs of white space (including non-breaking
// spaces) into one space and trims the ends.
func NormaliseSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\u00a0' || r == '\u200b'
	}), " ")
}
