package extract

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// neverContent are elements whose text is never the page's: code, media,
// controls. They go before anything is measured.
var neverContent = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Iframe: true,
	atom.Object: true, atom.Embed: true, atom.Svg: true, atom.Button: true, atom.Select: true,
	atom.Input: true, atom.Textarea: true, atom.Link: true, atom.Meta: true,
}

// chromeTags and chromeRoles mark the site's furniture by structure.
var chromeTags = map[atom.Atom]bool{atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Dialog: true}

var chromeRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "search": true, "complementary": true,
	"dialog": true, "alertdialog": true, "menu": true, "menubar": true, "toolbar": true,
}

// chromeWords match a word of an element's class or id that names site
// furniture, whatever the rest of the name: govuk-phase-banner,
// block-breadcrumbs, cookie-compliance, wb-share-bar, related-links.
var chromeWords = regexp.MustCompile(`(?i)(?:^|[\s_-])(?:skip|skiplinks?|skip-link|breadcrumbs?|cookies?|cookiebanner|share|sharing|sharethis|social|related|banner|navbar|nav|navigation|menu|sidebar|toolbar|masthead|feedback|backtotop|back-to-top|print|pager|pagination|webarchive|ukgwa|wayback|header|footer|copyright)(?:$|[\s_-])`)

// hiddenClasses hide an element from sight, leaving it to screen readers:
// "Skip to main content", "You are here", "Footnote". Only whole class
// names count, so field--label-hidden does not.
var hiddenClasses = map[string]bool{
	"hidden": true, "visually-hidden": true, "govuk-visually-hidden": true, "sr-only": true,
	"element-invisible": true, "screen-reader-text": true, "offscreen": true,
}

// chromeText matches the whole text of a short block that sites repeat on
// every page, in any markup: skip links, banners, cookie notices, "Back to
// top", share prompts, the web archive's banner and the sample's notice.
var chromeText = regexp.MustCompile(`(?i)^(?:skip to (?:the )?(?:main )?content|back to top|top of page|contents|table of contents|menu|search|home|back|print this page|share this page|share|(?:iicsa )?independent inquiry into child sexual abuse|sample content:.*|.*\b(?:helpline|0800 917 1000)\b.*|.*final report was published.*last updated.*|.*website was last updated.*|.*\bwe use (?:some )?(?:essential )?cookies\b.*|.*\bcookies? (?:policy|settings|on (?:this|our) (?:site|website))\b.*|is this page useful\??.*|.*\bUK Government Web Archive\b.*|.*\b(?:this|the) (?:page|website) (?:has been|was|is) archived\b.*|related (?:content|links|pages)|you are here:?.*)$`)

func isBoilerplate(text string) bool { return len(text) < 400 && chromeText.MatchString(text) }

// stripChrome removes what is not the page's content: code and controls
// everywhere, then navigation, banners, headers, footers and the like by
// tag, role and class or id words. An element that holds the page's heading
// or more than half its prose is never removed, however it is named: a
// whole page wrapped in <form> or <div class="page-wrapper nav-open"> stays.
func stripChrome(root *html.Node) (removed int) {
	removeAll(root, func(n *html.Node) bool { return n.Type == html.CommentNode || neverContent[n.DataAtom] })
	h1 := firstElement(root, atom.H1)
	m := measure(root)
	total := m.prose[root]
	removeAll(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode || n.DataAtom == atom.Body || n.DataAtom == atom.Html || n.DataAtom == atom.Main {
			return false
		}
		if !isChrome(n) {
			return false
		}
		if h1 != nil && contains(n, h1) || total > 0 && m.prose[n]*2 > total {
			return false
		}
		removed++
		return true
	})
	return removed
}

func isChrome(n *html.Node) bool {
	if chromeTags[n.DataAtom] {
		return true
	}
	if _, ok := attr(n, "hidden"); ok {
		return true
	}
	if r, _ := attr(n, "role"); chromeRoles[strings.ToLower(strings.TrimSpace(r))] {
		return true
	}
	cls, _ := attr(n, "class")
	for _, c := range strings.Fields(cls) {
		if hiddenClasses[strings.ToLower(c)] {
			return true
		}
	}
	id, _ := attr(n, "id")
	return chromeWords.MatchString(cls) || chromeWords.MatchString(id)
}

// removeAll detaches every node for which drop is true, without descending
// into what it removed.
func removeAll(n *html.Node, drop func(*html.Node) bool) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if drop(c) {
			n.RemoveChild(c)
		} else {
			removeAll(c, drop)
		}
		c = next
	}
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func contains(outer, inner *html.Node) bool {
	for n := inner; n != nil; n = n.Parent {
		if n == outer {
			return true
		}
	}
	return false
}

// firstElement returns the first element of type a under n in document order.
func firstElement(n *html.Node, a atom.Atom) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == a {
			return c
		}
		if f := firstElement(c, a); f != nil {
			return f
		}
	}
	return nil
}
