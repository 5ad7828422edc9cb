package search

import (
	"context"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// citingParagraphs returns, by brute force over the corpus, "id#number" of every
// paragraph one of whose references is indexed under term.
func citingParagraphs(term string, prefix bool) []string {
	var out []string
	for _, d := range testDocs {
		for i, urns := range corpus.ParagraphURNs(d) {
			hit := false
			for _, u := range urns {
				for _, t := range corpus.URNTerms(u) {
					if t == term || prefix && strings.HasPrefix(t, term) {
						hit = true
					}
				}
			}
			if hit {
				out = append(out, d.ID+"#"+d.Paragraphs[i].Number)
			}
		}
	}
	sort.Strings(out)
	return out
}

func TestEvidenceBothWays(t *testing.T) {
	t.Parallel()
	urns := map[string]bool{}
	for _, d := range testDocs {
		for _, us := range corpus.ParagraphURNs(d) {
			for _, u := range us {
				urns[u] = true
				// The document part of a page reference too.
				urns[strings.SplitN(u, "_", 2)[0]] = true
			}
		}
	}
	if len(urns) < 10 {
		t.Fatalf("the sample cites only %d references", len(urns))
	}
	// The brute-force answer for every term at once.
	byTerm := map[string][]string{}
	for _, d := range testDocs {
		for i, us := range corpus.ParagraphURNs(d) {
			seen := map[string]bool{}
			for _, u := range us {
				for _, term := range corpus.URNTerms(u) {
					if !seen[term] {
						seen[term] = true
						byTerm[term] = append(byTerm[term], d.ID+"#"+d.Paragraphs[i].Number)
					}
				}
			}
		}
	}
	for u := range urns {
		ev, err := testSearcher.Evidence(context.Background(), u)
		if err != nil {
			t.Fatalf("Evidence(%q): %v", u, err)
		}
		var got []string
		for _, p := range ev.Paragraphs {
			got = append(got, p.DocumentID+"#"+p.Paragraph)
			// The other way: the paragraph lists a reference that
			// answers this lookup.
			ok := false
			for _, r := range p.References {
				if slices.Contains(corpus.URNTerms(r), strings.ToLower(u)) {
					ok = true
				}
			}
			if !ok {
				t.Errorf("%s: paragraph %s#%s lists %v", u, p.DocumentID, p.Paragraph, p.References)
			}
		}
		sort.Strings(got)
		want := byTerm[strings.ToLower(u)]
		sort.Strings(want)
		if !slices.Equal(got, want) || len(got) == 0 {
			t.Errorf("Evidence(%q) = %v, want %v", u, got, want)
		}
	}
}

func TestEvidencePrefixAndErrors(t *testing.T) {
	t.Parallel()
	ev, err := testSearcher.Evidence(context.Background(), "ONS001")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range ev.Paragraphs {
		got = append(got, p.DocumentID+"#"+p.Paragraph)
	}
	sort.Strings(got)
	if want := citingParagraphs("ons001", true); !ev.Prefix || !slices.Equal(got, want) || len(want) == 0 {
		t.Errorf("prefix ONS001: %v, want %v", got, want)
	}
	for _, bad := range []string{"", "HO", "<script>", "HOM00333x", strings.Repeat("A", 500)} {
		if _, err := testSearcher.Evidence(context.Background(), bad); err == nil {
			t.Errorf("Evidence(%q) accepted", bad)
		}
	}
}
