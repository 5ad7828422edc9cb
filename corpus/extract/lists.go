package extract

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// paragraphListWords is the average length, in words, of the items of an
// <ol> that numbers a report's paragraphs rather than listing short points.
const paragraphListWords = 12

// numberLists writes the numbers an <ol> renders into its items' text, so
// paragraphs numbered by a CMS's list read as "12. …" like printed ones.
// A top-level ordered list whose items are paragraphs (or that sets start
// or value, as CMSs continuing a numbering do) numbers paragraphs; a
// lettered or roman list, or any list inside an item, labels
// sub-paragraphs "(a) …". Items that already print a number are left alone.
func numberLists(root *html.Node) {
	var walk func(n *html.Node, inItem bool)
	walk = func(n *html.Node, inItem bool) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Ol {
			labelItems(n, inItem)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inItem || n.Type == html.ElementNode && n.DataAtom == atom.Li)
		}
	}
	walk(root, false)
}

func labelItems(ol *html.Node, inItem bool) {
	kind, _ := attr(ol, "type")
	items := childItems(ol)
	if len(items) == 0 {
		return
	}
	next := 1
	explicit := false
	if s, ok := attr(ol, "start"); ok {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
			next, explicit = n, true
		}
	}
	lettered := kind == "a" || kind == "A" || kind == "i" || kind == "I"
	if !lettered {
		if inItem {
			return // a nested decimal list repeats or continues its parent's number
		}
		words := 0
		for _, li := range items {
			words += len(strings.Fields(textOf(li)))
			if _, ok := attr(li, "value"); ok {
				explicit = true
			}
		}
		if !explicit && words < paragraphListWords*len(items) {
			return
		}
	}
	for _, li := range items {
		if v, ok := attr(li, "value"); ok {
			if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
				next = n
			}
		}
		label := strconv.Itoa(next) + ". "
		if lettered {
			label = "(" + listLabel(kind, next) + ") "
		}
		next++
		text := NormaliseSpace(textOf(li))
		if numbered.MatchString(text) || subLabel.MatchString(text) {
			continue
		}
		if first := firstText(li); first != nil {
			first.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: label}, first)
		}
	}
}

func childItems(ol *html.Node) []*html.Node {
	var out []*html.Node
	for c := ol.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Li {
			out = append(out, c)
		}
	}
	return out
}

// firstText is the first text node under n that holds more than space.
func firstText(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return c
		}
		if c.Type == html.ElementNode {
			if t := firstText(c); t != nil {
				return t
			}
		}
	}
	return nil
}

// listLabel renders n as an ordered list of the given type shows it.
func listLabel(kind string, n int) string {
	switch kind {
	case "a", "A":
		s := ""
		for ; n > 0; n = (n - 1) / 26 {
			s = string(rune('a'+(n-1)%26)) + s
		}
		return s
	case "i", "I":
		return roman(n)
	}
	return strconv.Itoa(n)
}

func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v && b.Len() < 20 {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
