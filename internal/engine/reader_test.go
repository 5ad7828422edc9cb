package engine

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/simple"
	"github.com/blevesearch/bleve/v2/mapping"
)

// textField is the one field of the tests' indexes: paragraphs, lower-cased
// and split into words, every word kept, with positions.
const textField = "text"

// testMapping maps textField as the index's exact paragraph field is
// mapped, without the rest of the index (which imports this package).
func testMapping() mapping.IndexMapping {
	fm := bleve.NewTextFieldMapping()
	fm.Analyzer = simple.Name
	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt(textField, fm)
	m := bleve.NewIndexMapping()
	m.DefaultMapping = dm
	return m
}

// mustIndex returns an index holding one document per text, each text its
// only paragraph, written in batches of batch so that the index has
// several segments.
func mustIndex(t *testing.T, texts []string, batch int) bleve.Index {
	t.Helper()
	idx, err := bleve.New(t.TempDir(), testMapping())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	for start := 0; start < len(texts); start += batch {
		b := idx.NewBatch()
		for i := start; i < min(start+batch, len(texts)); i++ {
			if err := b.Index(fmt.Sprintf("d%03d", i), map[string]any{textField: []string{texts[i]}}); err != nil {
				t.Fatal(err)
			}
		}
		if err := idx.Batch(b); err != nil {
			t.Fatal(err)
		}
	}
	return idx
}

func mustOpen(t *testing.T, idx bleve.Index) *Snapshot {
	t.Helper()
	s, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// The fuzzy dictionary gives each neighbour its edit distance (in runes,
// without transpositions) and, in bleve v2.6.3, no count: Neighbours
// counts the documents itself, over every segment.
func TestNeighboursEditsAndCounts(t *testing.T) {
	t.Parallel()
	idx := mustIndex(t, []string{
		"ashcombe council", "ashcombe records", "ashcmbe", "ashcombes", "sitting",
		"kitten", "ashcombe", "cafe", "café",
	}, 2)
	s := mustOpen(t, idx)
	ctx := context.Background()
	got := map[string]Neighbour{}
	near, err := s.Neighbours(ctx, textField, "ashcombe", "", 2, func(string) bool { return true })
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range near {
		got[n.Term] = n
	}
	for term, want := range map[string]Neighbour{
		"ashcombe":  {Term: "ashcombe", Edits: 0, Docs: 3},
		"ashcmbe":   {Term: "ashcmbe", Edits: 1, Docs: 1},
		"ashcombes": {Term: "ashcombes", Edits: 1, Docs: 1},
	} {
		if got[term] != want {
			t.Errorf("neighbour %s: got %+v, want %+v", term, got[term], want)
		}
	}
	if _, ok := got["kitten"]; ok {
		t.Error("kitten is a neighbour of ashcombe")
	}
	near, err = s.Neighbours(ctx, textField, "kitten", "", 2, func(term string) bool { return term != "kitten" })
	if err != nil {
		t.Fatal(err)
	}
	if len(near) != 0 {
		t.Errorf("kitten's neighbours within 2 edits: %+v; sitting is 3 away", near)
	}
	near, err = s.Neighbours(ctx, textField, "cafe", "", 1, func(term string) bool { return term != "cafe" })
	if err != nil {
		t.Fatal(err)
	}
	if len(near) != 1 || near[0].Term != "café" || near[0].Edits != 1 {
		t.Errorf("cafe's neighbours: %+v; want café at one edit", near)
	}
}

// A closed index gives an error, not a nil snapshot that fails later.
func TestOpenClosedIndex(t *testing.T) {
	t.Parallel()
	idx, err := bleve.New(t.TempDir(), testMapping())
	if err != nil {
		t.Fatal(err)
	}
	idx.Close()
	if _, err := Open(idx); !errors.Is(err, bleve.ErrorIndexClosed) {
		t.Errorf("Open of a closed index: %v, want bleve.ErrorIndexClosed", err)
	}
}

// Document numbers are the snapshot's own, eight bytes big-endian: every
// document walked has a number that reads back as its id, and the walk by
// number ranges covers each document once.
func TestDocumentNumbers(t *testing.T) {
	t.Parallel()
	var texts []string
	for i := range 40 {
		texts = append(texts, fmt.Sprintf("record %d", i))
	}
	s := mustOpen(t, mustIndex(t, texts, 7))
	var nums []uint64
	err := s.EachDocument(nil, func(num uint64, id string) {
		nums = append(nums, num)
		if got, err := s.ExternalID(num); err != nil || got != id {
			t.Errorf("document %d: id %q, %v; want %q", num, got, err, id)
		}
	}, func(string, []byte) {})
	if err != nil {
		t.Fatal(err)
	}
	if len(nums) != 40 || !slices.IsSorted(nums) {
		t.Fatalf("walked %d documents in order %v", len(nums), nums)
	}
	q := bleve.NewTermQuery("record")
	q.SetField(textField)
	var walked []uint64
	cut := nums[17]
	for _, r := range [][2]uint64{{0, cut}, {cut, ^uint64(0)}} {
		if err := s.EachMatch(context.Background(), q, true, r[0], r[1], func(num uint64, _ float64) error {
			walked = append(walked, num)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	if !slices.Equal(walked, nums) {
		t.Errorf("walked in two parts: %v, want %v", walked, nums)
	}
}
