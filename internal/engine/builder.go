package engine

import (
	"fmt"
	"os"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Builder writes a fresh index with bleve's offline builder: one segment
// per batch of documents, merged once when it is closed, where an online
// index persists and merges its segments over and over as batches
// arrive. The result opens as an ordinary scorch index.
//
// bleve's builder maps and analyses a document in Index, and builds a
// batch's segment under a lock there too, so that a caller waiting for
// the lock does nothing meanwhile. Builder splits the work: Analyse maps
// and analyses a document and may run in any number of goroutines; Add
// hands analysed documents to bleve's builder, one at a time, and only
// builds segments.
type Builder struct {
	b     bleve.Builder
	m     *mapping.IndexMappingImpl
	path  string
	added int
}

// Analysed is a document mapped onto the index's fields and analysed.
type Analysed struct {
	id  string
	doc *document.Document
}

// NewBuilder starts an index at path (which must not exist) with mapping
// m, cutting a segment every batch documents and merging up to fanIn
// segments at a time when it is closed.
func NewBuilder(path string, m *mapping.IndexMappingImpl, batch, fanIn int) (*Builder, error) {
	// The builder writes its segments under buildPathPrefix and renames the
	// last into place: inside path, they are on its file system and go
	// with it if the build fails.
	b, err := bleve.NewBuilder(path, analysedMapping{m}, map[string]any{
		"batchSize": batch, "mergeMax": fanIn, "buildPathPrefix": path})
	if err != nil {
		return nil, fmt.Errorf("new index %s: %w", path, err)
	}
	return &Builder{b: b, m: m, path: path}, nil
}

// Analyse maps data onto the index's fields under id and analyses them.
func (b *Builder) Analyse(id string, data any) (Analysed, error) {
	doc := document.NewDocument(id)
	if err := b.m.MapDocument(doc, data); err != nil {
		return Analysed{}, fmt.Errorf("map %s: %w", id, err)
	}
	// A composite field (an _all field, which our mapping leaves out) is
	// filled in as the builder analyses the other fields: leave such a
	// document for it to analyse.
	if !doc.HasComposite() {
		for i, f := range doc.Fields {
			if f.Options().IsIndexed() {
				f.Analyze()
				doc.Fields[i] = analysed{f}
			}
		}
	}
	return Analysed{id: id, doc: doc}, nil
}

// Add gives the builder one analysed document; an id must be given once
// only. Add is not safe for concurrent use.
func (b *Builder) Add(a Analysed) error {
	b.added++
	return b.b.Index(a.id, a.doc)
}

// Close writes the last batch, merges the segments and finishes the
// index. A build that fails is not closed: its directory is the caller's
// to remove.
func (b *Builder) Close() error {
	if b.added > 0 {
		return b.b.Close()
	}
	// bleve's builder cannot finish an index of no segment: make an empty
	// index in its place.
	if err := os.RemoveAll(b.path); err != nil {
		return fmt.Errorf("new index %s: %w", b.path, err)
	}
	idx, err := bleve.New(b.path, b.m)
	if err != nil {
		return fmt.Errorf("new index %s: %w", b.path, err)
	}
	return idx.Close()
}

// analysedMapping is the index's mapping, except that it maps a document
// Analyse has already mapped as that document. Its JSON, which the index
// keeps, is the mapping's own.
type analysedMapping struct {
	*mapping.IndexMappingImpl
}

func (m analysedMapping) MapDocument(doc *document.Document, data any) error {
	if a, ok := data.(*document.Document); ok {
		*doc = *a
		return nil
	}
	return m.IndexMappingImpl.MapDocument(doc, data)
}

// analysed is a field whose analysis is done: the builder calls Analyze
// on every field again under its lock, and this call does nothing.
type analysed struct{ document.Field }

func (analysed) Analyze() {}
