package search

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// A document's matches are the paragraphs its hit names, with the ranges
// the search matched: a phrase's words, in the paragraph's text.
func TestDocumentMatchesAgreeWithHits(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	checked := 0
	for _, q := range []string{`"record keeping"`, "council records", "Thornfield OR Oakridge", "safeguarding -police"} {
		res := mustSearch(t, Request{Query: q, Size: 20})
		for _, h := range res.Hits {
			if h.Speaker != "" {
				continue // testimony is read in its transcript
			}
			dm, err := testSearcher.DocumentMatches(ctx, h.ID, q)
			if err != nil {
				t.Fatal(err)
			}
			var want, got []string
			for _, p := range h.Paragraphs {
				base, _, _ := strings.Cut(p, "(")
				if !slices.Contains(want, base) {
					want = append(want, base)
				}
			}
			doc := docByID(h.ID)
			for _, pm := range dm.Paragraphs {
				got = append(got, pm.Paragraph)
				text := paragraphText(doc, pm.Paragraph)
				for i, sp := range pm.Spans {
					if sp[0] < 0 || sp[1] > len(text) || sp[0] >= sp[1] || (i > 0 && sp[0] <= pm.Spans[i-1][1]) {
						t.Fatalf("%q in %s ¶%s: bad span %v of %d bytes", q, h.ID, pm.Paragraph, sp, len(text))
					}
					if q == `"record keeping"` && !strings.EqualFold(strings.Join(strings.FieldsFunc(text[sp[0]:sp[1]], func(r rune) bool { return !isWordRune(r) }), " "), "record keeping") {
						t.Errorf("%s ¶%s marks %q for the phrase", h.ID, pm.Paragraph, text[sp[0]:sp[1]])
					}
				}
			}
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("%q in %s: matches in %v, the hit names %v", q, h.ID, got, want)
			}
			checked++
		}
	}
	if checked < 20 {
		t.Errorf("only %d hits checked", checked)
	}
	dm, err := testSearcher.DocumentMatches(ctx, testDocs[0].ID, "zzzqqq")
	if err != nil || len(dm.Paragraphs) != 0 {
		t.Errorf("a word the document lacks: %+v %v", dm, err)
	}
	if _, err := testSearcher.DocumentMatches(ctx, "0000000000000000", "records"); !errors.Is(err, ErrNotFound) {
		t.Errorf("no such document: %v", err)
	}
}

func paragraphText(doc *corpus.Document, n string) string {
	for _, p := range doc.Paragraphs {
		if p.Number == n {
			return p.Text
		}
	}
	return ""
}
