package engine

import (
	"encoding/binary"
	"fmt"

	index "github.com/blevesearch/bleve_index_api"
)

// DocNumber is bleve's internal number of a document: scorch names each
// document by its number in the index snapshot, big-endian in eight bytes
// (InternalID is the reverse).
func DocNumber(id index.IndexInternalID) (uint64, error) {
	if len(id) != 8 {
		return 0, fmt.Errorf("an internal document id of %d bytes, not 8", len(id))
	}
	return binary.BigEndian.Uint64(id), nil
}

func InternalID(num uint64) index.IndexInternalID {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, num)
	return b
}
