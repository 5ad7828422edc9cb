package search

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// paragraphIdentifiers is the oracle's view of every paragraph: the terms
// of the references it cites (through a footnote or in its text) and the
// ciphers it names. Computed once: the tests ask it many times.
var paragraphIdentifiers = sync.OnceValue(func() map[string][][2][]string {
	out := map[string][][2][]string{}
	for _, d := range testDocs {
		notes := map[int][]string{}
		for _, f := range d.Footnotes {
			notes[f.Number] = f.References
		}
		for _, p := range d.Paragraphs {
			var urns, ciphers []string
			for _, c := range corpus.CipherPattern.FindAllString(p.Text, -1) {
				ciphers = append(ciphers, corpus.NormaliseCipher(c))
			}
			for _, n := range p.Footnotes {
				for _, urn := range notes[n] {
					urns = append(urns, corpus.URNTerms(urn)...)
				}
			}
			for _, urn := range corpus.References(p.Text) {
				urns = append(urns, corpus.URNTerms(urn)...)
			}
			out[d.ID] = append(out[d.ID], [2][]string{urns, ciphers})
		}
	}
	return out
})

// citing is the oracle for an identifier search: per document, the
// numbers of the paragraphs that cite a reference holding the term, or
// that name the cipher.
func citing(term string, cipher bool) map[string][]string {
	out := map[string][]string{}
	kind := 0
	if cipher {
		kind = 1
	}
	ids := paragraphIdentifiers()
	for _, d := range testDocs {
		for i, p := range d.Paragraphs {
			if slices.Contains(ids[d.ID][i][kind], strings.ToLower(term)) {
				out[d.ID] = append(out[d.ID], p.Number)
			}
		}
	}
	return out
}

func checkIdentifier(t *testing.T, query, term string, cipher bool) {
	t.Helper()
	want := citing(term, cipher)
	res := mustSearch(t, Request{Query: query, Size: MaxSize})
	if int(res.Total) != len(want) || len(want) == 0 {
		t.Errorf("%s: %d results, %d documents cite it", query, res.Total, len(want))
	}
	for _, h := range res.Hits {
		if !slices.Equal(want[h.ID], paragraphNumbers(h.Paragraphs)) {
			t.Errorf("%s in %s: cited paragraphs %v, want %v", query, h.ID, h.Paragraphs, want[h.ID])
		}
	}
}

// TestEvidenceReferences: every reference in the sample finds exactly the
// paragraphs citing it, typed bare or as urn:, and its document part finds
// the paragraphs citing any of its pages.
func TestEvidenceReferences(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, d := range testDocs {
		for _, f := range d.Footnotes {
			for _, urn := range f.References {
				if seen[urn] {
					continue
				}
				seen[urn] = true
				checkIdentifier(t, urn, urn, false)
				if len(seen)%5 == 0 {
					checkIdentifier(t, "urn:"+strings.ToLower(urn), urn, false)
					checkIdentifier(t, urn[:9], urn[:9], false)
				}
			}
		}
	}
	if len(seen) < 20 {
		t.Errorf("only %d references in the sample", len(seen))
	}
}

func TestCipherCodes(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, d := range testDocs {
		for _, p := range d.Paragraphs {
			for _, c := range corpus.CipherPattern.FindAllString(p.Text, -1) {
				n := corpus.NormaliseCipher(c)
				if seen[n] {
					continue
				}
				seen[n] = true
				checkIdentifier(t, strings.ToUpper(n), n, true)
				if len(seen)%4 == 0 {
					checkIdentifier(t, "cipher:"+n, n, true)
				}
			}
		}
	}
	if len(seen) < 20 {
		t.Errorf("only %d ciphers in the sample", len(seen))
	}
	// A cipher is not a reference: a reference search never finds one.
	if res := mustSearch(t, Request{Query: "urn:FOA000003"}); res.Total != 0 {
		t.Errorf("a reference made of cipher letters found %d results", res.Total)
	}
}

func TestIdentifierSnippetsMarkPrintedCiphers(t *testing.T) {
	t.Parallel()
	res := mustSearch(t, Request{Query: "FO-A3", Size: 5})
	for _, h := range res.Hits {
		if !strings.Contains(h.Snippet, "<mark>FO-A3</mark>") && !strings.Contains(h.Snippet, "<mark>FO\u2011A3</mark>") {
			t.Errorf("snippet of %s does not mark the cipher: %s", h.ID, h.Snippet)
		}
	}
}
