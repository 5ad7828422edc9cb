package indexer

import (
	"bytes"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// FilterApostrophe is the token filter that folds typographic apostrophes
// into the straight one, so that "children’s" in a report matches
// "children's" as people type it. It works on tokens, not on the text
// before tokenising, because a char filter that changes byte lengths would
// shift the offsets that snippets are cut by.
const FilterApostrophe = "apostrophe_fold"

func init() {
	registry.RegisterTokenFilter(FilterApostrophe, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return apostropheFold{}, nil
	})
}

type apostropheFold struct{}

var apostrophes = [][]byte{[]byte("\u2019"), []byte("\u2018"), []byte("\u02bc")}

func (apostropheFold) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, tok := range in {
		for _, a := range apostrophes {
			if bytes.Contains(tok.Term, a) {
				tok.Term = bytes.ReplaceAll(tok.Term, a, []byte("'"))
			}
		}
	}
	return in
}
