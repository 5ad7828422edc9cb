package search

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/indexer"
)

func mustRecommendations(t *testing.T, r RecommendationsRequest) *RecommendationList {
	t.Helper()
	res, err := testSearcher.Recommendations(context.Background(), r)
	if err != nil {
		t.Fatalf("Recommendations(%+v): %v", r, err)
	}
	return res
}

func TestRecommendationsListEveryRecommendation(t *testing.T) {
	t.Parallel()
	want, err := indexer.Recommendations(testDocs)
	if err != nil || len(want) == 0 {
		t.Fatalf("derive: %d, %v", len(want), err)
	}
	byID := map[string]*indexer.RecommendationDocument{}
	for _, r := range want {
		byID[r.ID] = r
	}
	res := mustRecommendations(t, RecommendationsRequest{})
	if res.Total != len(want) {
		t.Fatalf("listed %d, the corpus has %d", res.Total, len(want))
	}
	pages := map[string]*corpus.Document{}
	for _, d := range testDocs {
		pages[d.ID] = d
	}
	for i, got := range res.Recommendations {
		w := byID[got.ID]
		if w == nil || got.Number != w.Recommendation.Number || !slices.Equal(got.Recipients, w.Recommendation.Recipients) {
			t.Errorf("listed %+v, derived %+v", got, w)
			continue
		}
		if i > 0 {
			prev := res.Recommendations[i-1]
			if prev.Report > got.Report || prev.Report == got.Report && prev.Number >= got.Number {
				t.Errorf("%s %d listed after %s %d", got.Report, got.Number, prev.Report, prev.Number)
			}
		}
		// The citation points at the heading paragraph of the report page.
		page := pages[got.DocumentID]
		if page == nil || !strings.HasSuffix(got.Citation.Permalink, "#p-"+w.Recommendation.Paragraph) {
			t.Errorf("recommendation %s cites %q", got.ID, got.Citation.Permalink)
			continue
		}
		found := false
		for _, p := range page.Paragraphs {
			if p.Number == w.Recommendation.Paragraph && p.Heading && strings.Contains(p.Text, got.Title) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: paragraph %s of %s is not its heading", got.ID, w.Recommendation.Paragraph, page.ID)
		}
	}
	// The recipient facet counts agree with the derived recipients.
	counts := map[string]int{}
	for _, r := range want {
		for _, v := range r.Recommendation.Recipients {
			counts[v]++
		}
	}
	if len(res.Facets[FacetRecipient]) != len(counts) {
		t.Errorf("recipient facet has %d values, want %d", len(res.Facets[FacetRecipient]), len(counts))
	}
	for _, fv := range res.Facets[FacetRecipient] {
		if counts[fv.Value] != fv.Count {
			t.Errorf("recipient %q counted %d, want %d", fv.Value, fv.Count, counts[fv.Value])
		}
	}
}

func TestRecommendationsFilters(t *testing.T) {
	t.Parallel()
	all, _ := indexer.Recommendations(testDocs)
	count := func(keep func(*indexer.RecommendationDocument) bool) int {
		n := 0
		for _, r := range all {
			if keep(r) {
				n++
			}
		}
		return n
	}
	// An alias and a leading "the" name the same recipient.
	for _, name := range []string{"WVS", "the Workforce Vetting Service", "workforce vetting service"} {
		res := mustRecommendations(t, RecommendationsRequest{Recipients: []string{name}})
		want := count(func(r *indexer.RecommendationDocument) bool {
			return slices.Contains(r.Recommendation.Recipients, "Workforce Vetting Service")
		})
		if res.Total != want || want == 0 || res.Filters[FacetRecipient][0] != "Workforce Vetting Service" {
			t.Errorf("recipient %q: %d listed, want %d (filters %v)", name, res.Total, want, res.Filters)
		}
		// The recipient facet still offers the others.
		if len(res.Facets[FacetRecipient]) < 2 {
			t.Errorf("recipient %q: facet %v lost the other recipients", name, res.Facets[FacetRecipient])
		}
	}
	res := mustRecommendations(t, RecommendationsRequest{Investigations: []string{"larkspur county council"}, Query: "records"})
	want := count(func(r *indexer.RecommendationDocument) bool {
		return r.Investigation == "Larkspur County Council" && hasWord(&r.Document, "records")
	})
	if res.Total != want || want == 0 {
		t.Errorf("investigation and query: %d listed, want %d", res.Total, want)
	}
	if _, err := testSearcher.Recommendations(context.Background(), RecommendationsRequest{Recipients: []string{strings.Repeat("x", 300)}}); err == nil {
		t.Error("an overlong recipient was accepted")
	}
}

func TestTypeFilterFindsRecommendations(t *testing.T) {
	t.Parallel()
	all, _ := indexer.Recommendations(testDocs)
	res := mustSearch(t, Request{Filters: Filters{FacetType: {"recommendation"}}, Size: 100})
	if int(res.Total) != len(all) {
		t.Errorf("type=recommendation finds %d, want %d", res.Total, len(all))
	}
	// Without the filter they stay out of results but the page of
	// recommendations is found.
	plain := mustSearch(t, Request{Query: "\"Workforce Vetting Service\"", Size: 100})
	for _, h := range plain.Hits {
		if h.Type == string(corpus.TypeRecommendation) {
			t.Errorf("unfiltered search returned recommendation %s", h.ID)
		}
	}
	both := mustSearch(t, Request{Query: "\"Workforce Vetting Service\"", Size: 100,
		Filters: Filters{FacetType: {"recommendation", "recommendations"}}})
	recs := 0
	for _, h := range both.Hits {
		if h.Type == string(corpus.TypeRecommendation) {
			recs++
		}
	}
	if recs == 0 || recs == len(both.Hits) {
		t.Errorf("type filter recommendation+recommendations: %d of %d hits are recommendations", recs, len(both.Hits))
	}
}

// A recommendations filter is checked in the facet table; a value typed in
// a query (report:...) is a term of the query. The two must select the
// same recommendations for every value of every facet.
func TestRecommendationFiltersAgreeWithQueryTerms(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	all := mustRecommendations(t, RecommendationsRequest{})
	checked := 0
	for _, f := range RecommendationFacets {
		for _, v := range all.Facets[f] {
			r := RecommendationsRequest{}
			switch f {
			case FacetRecipient:
				r.Recipients = []string{v.Value}
			case FacetReport:
				r.Reports = []string{v.Value}
			case FacetInvestigation:
				r.Investigations = []string{strings.ToUpper(v.Value)} // typed in another case
			}
			got := mustRecommendations(t, r)
			req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(typeTerm(corpus.TypeRecommendation), recFacets[f].term(v.Value)), 0, 0, false)
			want, err := testSearcher.idx.SearchInContext(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			if uint64(got.Total) != want.Total || got.Total != v.Count {
				t.Errorf("%s=%q: the filter lists %d, the query term finds %d, the facet counted %d", f, v.Value, got.Total, want.Total, v.Count)
			}
			checked++
		}
	}
	if checked < 3 {
		t.Fatalf("only %d facet values checked: the sample has too few recommendations to test this", checked)
	}
}
