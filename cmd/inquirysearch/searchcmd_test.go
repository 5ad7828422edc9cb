package main

import (
	"io"
	"slices"
	"testing"

	"github.com/inquirysearch/inquirysearch/search"
)

// TestSearchFlags: the page size and sort default to the search package's
// own, repeated filters gather under their facet, and the arguments are
// the query.
func TestSearchFlags(t *testing.T) {
	cfg, err := parseSearch([]string{"record", "keeping"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	r := cfg.Request
	if r.Query != "record keeping" || r.Size != search.DefaultSize || r.Sort != search.SortRelevance || r.Page != 1 || len(r.Filters) != 0 {
		t.Fatalf("defaults: %+v", r)
	}
	facet := search.Facets[0]
	cfg, err = parseSearch([]string{"--" + facet, "A", "--" + facet, "B", "--sort", "newest", "--size", "5", "--no-expand", "--json", "CSA"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	r = cfg.Request
	if !slices.Equal(r.Filters[facet], []string{"A", "B"}) || r.Sort != "newest" || r.Size != 5 || !r.NoExpand || !cfg.JSON || r.Query != "CSA" {
		t.Fatalf("flags: %+v", cfg)
	}
	if _, err := parseSearch([]string{"--glossary", "/no/such/glossary"}, io.Discard); err == nil {
		t.Error("a missing glossary file was accepted")
	}
}
