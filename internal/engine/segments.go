package engine

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// CheckSegments reads a little of every segment of an open index (the
// first and last document's id and stored fields, and a lookup in each
// field's dictionary), so that a segment too damaged to read fails here,
// when the index is opened, and not in a search later. A panic in bleve's
// decoding is returned as an error. An index of another kind than scorch
// is not looked at.
func CheckSegments(idx bleve.Index) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("reading it panicked: %v", v)
		}
	}()
	adv, err := idx.Advanced()
	if err != nil {
		return err
	}
	r, err := adv.Reader()
	if err != nil {
		return err
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok || snap == nil {
		return nil
	}
	for i, ss := range snap.Segments() {
		seg := ss.Segment()
		n := seg.Count()
		if n == 0 {
			continue
		}
		for _, num := range []uint64{0, n - 1} {
			if _, err := seg.DocID(num); err != nil {
				return fmt.Errorf("segment %d: document %d: %v", i, num, err)
			}
			if err := seg.VisitStoredFields(num, func(string, byte, []byte, []uint64) bool { return true }); err != nil {
				return fmt.Errorf("segment %d: stored fields of document %d: %v", i, num, err)
			}
		}
		for _, f := range seg.Fields() {
			dict, err := seg.Dictionary(f)
			if err != nil {
				return fmt.Errorf("segment %d: dictionary of %s: %v", i, f, err)
			}
			if _, err := dict.Contains([]byte("a")); err != nil {
				return fmt.Errorf("segment %d: terms of %s: %v", i, f, err)
			}
		}
	}
	return nil
}

// OnWriteError registers f under name to hear the errors scorch's
// background threads meet writing an index opened with the kvconfig key
// "asyncErrorCallbackName" set to name. The persister reports a failed
// write (a full disk, a read-only file system) only this way, and then
// tries again for ever.
func OnWriteError(name string, f func(err error, path string)) {
	scorch.RegistryAsyncErrorCallbacks[name] = f
}
