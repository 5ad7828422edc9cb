package indexer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/internal/engine"
)

// metaKey is the internal key under which an index keeps its Meta.
var metaKey = []byte("inquirysearch.meta")

// Meta describes one built index: what it was built from and when.
type Meta struct {
	Version      string    `json:"version"`       // corpus digest and build time: identifies this build
	CorpusDigest string    `json:"corpus_digest"` // hash of every document's id and content hash
	BuiltAt      time.Time `json:"built_at"`
	Documents    int       `json:"documents"`
	Paragraphs   int       `json:"paragraphs"`
	// Recommendations counts the recommendation documents derived from
	// the corpus; Documents counts the corpus's own pages only.
	Recommendations int `json:"recommendations"`
	// Testimonies counts the testimony documents derived from transcripts.
	Testimonies int `json:"testimonies,omitempty"`
	Schema      int `json:"schema"` // the SchemaVersion the index was built with
}

// SchemaVersion numbers the index layout. An index built with an older
// one is treated as missing, so that it is rebuilt from the corpus.
const SchemaVersion = 8

// Build indexes docs into a new index at dir, replacing any index there
// only once the new one is complete: it is built beside the old one and
// renamed into place, so an interrupted build leaves the last good index.
// Report-level facts are resolved first (corpus.Resolve).
func Build(ctx context.Context, docs []*corpus.Document, dir string, log *slog.Logger) (*Meta, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	start := time.Now()
	corpus.Resolve(docs)
	building := dir + ".building"
	if err := os.RemoveAll(building); err != nil {
		return nil, fmt.Errorf("build index: clear %s: %w", building, err)
	}
	m, err := corpusMapping(docs)
	if err != nil {
		return nil, err
	}
	// The lexicon only reads the documents: build it while they index.
	lexicon := make(chan []Entry, 1)
	go func() { lexicon <- buildLexicon(docs) }()
	meta, err := write(ctx, building, m, docs, log)
	lex := <-lexicon
	if err == nil {
		err = setInternals(ctx, building, meta, lex)
	}
	if err == nil {
		err = writeManifest(building)
	}
	if err != nil {
		os.RemoveAll(building)
		return nil, fmt.Errorf("build index: %w", err)
	}
	if err := swapIn(building, dir); err != nil {
		return nil, err
	}
	log.Info("index built", "dir", dir, "documents", meta.Documents, "paragraphs", meta.Paragraphs,
		"duration", time.Since(start).Round(time.Millisecond))
	return meta, nil
}

// newMeta describes a build of docs: their counts and the digest of
// their ids and contents.
func newMeta(docs []*corpus.Document) *Meta {
	meta := &Meta{BuiltAt: time.Now().UTC(), Schema: SchemaVersion}
	digest := sha256.New()
	sorted := append([]*corpus.Document(nil), docs...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].ID < sorted[j].ID })
	for _, d := range sorted {
		digest.Write([]byte(d.ID + ":" + d.ContentHash + "\n"))
		meta.Documents++
		meta.Paragraphs += len(d.Paragraphs)
	}
	meta.CorpusDigest = hex.EncodeToString(digest.Sum(nil)[:12])
	meta.Version = meta.CorpusDigest + "-" + meta.BuiltAt.Format("20060102T150405Z")
	return meta
}

// indexRecommendations derives the recommendation documents of docs and
// indexes them (a corpus holds at most a few hundred).
func indexRecommendations(idx *engine.Builder, docs []*corpus.Document) (int, error) {
	recs, err := Recommendations(docs)
	if err != nil {
		return 0, err
	}
	return indexDerived(idx, "recommendations", recs, func(r *RecommendationDocument) string { return r.ID }, recommendationRecord)
}

// indexTestimonies derives the testimony documents of docs' transcripts
// and indexes them (a few per sitting).
func indexTestimonies(idx *engine.Builder, docs []*corpus.Document) (int, error) {
	return indexDerived(idx, "testimonies", Testimonies(docs), func(t *TestimonyDocument) string { return t.ID }, testimonyRecord)
}

// indexDerived indexes documents derived from the corpus.
func indexDerived[T any](idx *engine.Builder, what string, items []T, id func(T) string, record func(T) (map[string]any, error)) (int, error) {
	for _, it := range items {
		rec, err := record(it)
		if err != nil {
			return 0, err
		}
		a, err := idx.Analyse(id(it), rec)
		if err == nil {
			err = idx.Add(a)
		}
		if err != nil {
			return 0, fmt.Errorf("index %s %s: %w", what, id(it), err)
		}
	}
	return len(items), nil
}

// waitSteady waits until the index has persisted and merged everything it
// was given: unsafe batches return before their segments reach the disk,
// and closing before then would lose them. A background write that failed
// ends the wait with its error.
func waitSteady(ctx context.Context, idx bleve.Index, path string) error {
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		if err := asyncError(path); err != nil {
			return err
		}
		stats, _ := idx.StatsMap()["index"].(map[string]any)
		if active, ok := stats["index_bgthreads_active"].(bool); ok && !active {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("wait for the index to reach the disk: %w", ctx.Err())
		case <-tick.C:
		}
	}
}

// swapIn replaces dir with the finished index at building. Between the two
// renames the old index sits at dir+".old"; Open puts it back if a crash
// leaves no index at dir.
func swapIn(building, dir string) error {
	old := dir + ".old"
	if err := os.RemoveAll(old); err != nil {
		return fmt.Errorf("swap index: %w", err)
	}
	if _, err := os.Stat(dir); err == nil {
		if err := os.Rename(dir, old); err != nil {
			return fmt.Errorf("swap index: %w", err)
		}
	}
	if err := os.Rename(building, dir); err != nil {
		return fmt.Errorf("swap index: %w", err)
	}
	syncDir(filepath.Dir(dir))
	if err := os.RemoveAll(old); err != nil {
		return fmt.Errorf("swap index: remove old: %w", err)
	}
	return nil
}

func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // Meta and lexicon entries always marshal
	}
	return b
}

// ErrNoIndex is returned by Open when no index has been built at a path.
var ErrNoIndex = errors.New("no index")
