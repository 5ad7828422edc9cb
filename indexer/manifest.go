package indexer

import (
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ErrDamaged is returned by Open when an index fails its integrity check:
// a segment is missing, of the wrong size, fails its checksum, or cannot
// be read. The corpus is the source of truth, so such an index is rebuilt
// from it.
var ErrDamaged = errors.New("index damaged")

// manifestName is the file, in an index's directory, that records the size
// and CRC-32C of each of its segment files as the build wrote them.
// Segments never change once written, so at start-up a mismatch can only
// mean damage.
const manifestName = "inquirysearch-manifest.json"

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

type manifest struct {
	Segments []segmentFile `json:"segments"`
}

type segmentFile struct {
	Path   string `json:"path"` // relative to the index directory, with slashes
	Size   int64  `json:"size"`
	CRC32C uint32 `json:"crc32c"`
}

// segmentFiles lists the segment files of the index at dir, sorted.
func segmentFiles(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".zap") {
			rel, err := filepath.Rel(dir, path)
			if err != nil {
				return err
			}
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

func checksum(path string) (int64, uint32, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	h := crc32.New(castagnoli)
	n, err := io.Copy(h, f)
	return n, h.Sum32(), err
}

// writeManifest records the segments of the finished index at dir.
func writeManifest(dir string) error {
	files, err := segmentFiles(dir)
	if err != nil {
		return fmt.Errorf("write manifest: %w", err)
	}
	var m manifest
	for _, rel := range files {
		size, sum, err := checksum(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			return fmt.Errorf("write manifest: %w", err)
		}
		m.Segments = append(m.Segments, segmentFile{Path: rel, Size: size, CRC32C: sum})
	}
	tmp := filepath.Join(dir, manifestName+".tmp")
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("write manifest: %w", err)
	}
	_, err = f.Write(mustJSON(m))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, filepath.Join(dir, manifestName))
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write manifest: %w", err)
	}
	return nil
}

// checkManifest compares the segments of the index at dir with its
// manifest. An index built before manifests were written has none and
// passes; the smoke check after opening still reads each segment.
func checkManifest(dir string) error {
	b, err := os.ReadFile(filepath.Join(dir, manifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%w: read its manifest: %v", ErrDamaged, err)
	}
	var m manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return fmt.Errorf("%w: its manifest is not readable: %v", ErrDamaged, err)
	}
	for _, s := range m.Segments {
		size, sum, err := checksum(filepath.Join(dir, filepath.FromSlash(s.Path)))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return fmt.Errorf("%w: segment %s is missing", ErrDamaged, s.Path)
		case err != nil:
			return fmt.Errorf("%w: segment %s cannot be read: %v", ErrDamaged, s.Path, err)
		case size != s.Size:
			return fmt.Errorf("%w: segment %s is %d bytes, the build wrote %d", ErrDamaged, s.Path, size, s.Size)
		case sum != s.CRC32C:
			return fmt.Errorf("%w: segment %s fails its checksum", ErrDamaged, s.Path)
		}
	}
	return nil
}
