package corpus

import (
	"regexp"
)

// URNPattern matches an evidence reference: three capital letters, six
// digits and optional page parts (HOM003339, HOM003339_078_093).
var URNPattern = regexp.MustCompile(`\b[A-Z]{3}\d{6}(?:_\d{3}(?:_\d{3})?)?\b`)

// References returns the distinct evidence references in text, in order.
func References(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range URNPattern.FindAllString(text, -1) {
		if !seen[m] {
			seen[m] = true
			out = append(out, m)
		}
	}
	return out
}

// ParagraphURNs returns, for each paragraph of d, the evidence references
// it cites through its footnotes or names in its own text, as written,
// each once, in first-cited order. The index holds each under the terms
// URNTerms gives.
func ParagraphURNs(d *Document) [][]string {
	byNumber := map[int][]string{}
	for _, f := range d.Footnotes {
		byNumber[f.Number] = append(byNumber[f.Number], f.References...)
	}
	out := make([][]string, len(d.Paragraphs))
	for i, p := range d.Paragraphs {
		var urns []string
		for _, n := range p.Footnotes {
			urns = append(urns, byNumber[n]...)
		}
		urns = append(urns, References(p.Text)...)
		seen := map[string]bool{}
		for _, u := range urns {
			if !seen[u] {
				seen[u] = true
				out[i] = append(out[i], u)
			}
		}
	}
	return out
}
