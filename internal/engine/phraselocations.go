package engine

import (
	"context"
	"encoding/json"
	"slices"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// bleve's phrase searcher (v2.6.3) can return a match in which two of the
// phrase's locations share one array-position slice: this happens when a
// term repeats in the phrase ("the the the" is the pair "the the" twice)
// and two paths through one document use the same occurrence. The match
// is later reused from bleve's pool for another document, whose term
// locations are written into those slices in turn, so the shared slice
// gives one location another paragraph's array position and the phrase
// matches across two paragraphs. Counts then depend on the page size, and
// a page can list a document that its own second search does not find.
// Phrases with a repeated term are therefore searched through
// OwnLocations, which gives each returned location its own slice.

// GuardRepeats returns q, made safe from the shared slices when terms
// (the terms of its phrase) name one term twice.
func GuardRepeats(q query.Query, terms []string) query.Query {
	seen := make(map[string]bool, len(terms))
	for _, t := range terms {
		if t == "" {
			continue
		}
		if seen[t] {
			return OwnLocations{q}
		}
		seen[t] = true
	}
	return q
}

// OwnLocations is a phrase query whose matches never share array
// positions between locations.
type OwnLocations struct {
	query.Query
}

func (q OwnLocations) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	s, err := q.Query.Searcher(ctx, r, m, o)
	if err != nil {
		return nil, err
	}
	return ownLocationsSearcher{s}, nil
}

// Validate lets a parent query validate the phrase as it would unwrapped.
func (q OwnLocations) Validate() error {
	if v, ok := q.Query.(query.ValidatableQuery); ok {
		return v.Validate()
	}
	return nil
}

// MarshalJSON writes the phrase as it would be written unwrapped.
func (q OwnLocations) MarshalJSON() ([]byte, error) {
	return json.Marshal(q.Query)
}

type ownLocationsSearcher struct {
	bsearch.Searcher
}

func (s ownLocationsSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	dm, err := s.Searcher.Next(ctx)
	return unshare(dm), err
}

func (s ownLocationsSearcher) Advance(ctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	dm, err := s.Searcher.Advance(ctx, id)
	return unshare(dm), err
}

func unshare(dm *bsearch.DocumentMatch) *bsearch.DocumentMatch {
	if dm == nil {
		return nil
	}
	for i := range dm.FieldTermLocations {
		l := &dm.FieldTermLocations[i].Location
		if len(l.ArrayPositions) > 0 {
			l.ArrayPositions = slices.Clone(l.ArrayPositions)
		}
	}
	return dm
}
