package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// proseShare is the share of the page's prose the chosen content element
// must hold. Below it the element is too narrow (an empty skip-link target,
// a lead paragraph); the innermost element at or above it is the content
// without the furniture around it.
const proseShare = 0.6

// measures holds, for each element, the letters of its prose: text that is
// not link text, so a menu of links weighs nothing however long, and not
// a block of boilerplate (a banner, a notice), so a short page's own text
// still outweighs the furniture around it.
type measures struct {
	prose map[*html.Node]int
}

func measure(root *html.Node) measures {
	m := measures{prose: map[*html.Node]int{}}
	var walk func(n *html.Node, inLink bool) int
	walk = func(n *html.Node, inLink bool) int {
		total := 0
		if n.Type == html.TextNode && !inLink {
			for _, r := range n.Data {
				if unicode.IsLetter(r) {
					total++
				}
			}
		}
		link := inLink || n.Type == html.ElementNode && n.DataAtom == atom.A
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			total += walk(c, link)
		}
		if n.Type == html.ElementNode && blockTags[n.DataAtom] && total > 0 && total < 400 && !hasBlockChild(n) &&
			isBoilerplate(NormaliseSpace(textOf(n))) {
			total = 0
		}
		m.prose[n] = total
		return total
	}
	walk(root, false)
	return m
}

// chooseContent picks the element holding the page's own text: the
// innermost of the usual content landmarks (#main-content, main,
// [role=main], article) and the ancestors of the page's h1 that holds at
// least proseShare of the page's prose. An empty anchor named main-content,
// as Drupal 8 places inside <main>, holds none and is never chosen.
func chooseContent(body, h1 *html.Node) *html.Node {
	m := measure(body)
	total := m.prose[body]
	if total == 0 {
		return body
	}
	candidates := map[*html.Node]bool{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && isLandmark(n) {
			candidates[n] = true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(body)
	if h1 != nil {
		for n := h1.Parent; n != nil && n != body; n = n.Parent {
			candidates[n] = true
		}
	}
	best, bestDepth := body, 0
	for n := range candidates {
		if float64(m.prose[n]) < proseShare*float64(total) {
			continue
		}
		if d := depth(n); d > bestDepth {
			best, bestDepth = n, d
		}
	}
	return best
}

func isLandmark(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Main, atom.Article:
		return true
	}
	if r, _ := attr(n, "role"); r == "main" || r == "article" {
		return true
	}
	if p, _ := attr(n, "itemprop"); p == "articleBody" {
		return true
	}
	id, _ := attr(n, "id")
	switch strings.ToLower(id) {
	case "main-content", "maincontent", "main", "content":
		return true
	}
	return false
}

func depth(n *html.Node) int {
	d := 0
	for ; n != nil; n = n.Parent {
		d++
	}
	return d
}

// describe names an element the way a stylesheet would: main#main-content,
// div.field--name-body.
func describe(n *html.Node) string {
	if n == nil || n.Type != html.ElementNode {
		return "document"
	}
	s := n.Data
	if id, ok := attr(n, "id"); ok && id != "" {
		s += "#" + id
	}
	if cls, ok := attr(n, "class"); ok {
		if f := strings.Fields(cls); len(f) > 0 {
			s += "." + f[0]
		}
	}
	return s
}
