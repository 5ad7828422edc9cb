package crawl

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// ErrNotFound is returned when the store holds no document with an id.
var ErrNotFound = errors.New("not found")

// Store is the on-disk corpus: fetched pages and extracted documents, each
// written atomically. A Store is safe for concurrent use by one process;
// writers to one id race (the last rename wins) but never leave a torn file.
type Store struct {
	dir string
}

// OpenStore opens (creating if needed) the corpus at dir.
func OpenStore(dir string) (*Store, error) {
	for _, sub := range []string{"raw", "docs", "meta", "state"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return nil, fmt.Errorf("open corpus %s: %w", dir, err)
		}
	}
	return &Store{dir: dir}, nil
}

// Dir returns the corpus directory.
func (s *Store) Dir() string { return s.dir }

// PutPage keeps the fetched bytes of an HTML page.
func (s *Store) PutPage(id string, body []byte) error { return s.PutRaw(id, "html", body) }

// PutRaw keeps the fetched bytes of a page as raw/<id>.<ext>, ext naming
// its format ("html", "pdf", "txt").
func (s *Store) PutRaw(id, ext string, body []byte) error {
	if !corpus.ValidID(id) {
		return fmt.Errorf("put page: invalid id %q", id)
	}
	if ext != "html" && ext != "pdf" && ext != "txt" {
		return fmt.Errorf("put page %s: unknown format %q", id, ext)
	}
	return writeFileAtomic(filepath.Join(s.dir, "raw", id+"."+ext), body)
}

// Page returns the fetched bytes of a page.
func (s *Store) Page(id string) ([]byte, error) {
	if !corpus.ValidID(id) {
		return nil, fmt.Errorf("page %q: %w", id, ErrNotFound)
	}
	b, err := os.ReadFile(filepath.Join(s.dir, "raw", id+".html"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("page %s: %w", id, ErrNotFound)
	}
	return b, err
}

// Raw returns the fetched bytes of a page in whatever format it was kept,
// and that format ("html", "pdf", "txt").
func (s *Store) Raw(id string) ([]byte, string, error) {
	if !corpus.ValidID(id) {
		return nil, "", fmt.Errorf("page %q: %w", id, ErrNotFound)
	}
	for _, ext := range []string{"html", "pdf", "txt"} {
		b, err := os.ReadFile(filepath.Join(s.dir, "raw", id+"."+ext))
		if err == nil {
			return b, ext, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, "", fmt.Errorf("page %s: %w", id, err)
		}
	}
	return nil, "", fmt.Errorf("page %s: %w", id, ErrNotFound)
}

// PutDocument keeps an extracted document.
func (s *Store) PutDocument(d *corpus.Document) error { return s.putJSON("docs", d.ID, d) }

// putJSON writes v as <sub>/<id>.json.
func (s *Store) putJSON(sub, id string, v any) error {
	if !corpus.ValidID(id) {
		return fmt.Errorf("put %s: invalid id %q", sub, id)
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("put %s %s: %w", sub, id, err)
	}
	return writeFileAtomic(filepath.Join(s.dir, sub, id+".json"), b)
}

// Document returns one stored document.
func (s *Store) Document(id string) (*corpus.Document, error) {
	if !corpus.ValidID(id) {
		return nil, fmt.Errorf("document %q: %w", id, ErrNotFound)
	}
	return readDocument(filepath.Join(s.dir, "docs", id+".json"))
}

func readDocument(path string) (*corpus.Document, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("document %s: %w", filepath.Base(path), ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("read document: %w", err)
	}
	var d corpus.Document
	if err := json.Unmarshal(b, &d); err != nil {
		return nil, fmt.Errorf("read document %s: %w", path, err)
	}
	return &d, nil
}

// Documents returns every stored document, ordered by id.
func (s *Store) Documents() ([]*corpus.Document, error) { return loadAll(s, "docs", s.Document) }

// loadAll reads every <id>.json in sub with get, ordered by id.
func loadAll[T any](s *Store, sub string, get func(id string) (T, error)) ([]T, error) {
	ids, err := s.ids(sub)
	if err != nil {
		return nil, err
	}
	out := make([]T, 0, len(ids))
	for _, id := range ids {
		v, err := get(id)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// Len returns the number of stored documents.
func (s *Store) Len() (int, error) {
	ids, err := s.ids("docs")
	return len(ids), err
}

// ids lists, in order, the ids of the <id>.json files in sub, passing
// over temporary files of an interrupted write and strangers.
func (s *Store) ids(sub string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(s.dir, sub))
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", sub, err)
	}
	var ids []string
	for _, e := range entries {
		id, ok := strings.CutSuffix(e.Name(), ".json")
		if !e.IsDir() && ok && corpus.ValidID(id) {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return ids, nil
}

// PutReport keeps the report of the last crawl.
func (s *Store) PutReport(r *CrawlReport) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return fmt.Errorf("put crawl report: %w", err)
	}
	return writeFileAtomic(filepath.Join(s.dir, "crawl.json"), b)
}

// Report returns the report of the last crawl, or ErrNotFound.
func (s *Store) Report() (*CrawlReport, error) {
	b, err := os.ReadFile(filepath.Join(s.dir, "crawl.json"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("crawl report: %w", ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("crawl report: %w", err)
	}
	var r CrawlReport
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("crawl report: %w", err)
	}
	return &r, nil
}

// writeFileAtomic writes data to a temporary file beside path, syncs it and
// renames it into place, so that readers and crashes see the old file or
// the new one, never a torn one.
func writeFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp := f.Name()
	cleanup := func(err error) error {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	if _, err := f.Write(data); err != nil {
		return cleanup(err)
	}
	if err := f.Sync(); err != nil {
		return cleanup(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
