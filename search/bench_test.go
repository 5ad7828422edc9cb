package search

import (
	"context"
	"testing"
)

// Benchmarks of search kinds over the sample index; `inquirysearch bench`
// measures the same kinds at larger sizes (see BENCHMARKS.md).
func BenchmarkSearch(b *testing.B) {
	kinds := map[string]Request{
		"common-term":     {Query: "council"},
		"rare-term":       {Query: "Tallowmere"},
		"and":             {Query: "records referrals inspection"},
		"phrase":          {Query: `"record keeping"`},
		"phrase-filter":   {Query: `"record keeping"`, Filters: Filters{FacetType: {"section"}}},
		"match-all":       {},
		"filtered-facets": {Query: "safeguarding", Filters: Filters{FacetInvestigation: {"Organised networks"}, FacetYear: {"2022"}}},
		"deep-page":       {Query: "the", Page: 5},
		"speaker":         {Query: "missing", Filters: Filters{FacetSpeaker: {"Anna Rowe"}}},
		"hearing-role":    {Query: `hearing:"Day 2" role:witness records`},
		"same-paragraph":  {Query: "police council", Scope: ScopeParagraph},
		"para-phrase":     {Query: `para:("record keeping" council)`},
	}
	for name, r := range kinds {
		b.Run(name, func(b *testing.B) {
			ctx := context.Background()
			for b.Loop() {
				if _, err := testSearcher.Search(ctx, r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRecommendations lists every recommendation with its responses,
// statuses and facets, as the recommendations page does.
func BenchmarkRecommendations(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		if _, err := testSearcher.Recommendations(ctx, RecommendationsRequest{}); err != nil {
			b.Fatal(err)
		}
	}
}
