package search

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
)

// cursorIDs reads every page of a search by following Next, checking
// each page's number on the way.
func cursorIDs(t *testing.T, r Request) []string {
	t.Helper()
	r.Page, r.Size = 0, 7
	var ids []string
	for page := 1; ; page++ {
		res := mustSearch(t, r)
		if res.Page != page {
			t.Fatalf("%+v: page %d reports itself as page %d", r, page, res.Page)
		}
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		if res.Next == "" {
			if uint64(len(ids)) != res.Total {
				t.Errorf("%+v: no next cursor after %d of %d results", r, len(ids), res.Total)
			}
			return ids
		}
		if len(ids) > len(testDocs) {
			t.Fatalf("%+v: the cursors went round: %d hits", r, len(ids))
		}
		r.After = res.Next
	}
}

// A cursor naming an id the index lacks (one from an index since rebuilt)
// continues from where that id would be: after the ids before it.
func TestCursorBetweenIDs(t *testing.T) {
	t.Parallel()
	r := Request{Filters: Filters{FacetType: {"section"}}, Size: 5} // every score equal
	first := mustSearch(t, r)
	raw, err := base64.RawURLEncoding.DecodeString(first.Next)
	if err != nil {
		t.Fatal(err)
	}
	var c cursor
	if err := json.Unmarshal(raw, &c); err != nil {
		t.Fatal(err)
	}
	want := mustSearch(t, Request{Filters: r.Filters, Size: 5, After: first.Next})
	// Ids are fixed-length hex: an id that ends one character lower and
	// then "~" sorts just before the next page's first id, and after
	// every id before it.
	next := []byte(want.Hits[0].ID)
	next[len(next)-1]--
	c.After[1] = append(next, '~')
	b, _ := json.Marshal(c)
	got := mustSearch(t, Request{Filters: r.Filters, Size: 5, After: base64.RawURLEncoding.EncodeToString(b)})
	if len(want.Hits) == 0 || len(got.Hits) != len(want.Hits) {
		t.Fatalf("%d hits after a cursor between ids, %d after the cursor itself", len(got.Hits), len(want.Hits))
	}
	for i := range got.Hits {
		if got.Hits[i].ID != want.Hits[i].ID {
			t.Errorf("hit %d: %s after a cursor between ids, %s after the cursor itself", i, got.Hits[i].ID, want.Hits[i].ID)
		}
	}
}

// Following cursors gives every result once, in the order of numbered
// pages, whatever the sort and whether hits tie on score or date; the
// queries include the empty one (every score equal), dated and undated
// documents, a filter, and a phrase (which runs its own way).
func TestCursorsEqualNumberedPages(t *testing.T) {
	t.Parallel()
	for _, sort := range []string{SortRelevance, SortNewest, SortOldest} {
		for _, r := range []Request{
			{},
			{Filters: Filters{FacetType: {"section"}}},
			{Query: "council"},
			{Query: "records OR police", Filters: Filters{FacetType: {"section"}}},
			{Query: `"referral police"~5`},
		} {
			r.Sort = sort
			got, want := cursorIDs(t, r), pagedIDs(t, r)
			if !slices.Equal(got, want) {
				t.Errorf("%+v: cursors gave %d ids %v, numbered pages %d ids %v", r, len(got), got, len(want), want)
			}
			seen := map[string]bool{}
			for _, id := range got {
				if seen[id] {
					t.Errorf("%+v: %s twice", r, id)
				}
				seen[id] = true
			}
		}
	}
	if n := len(cursorIDs(t, Request{})); n != len(testDocs) {
		t.Errorf("cursors through everything: %d hits, corpus has %d documents", n, len(testDocs))
	}
}

func TestNextOnlyWhenMore(t *testing.T) {
	t.Parallel()
	if res := mustSearch(t, Request{Query: "council", Size: MaxSize}); res.Next != "" {
		t.Errorf("all %d results on one page, yet a next cursor", res.Total)
	}
	last := mustSearch(t, Request{Size: 5, Page: len(testDocs) / 5})
	if len(testDocs)%5 == 0 && last.Next != "" {
		t.Error("the last full page has a next cursor")
	}
	if res := mustSearch(t, Request{Size: 5, Page: 2}); res.Next == "" {
		t.Error("page 2 of many has no next cursor")
	}
}

// recode returns a cursor changed by edit, as a client could.
func recode(t *testing.T, s string, edit func(*cursor)) string {
	t.Helper()
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	var c cursor
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	edit(&c)
	if b, err = json.Marshal(c); err != nil {
		t.Fatal(err)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// A cursor costs what page 1 costs, so it may lead past the window that
// bounds numbered pages; the search after its hit is the same.
func TestCursorPastWindow(t *testing.T) {
	t.Parallel()
	r := Request{Query: "council", Sort: SortNewest, Size: 10}
	first := mustSearch(t, r)
	second := mustSearch(t, Request{Query: "council", Sort: SortNewest, Size: 10, Page: 2})
	deep := MaxWindow/10 + 5
	r.After = recode(t, first.Next, func(c *cursor) { c.Page = deep })
	res := mustSearch(t, r)
	if res.Page != deep || len(res.Hits) != len(second.Hits) || res.Hits[0].ID != second.Hits[0].ID || res.Total != first.Total {
		t.Errorf("a cursor to page %d: page %d, %d hits, total %d", deep, res.Page, len(res.Hits), res.Total)
	}
}

func TestCursorRefused(t *testing.T) {
	t.Parallel()
	base := Request{Query: "council", Sort: SortNewest, Size: 5, Filters: Filters{FacetType: {"section", "annex"}}}
	next := mustSearch(t, base).Next
	// The same search, its filter values in another order, continues.
	same := base
	same.Filters, same.After = Filters{FacetType: {"annex", "section"}}, next
	if res := mustSearch(t, same); res.Page != 2 {
		t.Errorf("the same search continued at page %d", res.Page)
	}
	change := func(f func(*Request)) Request {
		r := base
		r.After = next
		f(&r)
		return r
	}
	for name, tt := range map[string]struct {
		r    Request
		want string
	}{
		"not base64":      {change(func(r *Request) { r.After = "!!!" }), "not a cursor"},
		"not json":        {change(func(r *Request) { r.After = base64.RawURLEncoding.EncodeToString([]byte("page 2")) }), "not a cursor"},
		"too long":        {change(func(r *Request) { r.After = strings.Repeat("A", maxCursorLen+1) }), "not a cursor"},
		"page 1":          {change(func(r *Request) { r.After = recode(t, next, func(c *cursor) { c.Page = 1 }) }), "not a cursor"},
		"values missing":  {change(func(r *Request) { r.After = recode(t, next, func(c *cursor) { c.After = c.After[:1] }) }), "not a cursor"},
		"score not a num": {change(func(r *Request) { r.After = recode(t, next, func(c *cursor) { c.After[1] = []byte("NaN") }) }), "not a cursor"},
		"unknown sort":    {change(func(r *Request) { r.After = recode(t, next, func(c *cursor) { c.Sort = "popular" }) }), "not a cursor"},
		"another sort":    {change(func(r *Request) { r.Sort = SortOldest }), "sorted by newest, not by oldest"},
		"another size":    {change(func(r *Request) { r.Size = 10 }), "pages of 5 results, not 10"},
		"another query":   {change(func(r *Request) { r.Query = "police" }), "another search"},
		"another filter":  {change(func(r *Request) { r.Filters = Filters{FacetType: {"section"}} }), "another search"},
		"another date":    {change(func(r *Request) { r.From = "2020" }), "another search"},
	} {
		_, err := testSearcher.Search(context.Background(), tt.r)
		if !errors.Is(err, ErrInvalidQuery) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want ErrInvalidQuery saying %q", name, err, tt.want)
		}
	}
}

func TestExportIgnoresCursor(t *testing.T) {
	t.Parallel()
	got, _ := exportIDs(t, Request{Query: "council", After: "not a cursor"}, 0)
	if want := pagedIDs(t, Request{Query: "council"}); !slices.Equal(got, want) {
		t.Errorf("export with a cursor: %d ids, want %d", len(got), len(want))
	}
}
