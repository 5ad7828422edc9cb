package server

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/search"
	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// versioned is the real searcher with an index version the test can move,
// as a rebuild would.
type versioned struct {
	*search.Searcher
	version string
}

func (v *versioned) Info() searchapi.Info {
	m := v.Searcher.Info()
	m.Version = v.version
	return m
}

func TestCachedSearch(t *testing.T) {
	b := &versioned{Searcher: testBackend, version: "v1"}
	c, err := NewCached(b, 8)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	first, err := c.Search(ctx, search.Request{Query: "council", Filters: search.Filters{"type": {"section", "annex"}}})
	if err != nil {
		t.Fatal(err)
	}
	// The same search with its filters in another order is a hit.
	second, err := c.Search(ctx, search.Request{Query: "council", Filters: search.Filters{"type": {"annex", "section"}}})
	if err != nil {
		t.Fatal(err)
	}
	if c.cache.Len() != 1 || second.Total != first.Total || len(second.Hits) != len(first.Hits) || second.Hits[0].ID != first.Hits[0].ID {
		t.Errorf("second search: %d entries cached, totals %d and %d", c.cache.Len(), first.Total, second.Total)
	}
	// Callers get copies: changing one does not change the cache.
	second.TookMS = -1
	third, _ := c.Search(ctx, search.Request{Query: "council", Filters: search.Filters{"type": {"section", "annex"}}})
	if third.TookMS < 0 {
		t.Error("a caller's change reached the cache")
	}
	// A new index version misses.
	b.version = "v2"
	if _, err := c.Search(ctx, search.Request{Query: "council", Filters: search.Filters{"type": {"section", "annex"}}}); err != nil {
		t.Fatal(err)
	}
	if c.cache.Len() != 2 {
		t.Errorf("%d entries after a version change, want 2", c.cache.Len())
	}
	// Errors are not cached.
	if _, err := c.Search(ctx, search.Request{Sort: "nonsense"}); err == nil {
		t.Fatal("a bad request succeeded")
	}
	if c.cache.Len() != 2 {
		t.Error("an error was cached")
	}
}

func TestCacheMetrics(t *testing.T) {
	c, err := NewCached(testBackend, 8)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptestServer(t, c)
	for range 3 {
		getFrom(t, srv+"/api/v1/search?q=inspection")
	}
	_, body := getFrom(t, srv+"/metrics")
	for _, want := range []string{"inquirysearch_search_cache_hits_total 2", "inquirysearch_search_cache_misses_total 1"} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

func httptestServer(t *testing.T, b Backend) string {
	t.Helper()
	s, err := New(b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return srv.URL
}

// A cursor is part of the key: the page after one is not the page itself.
func TestCacheKeysOnCursor(t *testing.T) {
	c, err := NewCached(testBackend, 8)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	r := search.Request{Query: "council", Size: 5}
	first, err := c.Search(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	r.After = first.Next
	second, err := c.Search(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	if c.cache.Len() != 2 || second.Page != 2 || second.Hits[0].ID == first.Hits[0].ID {
		t.Errorf("%d entries; the page after page 1 is page %d, first hit %s", c.cache.Len(), second.Page, second.Hits[0].ID)
	}
}
