package crawl

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// unreadableDir holds, beside docs/, the documents that could not be read.
const unreadableDir = "unreadable"

// SetAside is a stored document that could not be read and was moved out
// of the corpus.
type SetAside struct {
	ID     string
	Reason string // what was wrong with it, without the store's paths
	Path   string // where it now lies
	// Meta is where its fetch record went (empty when it had none): kept
	// beside it, for the operator to see where and when it was fetched.
	Meta string
}

// ReadableDocuments returns every stored document that can be read,
// ordered by id. One that cannot (damaged JSON, a file that will not open)
// is moved to unreadable/ beside docs/, with its fetch record, and
// reported, so that one bad file does not stop every rebuild. The next
// crawl, finding no record of the page, fetches it in full and stores it
// afresh; left in meta/, the record's validators would get a 304, or its
// hash call the page unchanged, and the document would never return.
// Errors are those of listing the store and of moving a file.
func (s *Store) ReadableDocuments() ([]*corpus.Document, []SetAside, error) {
	ids, err := s.ids("docs")
	if err != nil {
		return nil, nil, err
	}
	out := make([]*corpus.Document, 0, len(ids))
	var aside []SetAside
	for _, id := range ids {
		d, err := s.Document(id)
		switch {
		case err == nil:
			out = append(out, d)
			continue
		case errors.Is(err, ErrNotFound):
			continue // removed since it was listed
		}
		sa, merr := s.setAside(id, err)
		if merr != nil {
			return nil, nil, merr
		}
		aside = append(aside, sa)
	}
	return out, aside, nil
}

func (s *Store) setAside(id string, cause error) (SetAside, error) {
	dir := filepath.Join(s.dir, unreadableDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return SetAside{}, fmt.Errorf("set aside document %s: %w", id, err)
	}
	to := filepath.Join(dir, id+".json")
	if err := os.Rename(filepath.Join(s.dir, "docs", id+".json"), to); err != nil {
		return SetAside{}, fmt.Errorf("set aside document %s: %w", id, err)
	}
	sa := SetAside{ID: id, Reason: reason(cause), Path: to}
	meta := filepath.Join(dir, id+".meta.json")
	switch err := os.Rename(filepath.Join(s.dir, "meta", id+".json"), meta); {
	case err == nil:
		sa.Meta = meta
	case !errors.Is(err, os.ErrNotExist):
		return SetAside{}, fmt.Errorf("set aside the fetch record of %s: %w", id, err)
	}
	// The moves outlive a crash, so that the file is not found in docs/
	// again; failing that, it is only found and set aside again.
	for _, sub := range []string{"docs", "meta"} {
		if d, err := os.Open(filepath.Join(s.dir, sub)); err == nil {
			d.Sync()
			d.Close()
		}
	}
	return sa, nil
}

// reason is the innermost message of err: what was wrong with the file,
// without the paths the wrappers add.
func reason(err error) string {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err.Error()
		}
		err = next
	}
}
