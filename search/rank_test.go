package search

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// oracleFilter is a request's filters as bleve queries, leaving out the
// facet named skip: what the ranking pass checks in the facet table, put
// the other way, for bleve's collector to check it against.
func oracleFilter(filters Filters, skip string) query.Query {
	var parts []query.Query
	for _, f := range Facets {
		if f == skip || len(filters[f]) == 0 {
			continue
		}
		var alts []query.Query
		for _, v := range filters[f] {
			alts = append(alts, searchFacets[f].term(v))
		}
		parts = append(parts, bleve.NewDisjunctionQuery(alts...))
	}
	if len(parts) == 0 {
		return nil
	}
	return bleve.NewConjunctionQuery(parts...)
}

// The ranking pass must give bleve's own order (score or date, then id),
// scores, totals and facet counts, on every page, in every order, with
// and without filters, whether it walks the index whole or in parts.
func TestRankingMatchesBleve(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	type search struct {
		q       string
		filters Filters
	}
	searches := []search{{q: ""}, {q: "council"}, {q: "the"}, {q: `"of the"`}, {q: "school -police"},
		{q: "safeguarding lead"}, {q: "abuse OR exploitation"}, {q: `"child protection"~3`},
		{q: "council", filters: Filters{FacetType: {"section"}}},
		// More alternatives than bleve's heap takeover: walked whole.
		{q: "council OR school OR police OR abuse OR children OR records OR staff OR report OR inquiry OR evidence OR safeguarding OR local OR care"},
		{q: "", filters: Filters{FacetType: {"section", "news"}, FacetYear: {"2022"}}},
		{q: "council", filters: Filters{FacetInvestigation: {"organised networks"}, FacetType: {"section"}}},
	}
	for _, parts := range []int{1, 2, 3, 7} {
		s := New(testSearcher.idx, testSearcher.meta, WithTuning(Tuning{RankParts: parts, MinSplit: 1, MinSplitPostings: 1}))
		for _, sort := range []string{SortRelevance, SortNewest, SortOldest} {
			for _, sr := range searches {
				for page := 1; page <= 3; page++ {
					r := Request{Query: sr.q, Filters: sr.filters, Page: page, Size: 7, Sort: sort}
					if err := r.Validate(); err != nil {
						t.Fatal(err)
					}
					p, err := s.compile(ctx, r, nil)
					if err != nil {
						t.Fatal(err)
					}
					name := fmt.Sprintf("%d parts, %s, %q %v page %d", parts, sort, sr.q, sr.filters, page)
					main := withFilter(p.spec.query, oracleFilter(r.Filters, ""))
					req := bleve.NewSearchRequestOptions(main, r.Size, (page-1)*r.Size, false)
					req.SortByCustom(sortOrder(sort))
					want, err := s.idx.SearchInContext(ctx, req)
					if err != nil {
						t.Fatal(err)
					}
					wantFacets := map[string][]FacetValue{}
					for _, f := range Facets {
						pass := countPass{query: main, facets: []facetSpec{searchFacets[f]}}
						if len(r.Filters[f]) > 0 {
							pass.query = withFilter(p.spec.query, oracleFilter(r.Filters, f))
						}
						c, err := s.count(ctx, pass)
						if err != nil {
							t.Fatal(err)
						}
						wantFacets[f] = c[f]
					}
					got, err := s.rank(ctx, p.spec)
					if err != nil {
						t.Fatal(err)
					}
					if want.Total == 0 && page == 1 {
						t.Errorf("%s: nothing found; the case tests nothing", name)
					}
					if got.total != want.Total {
						t.Errorf("%s: total %d, bleve %d", name, got.total, want.Total)
					}
					if !reflect.DeepEqual(got.facets, wantFacets) {
						t.Errorf("%s: facets\n%v\nseparate counting passes\n%v", name, got.facets, wantFacets)
					}
					if len(got.hits) != len(want.Hits) {
						t.Errorf("%s: %d hits, bleve %d", name, len(got.hits), len(want.Hits))
						continue
					}
					for i, h := range got.hits {
						if h.id != want.Hits[i].ID || h.key.score != want.Hits[i].Score {
							t.Errorf("%s, hit %d: %s %v, bleve %s %v", name, i, h.id, h.key.score, want.Hits[i].ID, want.Hits[i].Score)
						}
						// A cursor keeps the date as bleve's date sort gave it.
						if o := p.spec.order; o.byDate && o.afterValues(h)[0] != want.Hits[i].Sort[0] {
							t.Errorf("%s, hit %d: cursor date %q, bleve's %q", name, i, o.afterValues(h)[0], want.Hits[i].Sort[0])
						}
					}
				}
			}
		}
	}
}

// A ranking pass splits only a walk long enough to pay for the searchers
// and goroutines a split adds, and only when no other search is being
// ranked: at full load every core already has a search.
func TestRankSplitsOnlyLongWalksOnAnIdleMachine(t *testing.T) {
	s := New(testSearcher.idx, testSearcher.meta, WithTuning(Tuning{RankParts: 3, MinSplit: 10, MinSplitPostings: 1000}))
	q := bleve.NewTermQuery("council")
	for _, c := range []struct {
		docs     int
		postings uint64
		others   int32
		want     int
	}{
		{docs: 100, postings: 1000, want: 3},
		{docs: 100, postings: 999, want: 1},
		{docs: 9, postings: 1000, want: 1},
		{docs: 100, postings: 1000, others: 1, want: 1},
	} {
		s.ranking.Store(1 + c.others) // this search and the others
		if got := s.parts(c.docs, q, c.postings); got != c.want {
			t.Errorf("%d documents, %d postings, %d other searches: %d parts, want %d", c.docs, c.postings, c.others, got, c.want)
		}
	}
	if got := s.parts(100, bleve.NewWildcardQuery("coun*"), 1000); got != 1 {
		t.Errorf("a wildcard is split into %d parts: its scores depend on where a walk starts", got)
	}
}
