package indexer

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"

	"github.com/inquirysearch/inquirysearch/internal/engine"
)

// smokeCheck reads a little of every segment of an open index (the first
// and last document's id and stored fields, and a lookup in each field's
// dictionary),
// so that a segment too damaged to read fails here, at start-up, and not
// in a search later. A panic in bleve's decoding becomes ErrDamaged.
func smokeCheck(idx bleve.Index) error {
	if err := engine.CheckSegments(idx); err != nil {
		return fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	return nil
}
