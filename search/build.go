package search

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/inquirysearch/inquirysearch/indexer"
)

// titleBoost makes a word in a page's heading or report title count for
// more than the same word in its body.
const titleBoost = 2.0

// builder turns a parsed Query into a bleve query.
type builder struct {
	mapping mapping.IndexMapping
}

// build returns the scoring part of the query; filters are added by the
// caller. An empty query matches every document.
func (b builder) build(q *Query) query.Query {
	bq := bleve.NewBooleanQuery()
	musts := 0
	for _, g := range q.Groups {
		var alts []query.Query
		for _, t := range g {
			if tq := b.term(t); tq != nil {
				alts = append(alts, tq)
			}
		}
		switch len(alts) {
		case 0:
		case 1:
			bq.AddMust(alts[0])
			musts++
		default:
			bq.AddMust(bleve.NewDisjunctionQuery(alts...))
			musts++
		}
	}
	for _, t := range q.Exclude {
		if tq := b.term(t); tq != nil {
			bq.AddMustNot(tq)
		}
	}
	if musts == 0 {
		bq.AddMust(bleve.NewMatchAllQuery())
	}
	return bq
}

// term returns the query for one term, or nil if it holds nothing
// searchable (only punctuation).
func (b builder) term(t Term) query.Query {
	if t.Field != "" {
		return fieldTerm(t.Field, t.Text)
	}
	exact := b.tokens(indexer.AnalyzerExact, t.Text)
	if len(exact) == 0 {
		return nil
	}
	if t.Phrase {
		return bleve.NewDisjunctionQuery(
			phrase(t.Text, indexer.FieldTextExact, indexer.AnalyzerExact, 1),
			phrase(t.Text, indexer.FieldTitleExact, indexer.AnalyzerExact, titleBoost),
		)
	}
	if len(b.tokens(indexer.AnalyzerText, t.Text)) == 0 {
		// A stop word on its own ("the", "not"): the stemmed fields drop
		// it, so look for it as written.
		return bleve.NewDisjunctionQuery(
			match(t.Text, indexer.FieldTextExact, indexer.AnalyzerExact, 1),
			match(t.Text, indexer.FieldTitleExact, indexer.AnalyzerExact, titleBoost),
		)
	}
	return bleve.NewDisjunctionQuery(
		match(t.Text, indexer.FieldText, indexer.AnalyzerText, 1),
		match(t.Text, indexer.FieldTitle, indexer.AnalyzerText, titleBoost),
	)
}

func (b builder) tokens(analyzer, text string) []string {
	a := b.mapping.AnalyzerNamed(analyzer)
	if a == nil {
		return nil
	}
	var out []string
	for _, tok := range a.Analyze([]byte(text)) {
		out = append(out, string(tok.Term))
	}
	return out
}

// match finds every token of text (a word that the analyzer splits, such
// as "B.1" or "multi-agency", must match whole).
//
// The analyzer is named explicitly: bleve looks analyzers up by property
// path, and the *_exact fields share their property with the stemmed ones.
func match(text, field, analyzer string, boost float64) query.Query {
	m := bleve.NewMatchQuery(text)
	m.Analyzer = analyzer
	m.SetField(field)
	m.SetOperator(query.MatchQueryOperatorAnd)
	m.SetBoost(boost)
	return m
}

func phrase(text, field, analyzer string, boost float64) query.Query {
	p := bleve.NewMatchPhraseQuery(text)
	p.Analyzer = analyzer
	p.SetField(field)
	p.SetBoost(boost)
	return p
}
