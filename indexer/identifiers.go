package indexer

import (
	"strings"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// paragraphReferences returns, for each paragraph of d, the space-separated
// terms of the evidence references it cites through its footnotes or names
// in its own text. Ciphers never count: their pattern cannot match a URN.
func paragraphReferences(d *corpus.Document) []string {
	urns := corpus.ParagraphURNs(d)
	out := make([]string, len(d.Paragraphs))
	for i := range d.Paragraphs {
		out[i] = joinUnique(urns[i], corpus.URNTerms)
	}
	return out
}

// paragraphCiphers returns, for each paragraph of d, the space-separated
// cipher codes its text names.
func paragraphCiphers(d *corpus.Document) []string {
	out := make([]string, len(d.Paragraphs))
	for i, p := range d.Paragraphs {
		out[i] = joinUnique(corpus.CipherPattern.FindAllString(p.Text, -1), func(c string) []string {
			return []string{corpus.NormaliseCipher(c)}
		})
	}
	return out
}

// joinUnique expands each value into its terms and joins the distinct ones
// with spaces, in first-seen order.
func joinUnique(values []string, terms func(string) []string) string {
	seen := map[string]bool{}
	var out []string
	for _, v := range values {
		for _, t := range terms(v) {
			if t != "" && !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	return strings.Join(out, " ")
}

// anyNonEmpty reports whether a per-paragraph array holds anything, so
// that documents without identifiers get no field at all.
func anyNonEmpty(vs []string) bool {
	for _, v := range vs {
		if v != "" {
			return true
		}
	}
	return false
}
