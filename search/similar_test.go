package search

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/inquirysearch/inquirysearch/indexer"
)

func TestSimilarParagraphs(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	checked := 0
	for _, d := range testDocs {
		if d.Type != "section" || len(d.Paragraphs) < 5 {
			continue
		}
		p := d.Paragraphs[2]
		res, err := testSearcher.Similar(ctx, d.ID, p.Number, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Terms) == 0 || len(res.Results) == 0 || len(res.Results) > 5 {
			t.Errorf("%s ¶%s: %d terms, %d results", d.ID, p.Number, len(res.Terms), len(res.Results))
			continue
		}
		for i, r := range res.Results {
			if r.ID == d.ID && r.Paragraph == p.Number {
				t.Errorf("%s ¶%s is listed as similar to itself", d.ID, p.Number)
			}
			if i > 0 && r.Score > res.Results[i-1].Score {
				t.Errorf("results out of order: %v", res.Results)
			}
			// Every shared term is one of the searched terms and is really
			// in the similar paragraph's text.
			other := docByID(r.ID)
			var text string
			for _, op := range other.Paragraphs {
				if op.Number == r.Paragraph {
					text = op.Text
				}
			}
			toks := analyze(indexer.AnalyzerText, text)
			if len(r.Shared) < similarMinShared {
				t.Errorf("%s ¶%s shares only %v", r.ID, r.Paragraph, r.Shared)
			}
			for _, term := range r.Shared {
				if !slices.Contains(res.Terms, term) || !slices.Contains(toks, term) {
					t.Errorf("shared term %q: searched %v, in the paragraph %v", term, res.Terms, slices.Contains(toks, term))
				}
			}
		}
		if checked++; checked == 8 {
			break
		}
	}
	if checked == 0 {
		t.Fatal("no paragraph checked")
	}
	if _, err := testSearcher.Similar(ctx, testDocs[0].ID, "no-such-paragraph", 5); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown paragraph: %v", err)
	}
	if _, err := testSearcher.Similar(ctx, testDocs[0].ID, testDocs[0].Paragraphs[0].Number, 0); !errors.Is(err, ErrInvalidQuery) {
		t.Errorf("size 0: %v", err)
	}
}
