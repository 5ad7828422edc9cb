package crawl

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// ErrHoldsSample is returned when a crawl of real seeds would write into a
// corpus holding the embedded sample site's fictional pages.
var ErrHoldsSample = errors.New("the corpus holds the embedded sample site")

// SampleIDs returns the ids of the stored documents that come from the
// embedded sample site.
func (s *Store) SampleIDs() ([]string, error) {
	docs, err := s.Documents()
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, d := range docs {
		if corpus.IsSample(d.URL) {
			ids = append(ids, d.ID)
		}
	}
	return ids, nil
}

// Remove deletes a page from the store: its document, its fetched bytes
// and its fetch record. A missing file is no error.
func (s *Store) Remove(id string) error {
	if !corpus.ValidID(id) {
		return fmt.Errorf("remove %q: %w", id, ErrNotFound)
	}
	paths := []string{filepath.Join(s.dir, "docs", id+".json"), filepath.Join(s.dir, "meta", id+".json")}
	raws, _ := filepath.Glob(filepath.Join(s.dir, "raw", id+".*"))
	for _, p := range append(paths, raws...) {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("remove %s: %w", id, err)
		}
	}
	return nil
}
