package server

import (
	"context"
	"net/url"
	"sort"
	"sync"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// collectionView says what the index holds, for the home page: its
// reports, its documents by type, the dates they span and when it was
// last crawled.
type collectionView struct {
	Documents  int
	Paragraphs int
	Reports    []linkView // the reports by name, each linked to a search of its pages
	Types      []typeCount
	Earliest   string // ISO dates of the oldest and newest publication
	Latest     string
	Crawled    string // the last crawl's end, or the index's build when no crawl is known (ISO date)
	CrawlKnown bool
}

type typeCount struct {
	Label string
	Count int
	URL   string
}

// collectionCache keeps the collection's summary for one index version:
// the index never changes while it is served, and a new one has a new
// version.
type collectionCache struct {
	mu      sync.Mutex
	version string
	view    *collectionView
}

// collection returns the summary of the index being served, read through
// the backend's searches once per index version.
func (s *Server) collection(ctx context.Context) (*collectionView, error) {
	info := s.backend.Info()
	s.coll.mu.Lock()
	defer s.coll.mu.Unlock()
	if s.coll.view != nil && s.coll.version == info.Version {
		return s.coll.view, nil
	}
	v := &collectionView{Documents: info.Documents, Paragraphs: info.Paragraphs}
	types, err := s.backend.TypeCounts(ctx)
	if err != nil {
		return nil, err
	}
	for _, t := range corpus.Types {
		if n := types[string(t)]; n > 0 {
			v.Types = append(v.Types, typeCount{Label: typeLabel(string(t)), Count: n, URL: "/search?" + url.Values{"type": {string(t)}}.Encode()})
		}
	}
	// The reports are the report facet's values: one name per report,
	// as its landing page prints it.
	all, err := s.backend.Search(ctx, searchapi.Request{Size: 1, Page: 1, Sort: searchapi.SortRelevance})
	if err != nil {
		return nil, err
	}
	for _, r := range all.Facets[searchapi.FacetReport] {
		v.Reports = append(v.Reports, linkView{Label: r.Value, Count: r.Count, URL: "/search?" + url.Values{"report": {r.Value}}.Encode()})
	}
	sort.Slice(v.Reports, func(i, j int) bool { return v.Reports[i].Label < v.Reports[j].Label })
	for _, order := range []string{searchapi.SortOldest, searchapi.SortNewest} {
		res, err := s.backend.Search(ctx, searchapi.Request{Size: 1, Page: 1, Sort: order})
		if err != nil {
			return nil, err
		}
		if len(res.Hits) == 0 {
			continue
		}
		if order == searchapi.SortOldest {
			v.Earliest = res.Hits[0].Published
		} else {
			v.Latest = res.Hits[0].Published
		}
	}
	if c := s.lastCrawl(); c != nil && !c.Finished.IsZero() {
		v.Crawled, v.CrawlKnown = c.Finished.UTC().Format("2006-01-02"), true
	} else if !info.BuiltAt.IsZero() {
		v.Crawled = info.BuiltAt.UTC().Format("2006-01-02")
	}
	s.coll.version, s.coll.view = info.Version, v
	return v, nil
}
