package search

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2"
)

// The ranking pass must give bleve's own order (score, then id), scores,
// totals and facet counts, on every page, with and without filters,
// whether it walks the index whole or in parts.
func TestRankingMatchesBleve(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := testSearcher
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
	for i := range searches {
		if f, err := searches[i].filters.Normalise(); err != nil {
			t.Fatal(err)
		} else {
			searches[i].filters = f
		}
	}
	for _, parts := range []int{1, 2, 3, 7} {
		s := New(s.idx, s.meta, WithTuning(Tuning{RankParts: parts, MinSplit: 1}))
		for _, sr := range searches {
			for page := 1; page <= 3; page++ {
				r := Request{Query: sr.q, Filters: sr.filters, Page: page, Size: 7}
				if err := r.Validate(); err != nil {
					t.Fatal(err)
				}
				pr, err := s.prepare(ctx, r)
				if err != nil {
					t.Fatal(err)
				}
				name := fmt.Sprintf("%d parts, %q %v page %d", parts, sr.q, sr.filters, page)
				main := searchFilter(pr.filters, pr.dates, "", pr.recs).apply(pr.plan.query)
				req := bleve.NewSearchRequestOptions(main, r.Size, (page-1)*r.Size, false)
				req.SortByCustom(sortOrder(SortRelevance))
				want, err := s.idx.SearchInContext(ctx, req)
				if err != nil {
					t.Fatal(err)
				}
				wantFacets := map[string][]FacetValue{}
				for _, f := range Facets {
					pass := countPass{query: main, facets: []facetCount{searchFacet(f)}}
					if len(pr.filters[f]) > 0 {
						pass.query = searchFilter(pr.filters, pr.dates, f, pr.recs).apply(pr.plan.query)
					}
					c, err := s.count(ctx, pass)
					if err != nil {
						t.Fatal(err)
					}
					wantFacets[f] = c[f]
				}
				got, facets, err := s.runRanked(ctx, r, nil, pr.plan.query, pr.filters, pr.dates, pr.recs)
				if err != nil {
					t.Fatal(err)
				}
				if want.Total == 0 && page == 1 {
					t.Errorf("%s: nothing found; the case tests nothing", name)
				}
				if got.Total != want.Total {
					t.Errorf("%s: total %d, bleve %d", name, got.Total, want.Total)
				}
				if !reflect.DeepEqual(facets, wantFacets) {
					t.Errorf("%s: facets\n%v\nseparate counting passes\n%v", name, facets, wantFacets)
				}
				if len(got.Hits) != len(want.Hits) {
					t.Errorf("%s: %d hits, bleve %d", name, len(got.Hits), len(want.Hits))
					continue
				}
				for i := range got.Hits {
					if got.Hits[i].ID != want.Hits[i].ID || got.Hits[i].Score != want.Hits[i].Score {
						t.Errorf("%s, hit %d: %s %v, bleve %s %v", name, i, got.Hits[i].ID, got.Hits[i].Score, want.Hits[i].ID, want.Hits[i].Score)
					}
				}
			}
		}
	}
}
