package crawl

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// PageMeta is what the store keeps about the fetch of a stored page: the
// validators for a conditional request next time, the content hash to tell
// an unchanged page, and the crawl that last saw it.
type PageMeta struct {
	ID           string    `json:"id"`
	URL          string    `json:"url"`         // canonical URL
	FetchedURL   string    `json:"fetched_url"` // the URL actually fetched (e.g. through the web archive)
	ContentType  string    `json:"content_type,omitempty"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	ContentHash  string    `json:"content_hash"`
	Crawl        string    `json:"crawl"` // id of the crawl that last fetched or confirmed it
	Change       string    `json:"change,omitempty"`
	Fetched      time.Time `json:"fetched"`
}

// PutMeta keeps a page's fetch record. The crawler writes it after the page
// and its document, so a meta file marks a page as completely stored.
func (s *Store) PutMeta(m *PageMeta) error { return s.putJSON("meta", m.ID, m) }

// Meta returns a page's fetch record, or ErrNotFound.
func (s *Store) Meta(id string) (*PageMeta, error) {
	if !corpus.ValidID(id) {
		return nil, fmt.Errorf("meta %q: %w", id, ErrNotFound)
	}
	b, err := os.ReadFile(filepath.Join(s.dir, "meta", id+".json"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("meta %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("meta %s: %w", id, err)
	}
	var m PageMeta
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("meta %s: %w", id, err)
	}
	return &m, nil
}

// Metas returns every page's fetch record, ordered by id.
func (s *Store) Metas() ([]*PageMeta, error) { return loadAll(s, "meta", s.Meta) }
