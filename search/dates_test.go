package search

import (
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
)

func TestPublishedFilters(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		req      Request
		from, to string // the oracle: from <= published <= to (YYYY-MM-DD)
	}{
		{Request{Query: "published:2019..2021"}, "2019-01-01", "2021-12-31"},
		{Request{Query: "published:>2020-06-01"}, "2020-06-02", "9999-12-31"},
		{Request{Query: "published:>=2021"}, "2021-01-01", "9999-12-31"},
		{Request{Query: "published:<2020"}, "0000-01-01", "2019-12-31"},
		{Request{Query: "published:<=2020-03"}, "0000-01-01", "2020-03-31"},
		{Request{Query: "published:2020"}, "2020-01-01", "2020-12-31"},
		{Request{Query: "published:..2019"}, "0000-01-01", "2019-12-31"},
		{Request{From: "2019", To: "2020-06"}, "2019-01-01", "2020-06-30"},
		{Request{From: "2021-02-01"}, "2021-02-01", "9999-12-31"},
	} {
		want := count(func(d *corpus.Document) bool {
			return d.Published != "" && d.Published >= c.from && d.Published <= c.to
		})
		res := mustSearch(t, c.req)
		if int(res.Total) != want {
			t.Errorf("%+v: %d results, %d documents published %s..%s", c.req, res.Total, want, c.from, c.to)
		}
	}
	// Dates combine with words and with the year facet, which still
	// counts only what the dates allow.
	res := mustSearch(t, Request{Query: "council published:2019..2020"})
	for _, v := range res.Facets[FacetYear] {
		if v.Value < "2019" || v.Value > "2020" {
			t.Errorf("year facet shows %s outside the range", v.Value)
		}
	}
	for _, bad := range []Request{{From: "2020-13"}, {To: "yesterday"}, {From: "2021", To: "2019"}} {
		if _, err := testSearcher.Search(t.Context(), bad); err == nil {
			t.Errorf("%+v: accepted", bad)
		}
	}
}
