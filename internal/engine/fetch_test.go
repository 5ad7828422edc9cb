package engine

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Fetch gives, for every document number it is asked for, what a search
// restricted to that document's id gives with its stored field and
// locations: the same id, stored text and Locations, and nothing for a
// document the query does not match. The index has several segments and a
// replaced document (a deleted number in an older segment), so that the
// numbers are read across segments as scorch assigns them: it is held in
// memory, where scorch merges no segments, so that the deleted number
// stays.
func TestFetchEqualsBleveSearch(t *testing.T) {
	t.Parallel()
	texts := []string{
		"the council kept records of every referral",
		"records were not kept", "no referral was made to the council",
		"the school and the council", "council records council records",
		"a paragraph about something else", "referral records",
		"the records of the council were kept", "kept records kept",
	}
	idx, err := bleve.NewUsing("", testMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	texts = append(texts, "records were kept by the council") // replaces d001
	for start := 0; start < len(texts); start += 3 {
		b := idx.NewBatch()
		for i := start; i < min(start+3, len(texts)); i++ {
			id := fmt.Sprintf("d%03d", i)
			if i == len(texts)-1 {
				id = "d001"
			}
			if err := b.Index(id, map[string]any{textField: []string{texts[i]}}); err != nil {
				t.Fatal(err)
			}
		}
		if err := idx.Batch(b); err != nil {
			t.Fatal(err)
		}
	}
	s := mustOpen(t, idx)
	if n, _ := s.DocCount(); n != uint64(len(texts)-1) {
		t.Fatalf("the index holds %d documents, want %d", n, len(texts)-1)
	}
	var nums []uint64
	ids := map[uint64]string{}
	if err := s.EachDocument(nil, func(num uint64, id string) { nums = append(nums, num); ids[num] = id }, nil); err != nil {
		t.Fatal(err)
	}
	if nums[len(nums)-1] != uint64(len(texts)-1) {
		t.Fatalf("the last document is numbered %d, want %d: the replaced one's number is not left deleted", nums[len(nums)-1], len(texts)-1)
	}
	// Each live document's number is found from its id; the replaced
	// d001's old number is not, nor is an id never indexed.
	for _, num := range nums {
		if got, ok, err := s.Number(ids[num]); err != nil || !ok || got != num {
			t.Errorf("Number(%s) = %d, %v, %v; want %d", ids[num], got, ok, err, num)
		}
	}
	if got, ok, err := s.Number("d999"); err != nil || ok {
		t.Errorf("Number(d999) = %d, %v, %v; want none", got, ok, err)
	}
	slices.Reverse(nums) // Fetch takes them in any order
	term := func(w string) query.Query {
		q := bleve.NewTermQuery(w)
		q.SetField(textField)
		return q
	}
	phrase := bleve.NewMatchPhraseQuery("council records")
	phrase.SetField(textField)
	for name, q := range map[string]query.Query{
		"term":        term("records"),
		"phrase":      phrase,
		"or":          bleve.NewDisjunctionQuery(term("referral"), term("school")),
		"and":         bleve.NewConjunctionQuery(term("kept"), term("council")),
		"none":        term("absent"),
		"repeat term": term("council"),
	} {
		got, err := s.Fetch(context.Background(), q, nums, textField)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, num := range nums {
			id := ids[num]
			req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(bleve.NewDocIDQuery([]string{id}), q), 1, 0, false)
			req.Fields = []string{textField}
			req.IncludeLocations = true
			req.Score = "none"
			res, err := idx.Search(req)
			if err != nil {
				t.Fatal(err)
			}
			dm, ok := got[num]
			if len(res.Hits) == 0 {
				if ok {
					t.Errorf("%s: document %s fetched, but the query does not match it", name, id)
				}
				continue
			}
			want := res.Hits[0]
			if !ok {
				t.Errorf("%s: document %s matches but was not fetched", name, id)
				continue
			}
			if dm.ID != want.ID || !reflect.DeepEqual(dm.Fields, want.Fields) || !reflect.DeepEqual(dm.Locations, want.Locations) {
				t.Errorf("%s: document %s fetched as\n%s %v %v\nbut bleve's search gives\n%s %v %v", name, id,
					dm.ID, dm.Fields, dm.Locations, want.ID, want.Fields, want.Locations)
			}
		}
	}
}
