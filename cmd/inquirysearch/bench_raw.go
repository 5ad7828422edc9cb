package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/search"
)

// rawBleve is the same corpus in bleve with a plain mapping (the default
// analyzer, keyword facet fields, one document per page) and plain
// queries: the floor the service stands on.
type rawBleve struct {
	idx       bleve.Index
	buildTime time.Duration
}

func newRawBleve(ctx context.Context, docs []*corpus.Document, dir string) (*rawBleve, error) {
	os.RemoveAll(dir)
	m := bleve.NewIndexMapping()
	for _, f := range []string{"investigation", "type", "year", "place"} {
		fm := bleve.NewKeywordFieldMapping()
		m.DefaultMapping.AddFieldMappingsAt(f, fm)
	}
	start := time.Now()
	idx, err := bleve.New(dir, m)
	if err != nil {
		return nil, fmt.Errorf("raw bleve: %w", err)
	}
	b := idx.NewBatch()
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		text := make([]string, len(d.Paragraphs))
		for i, p := range d.Paragraphs {
			text[i] = p.Text
		}
		rec := map[string]any{"text": text, "title": d.Title, "type": string(d.Type), "investigation": d.Investigation, "place": d.Places}
		if len(d.Published) >= 4 {
			rec["year"] = d.Published[:4]
		}
		b.Index(d.ID, rec)
		if b.Size() >= 1000 {
			if err := idx.Batch(b); err != nil {
				return nil, fmt.Errorf("raw bleve: %w", err)
			}
			b.Reset()
		}
	}
	if err := idx.Batch(b); err != nil {
		return nil, fmt.Errorf("raw bleve: %w", err)
	}
	return &rawBleve{idx: idx, buildTime: time.Since(start)}, nil
}

func (r *rawBleve) close() { r.idx.Close() }

// query translates a benchmark request into plain bleve queries.
func (r *rawBleve) query(req search.Request) *bleve.SearchRequest {
	var q query.Query = bleve.NewMatchAllQuery()
	text := strings.TrimSpace(req.Query)
	switch {
	case strings.HasPrefix(text, `"`):
		p := bleve.NewMatchPhraseQuery(strings.Trim(text, `"`))
		p.SetField("text")
		q = p
	case text != "":
		m := bleve.NewMatchQuery(text)
		m.SetField("text")
		m.SetOperator(query.MatchQueryOperatorAnd)
		q = m
	}
	if t := req.Filters[search.FacetType]; len(t) > 0 {
		tq := bleve.NewTermQuery(t[0])
		tq.SetField("type")
		q = bleve.NewConjunctionQuery(q, tq)
	}
	page := max(req.Page, 1)
	sr := bleve.NewSearchRequestOptions(q, 10, (page-1)*10, false)
	for _, f := range []string{"investigation", "type", "year", "place"} {
		sr.AddFacet(f, bleve.NewFacetRequest(f, 50))
	}
	return sr
}

func (r *rawBleve) measure(ctx context.Context, k benchKind, c int) (benchFigure, bool) {
	if k.name == kindSuggest {
		return benchFigure{}, false // plain bleve has no completions
	}
	f := measure(k, "raw-bleve", c, func(q benchQuery) (int, error) {
		res, err := r.idx.SearchInContext(ctx, r.query(q.req))
		if err != nil {
			return 0, err
		}
		return int(res.Total), nil
	})
	return f, true
}
