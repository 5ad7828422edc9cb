package search

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2"
)

// The ranking pass must give bleve's own order (score, then id), scores and
// totals, on every page, whether it walks the index whole or in parts.
func TestRankingMatchesBleve(t *testing.T) {
	ctx := context.Background()
	s := testSearcher
	defer func(p, m int) { RankParts, minSplit = p, m }(RankParts, minSplit)
	queries := []string{"", "council", "the", `"of the"`, "school -police", "safeguarding lead", "abuse OR exploitation", `"child protection"~3`}
	for _, parts := range []int{1, 2, 3, 7} {
		RankParts, minSplit = parts, 1
		for _, q := range queries {
			for page := 1; page <= 4; page++ {
				r := Request{Query: q, Page: page, Size: 7}
				if err := r.validate(); err != nil {
					t.Fatal(err)
				}
				pr, err := s.prepare(ctx, r)
				if err != nil {
					t.Fatal(err)
				}
				main := searchFilter(pr.filters, pr.dates, "", pr.recs).apply(pr.plan.query)
				want, err := s.idx.SearchInContext(ctx, func() *bleve.SearchRequest {
					req := bleve.NewSearchRequestOptions(main, r.Size, (page-1)*r.Size, false)
					req.SortByCustom(sortOrder(SortRelevance))
					return req
				}())
				if err != nil {
					t.Fatal(err)
				}
				var facets []facetCount
				for _, f := range tableFields() {
					facets = append(facets, facetCount{name: f, field: f, size: 1000})
				}
				rk, err := s.rank(ctx, main, page*r.Size, nil, facets)
				if err != nil {
					t.Fatal(err)
				}
				counted, err := s.count(ctx, countPass{query: main, facets: facets})
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(rk.facets, counted) {
					t.Errorf("%d parts, %q: the ranking pass counts %v, a counting pass %v", parts, q, rk.facets, counted)
				}
				got := rk.asSearchResult((page - 1) * r.Size)
				name := fmt.Sprintf("%d parts, %q page %d", parts, q, page)
				if got.Total != want.Total {
					t.Errorf("%s: total %d, bleve %d", name, got.Total, want.Total)
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
