package engine

import (
	"context"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/inquirysearch/inquirysearch/indexer"
)

// Reader returns a reader of the index's current snapshot. A closed index
// gives an error: scorch hands back a nil snapshot rather than one.
func Reader(idx bleve.Index) (index.IndexReader, error) {
	adv, err := idx.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	if snap, ok := r.(*scorch.IndexSnapshot); r == nil || (ok && snap == nil) {
		return nil, bleve.ErrorIndexClosed
	}
	return r, nil
}

// DocFreq returns how many documents hold word in their paragraphs.
func DocFreq(ctx context.Context, reader index.IndexReader, word string) uint64 {
	tfr, err := reader.TermFieldReader(ctx, []byte(word), indexer.FieldTextExact, false, false, false)
	if err != nil {
		return 0
	}
	defer tfr.Close()
	return tfr.Count()
}
