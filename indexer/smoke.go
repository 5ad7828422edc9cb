package indexer

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// smokeCheck reads a little of every segment of an open index (the first
// and last document's id and stored fields, and a lookup in each field's
// dictionary),
// so that a segment too damaged to read fails here, at start-up, and not
// in a search later. A panic in bleve's decoding becomes ErrDamaged.
func smokeCheck(idx bleve.Index) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("%w: reading it panicked: %v", ErrDamaged, v)
		}
	}()
	adv, err := idx.Advanced()
	if err != nil {
		return fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	r, err := adv.Reader()
	if err != nil {
		return fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok || snap == nil {
		return nil // not a scorch index: nothing more to look at
	}
	for i, ss := range snap.Segments() {
		seg := ss.Segment()
		n := seg.Count()
		if n == 0 {
			continue
		}
		for _, num := range []uint64{0, n - 1} {
			if _, err := seg.DocID(num); err != nil {
				return fmt.Errorf("%w: segment %d: document %d: %v", ErrDamaged, i, num, err)
			}
			if err := seg.VisitStoredFields(num, func(string, byte, []byte, []uint64) bool { return true }); err != nil {
				return fmt.Errorf("%w: segment %d: stored fields of document %d: %v", ErrDamaged, i, num, err)
			}
		}
		for _, f := range seg.Fields() {
			dict, err := seg.Dictionary(f)
			if err != nil {
				return fmt.Errorf("%w: segment %d: dictionary of %s: %v", ErrDamaged, i, f, err)
			}
			if _, err := dict.Contains([]byte("a")); err != nil {
				return fmt.Errorf("%w: segment %d: terms of %s: %v", ErrDamaged, i, f, err)
			}
		}
	}
	return nil
}
