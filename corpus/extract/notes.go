package extract

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/inquirysearch/inquirysearch/corpus"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// markerText is the text of an element that is only a footnote marker:
// "3", "[3]", "(3)", and GOV.UK's "[footnote 3]".
var markerText = regexp.MustCompile(`(?i)^[\[(]?(?:footnote\s+)?(\d{1,3})[\])]?$`)

// knownNoteBlocks are class and id names publishing systems give a
// footnote list. They only shortcut the structural search below.
var knownNoteBlocks = regexp.MustCompile(`(?i)(?:^|[\s_-])(?:footnotes?|endnotes?|footnote-list|notes)(?:$|[\s_-])`)

// normaliseMarkers rewrites every footnote marker the page marks up (a
// <sup> holding a number, a link to an in-page anchor whose text is a
// number) as the plain "[n]" the paragraph reader understands, and returns
// the anchors they point to, which are the footnotes' entries.
func normaliseMarkers(root *html.Node) (targets map[string]bool) {
	targets = map[string]bool{}
	var found []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.DataAtom == atom.Sup || n.DataAtom == atom.A) {
			if markerText.MatchString(strings.TrimSpace(textOf(n))) {
				href, _ := attr(n, "href")
				if n.DataAtom == atom.A {
					if !strings.HasPrefix(href, "#") && !strings.Contains(href, "#") {
						goto descend
					}
				} else if a := firstElement(n, atom.A); a != nil {
					href, _ = attr(a, "href")
				}
				if i := strings.IndexByte(href, '#'); i >= 0 {
					targets[href[i+1:]] = true
				}
				found = append(found, n)
				return
			}
		}
	descend:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	for _, n := range found {
		num := markerText.FindStringSubmatch(strings.TrimSpace(textOf(n)))[1]
		n.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: " [" + num + "]"}, n)
		n.Parent.RemoveChild(n)
	}
	return targets
}

// findNotes finds the page's footnotes by structure, whatever their class:
// a block named as footnotes, else the list or block holding the entries
// the markers link to, else a trailing list whose entries the text's "[n]"
// markers number or that carries evidence references. It removes the block
// from the page, so footnote text never joins a paragraph.
func findNotes(root *html.Node, targets map[string]bool) (notes []corpus.Footnote, where string) {
	block := knownBlock(root)
	if block == nil {
		block = targetBlock(root, targets)
	}
	if block == nil {
		block = trailingBlock(root)
	}
	if block == nil {
		return nil, ""
	}
	where = describe(block)
	notes = readNotes(block)
	if block.Parent != nil {
		block.Parent.RemoveChild(block)
	}
	return notes, where
}

func knownBlock(root *html.Node) *html.Node {
	var found *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if found != nil {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom != atom.Body && n.DataAtom != atom.Main && n.DataAtom != atom.Article {
			cls, _ := attr(n, "class")
			id, _ := attr(n, "id")
			role, _ := attr(n, "role")
			if (knownNoteBlocks.MatchString(cls) || knownNoteBlocks.MatchString(id) || role == "doc-endnotes") && len(entries(n)) > 0 {
				found = n
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return found
}

// targetBlock returns the element that holds most of the markers' targets
// as its entries.
func targetBlock(root *html.Node, targets map[string]bool) *html.Node {
	if len(targets) == 0 {
		return nil
	}
	votes := map[*html.Node]int{}
	var best *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if id, ok := attr(n, "id"); ok && targets[id] {
				entry := n
				for entry != nil && !isEntry(entry) {
					entry = entry.Parent
				}
				if entry != nil && entry.Parent != nil {
					b := entry.Parent
					votes[b]++
					if best == nil || votes[b] > votes[best] {
						best = b
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	if best == nil || best.DataAtom == atom.Body || best.DataAtom == atom.Main {
		return nil
	}
	return best
}

func isEntry(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Li, atom.P, atom.Div, atom.Dd, atom.Dt, atom.Section, atom.Aside:
		return true
	}
	return false
}

var (
	bracketMarker = regexp.MustCompile(`\[\d{1,3}\]`)
	leadingNumber = regexp.MustCompile(`^[\[(]?(\d{1,3})[\]).:]?\s+`)
)

// trailingBlock finds a list after the last paragraph that cites a note,
// whose entries the markers can number or which carries evidence
// references, as unmarked footnote lists do.
func trailingBlock(root *html.Node) *html.Node {
	var lastMarker *html.Node
	var lists []*html.Node
	order := map[*html.Node]int{}
	i := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		i++
		order[n] = i
		if n.Type == html.TextNode && bracketMarker.MatchString(n.Data) {
			lastMarker = n
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Ol || n.DataAtom == atom.Ul) {
			lists = append(lists, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	if lastMarker == nil {
		return nil
	}
	for k := len(lists) - 1; k >= 0; k-- {
		l := lists[k]
		if order[l] < order[lastMarker] || contains(l, lastMarker) {
			break
		}
		es := entries(l)
		refs := 0
		for _, e := range es {
			if len(corpus.References(textOf(e))) > 0 {
				refs++
			}
		}
		if len(es) > 0 && (l.DataAtom == atom.Ol || refs*2 >= len(es)) {
			return l
		}
	}
	return nil
}

// entries are a note block's items: its list items, or its child blocks.
func entries(block *html.Node) []*html.Node {
	var lis []*html.Node
	var findLis func(*html.Node)
	findLis = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.Li {
				lis = append(lis, c)
				continue
			}
			findLis(c)
		}
	}
	findLis(block)
	if len(lis) > 0 {
		return lis
	}
	var out []*html.Node
	for c := block.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && isEntry(c) && strings.TrimSpace(textOf(c)) != "" {
			out = append(out, c)
		}
	}
	return out
}

var (
	trailingDigits = regexp.MustCompile(`(\d+)$`)
	backLink       = regexp.MustCompile(`\s*(?:↩︎?|\^|↑|back to (?:content|text)|return to (?:content|text))\s*$`)
)

// readNotes numbers a block's entries by their anchor ids, else by a
// number printed at their start, else by their list position.
func readNotes(block *html.Node) []corpus.Footnote {
	var out []corpus.Footnote
	start := 1
	if block.DataAtom == atom.Ol {
		if s, ok := attr(block, "start"); ok {
			if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
				start = n
			}
		}
	}
	for i, e := range entries(block) {
		n := start + i
		text := NormaliseSpace(textOf(e))
		if m := leadingNumber.FindStringSubmatch(text); m != nil {
			n, _ = strconv.Atoi(m[1])
			text = text[len(m[0]):]
		} else if id, ok := attr(e, "id"); ok {
			if m := trailingDigits.FindStringSubmatch(id); m != nil {
				n, _ = strconv.Atoi(m[1])
			}
		} else if v, ok := attr(e, "value"); ok {
			if k, err := strconv.Atoi(v); err == nil {
				n = k
			}
		}
		for {
			t := strings.TrimSpace(backLink.ReplaceAllString(text, ""))
			if t == text {
				break
			}
			text = t
		}
		if text == "" {
			continue
		}
		out = append(out, corpus.Footnote{Number: n, Text: text, References: corpus.References(text)})
	}
	return out
}
