package indexer

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/blevesearch/bleve/v2"
)

// Open opens the index at dir, read-only, for searching. If a build was interrupted
// between its two renames, the previous index is restored first. It returns
// ErrNoIndex when there is none, and ErrDamaged when its segments fail the
// manifest written at build or cannot be read.
func Open(dir string) (bleve.Index, *Meta, error) {
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		old := dir + ".old"
		if _, err := os.Stat(old); err == nil {
			if err := os.Rename(old, dir); err != nil {
				return nil, nil, fmt.Errorf("restore previous index: %w", err)
			}
		} else {
			return nil, nil, fmt.Errorf("open index %s: %w", dir, ErrNoIndex)
		}
	}
	// Read-only: a served index is never written, and a read-only index
	// runs no persister or merger, so a rebuild may rename its directory
	// away while searches still read it.
	if err := checkManifest(dir); err != nil {
		return nil, nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	idx, err := openReadOnly(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	if err := smokeCheck(idx); err != nil {
		idx.Close()
		return nil, nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	meta, err := ReadMeta(idx)
	if err != nil {
		idx.Close()
		return nil, nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	return idx, meta, nil
}

// openReadOnly opens an index read-only, turning a panic in bleve's
// decoding of a damaged file into ErrDamaged.
func openReadOnly(dir string) (idx bleve.Index, err error) {
	defer func() {
		if v := recover(); v != nil {
			idx, err = nil, fmt.Errorf("%w: opening it panicked: %v", ErrDamaged, v)
		}
	}()
	return bleve.OpenUsing(dir, map[string]any{"read_only": true})
}

// ReadMeta returns the build description kept inside an index.
func ReadMeta(idx bleve.Index) (*Meta, error) {
	b, err := idx.GetInternal(metaKey)
	if err != nil {
		return nil, fmt.Errorf("read index meta: %w", err)
	}
	if b == nil {
		return nil, errors.New("index has no build description: rebuild it with `inquirysearch index`")
	}
	var m Meta
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("read index meta: %w", err)
	}
	if m.Schema < SchemaVersion {
		return nil, fmt.Errorf("%w of the current layout: the index has schema %d, this version needs %d; rebuild it with `inquirysearch index`",
			ErrNoIndex, m.Schema, SchemaVersion)
	}
	return &m, nil
}
