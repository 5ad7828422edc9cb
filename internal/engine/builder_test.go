package engine

import (
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/simple"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
)

// builderMapping has what the index's mapping has: an array text field
// with positions, a keyword facet with doc values, a stored field that is
// not indexed.
func builderMapping() *mapping.IndexMappingImpl {
	text := bleve.NewTextFieldMapping()
	text.Analyzer = simple.Name
	text.Store = false
	facet := bleve.NewKeywordFieldMapping()
	facet.Store, facet.DocValues = false, true
	src := bleve.NewTextFieldMapping()
	src.Index, src.Store = false, true
	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt(textField, text)
	dm.AddFieldMappingsAt("kind", facet)
	dm.AddFieldMappingsAt("source", src)
	dm.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	m := bleve.NewIndexMapping()
	m.DefaultMapping = dm
	return m
}

func builderDocs() map[string]map[string]any {
	texts := [][]string{
		{"the council kept records", "records of the council were lost"},
		{"no records"}, {"the council met", "", "the police council"},
		{"police records and council records"}, {"kitten"}, {"the the council"},
		{"records records records"}, {"council"},
	}
	docs := map[string]map[string]any{}
	for i, t := range texts {
		docs[fmt.Sprintf("d%02d", i)] = map[string]any{
			textField: t, "kind": []string{"report", "letter"}[i%2], "source": fmt.Sprintf("source of %d", i),
		}
	}
	return docs
}

// TestBuilderEqualsOnlineIndex: an index written by Builder (documents
// analysed before bleve's builder sees them, several segments merged into
// one) finds what the same documents indexed online find, with the same
// scores, term locations, stored fields and facet counts.
func TestBuilderEqualsOnlineIndex(t *testing.T) {
	t.Parallel()
	docs := builderDocs()
	online, err := bleve.New(filepath.Join(t.TempDir(), "online"), builderMapping())
	if err != nil {
		t.Fatal(err)
	}
	defer online.Close()
	batch := online.NewBatch()
	for id, d := range docs {
		if err := batch.Index(id, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := online.Batch(batch); err != nil {
		t.Fatal(err)
	}

	path := filepath.Join(t.TempDir(), "built")
	b, err := NewBuilder(path, builderMapping(), 3, 2)
	if err != nil {
		t.Fatal(err)
	}
	for id, d := range docs {
		a, err := b.Analyse(id, d)
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Add(a); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	built, err := bleve.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer built.Close()

	phrase := query.NewMatchPhraseQuery("the council")
	phrase.SetField(textField)
	records := query.NewMatchQuery("records")
	records.SetField(textField)
	police := query.NewTermQuery("police")
	police.SetField(textField)
	for _, q := range []query.Query{phrase, records, police, query.NewMatchAllQuery()} {
		req := bleve.NewSearchRequestOptions(q, 20, 0, false)
		req.IncludeLocations = true
		req.Fields = []string{"source"}
		req.SortBy([]string{"-_score", "_id"})
		req.AddFacet("kind", bleve.NewFacetRequest("kind", 5))
		want, err := online.Search(req)
		if err != nil {
			t.Fatal(err)
		}
		got, err := built.Search(req)
		if err != nil {
			t.Fatal(err)
		}
		if got.Total != want.Total || len(got.Hits) != len(want.Hits) || want.Total == 0 {
			t.Fatalf("%T: %d hits, want %d", q, got.Total, want.Total)
		}
		for i := range want.Hits {
			g, w := got.Hits[i], want.Hits[i]
			if g.ID != w.ID || g.Score != w.Score || !reflect.DeepEqual(g.Locations, w.Locations) || !reflect.DeepEqual(g.Fields, w.Fields) {
				t.Errorf("%T hit %d: got %s %v %v %v, want %s %v %v %v", q, i, g.ID, g.Score, g.Locations, g.Fields, w.ID, w.Score, w.Locations, w.Fields)
			}
		}
		if !reflect.DeepEqual(got.Facets["kind"].Terms.Terms(), want.Facets["kind"].Terms.Terms()) {
			t.Errorf("%T: facets %v, want %v", q, got.Facets["kind"].Terms.Terms(), want.Facets["kind"].Terms.Terms())
		}
	}
}

// TestBuilderOfNothing: a build given no document still makes an index,
// an empty one (bleve's builder cannot finish one of no segment).
func TestBuilderOfNothing(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "empty")
	b, err := NewBuilder(path, builderMapping(), 3, 2)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	idx, err := bleve.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	if n, err := idx.DocCount(); err != nil || n != 0 {
		t.Errorf("%d documents, %v; want none", n, err)
	}
}
