package search

import (
	"context"
	"math"
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/indexer"
)

// The facet table's counts must be bleve's own, for every facet field,
// whatever the query.
func TestFacetCountsMatchBleve(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := testSearcher
	for _, q := range []string{"", "council", `"of the"`, "school -police", "type:recommendation", "nothing-matches-this"} {
		parsed, err := Parse(q)
		if err != nil {
			t.Fatal(err)
		}
		query := s.builder.build(parsed, true, proximities{}).query
		var facets []facetSpec
		req := bleve.NewSearchRequestOptions(query, 0, 0, false)
		for _, field := range tableFields() {
			name := field
			facets = append(facets, facetSpec{name: name, field: field, size: 1000})
			req.AddFacet(name, bleve.NewFacetRequest(field, 1000))
		}
		res, err := s.idx.SearchInContext(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.count(ctx, countPass{query: query, facets: facets})
		if err != nil {
			t.Fatal(err)
		}
		nonEmpty := 0
		for _, f := range facets {
			want := facetValues(f.name, res.Facets[f.name])
			if !reflect.DeepEqual(got[f.name], want) {
				t.Errorf("%q, facet %s: table counts %v, bleve %v", q, f.name, got[f.name], want)
			}
			nonEmpty += len(want)
		}
		if q != "nothing-matches-this" && nonEmpty == 0 {
			t.Errorf("%q: no facet values at all", q)
		}
	}
}

// countPass counts some facets over every match of one query.
type countPass struct {
	query  query.Query
	facets []facetSpec
}

// count runs one pass: it walks every match of p.query, unscored, and
// counts the values of p's facets.
func (s *Searcher) count(ctx context.Context, p countPass) (map[string][]FacetValue, error) {
	t, r, err := s.tableAndReader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	counter := t.counter(p.facets)
	if counter.err != nil {
		return nil, counter.err
	}
	err = r.EachMatch(ctx, p.query, false, 0, math.MaxUint64, func(num uint64, _ float64) error {
		counter.addDoc(num, 1)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return counter.values(), nil
}

// TestTableHolds: the facet table says which values some document has, so
// that a search leaves out by a clause only what the index holds.
func TestTableHolds(t *testing.T) {
	tab, err := testSearcher.table()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		field, value string
		want         bool
	}{
		{indexer.FieldType, string(corpus.TypeRecommendation), true},
		{indexer.FieldType, string(corpus.TypeTranscript), true},
		{indexer.FieldSplit, splitTestimony, true},
		{indexer.FieldType, "podcast", false},
		{"no-such-field", "x", true},
	} {
		if got := tab.holds(c.field, c.value); got != c.want {
			t.Errorf("holds(%s, %s) = %v, want %v", c.field, c.value, got, c.want)
		}
	}
}
