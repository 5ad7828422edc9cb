package search

import (
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/indexer"
	"github.com/inquirysearch/inquirysearch/internal/engine"
)

// Weights of where a word is found, relative to a paragraph of body text.
// No weight is given to document types: BM25's length normalisation already
// keeps a short recommendations page or summary from being drowned by a
// long annex, and a type weight large enough to matter outranked the page
// that actually discusses a term (measured on the relevance set).
const (
	titleBoost   = 2.0 // the page heading or report title
	headingBoost = 1.5 // a sub-heading inside the page
)

// builder turns a parsed Query into a bleve query. It is immutable and
// safe for concurrent use.
type builder struct {
	mapping  mapping.IndexMapping
	glossary *Glossary
	// acronyms maps the exact tokens of each glossary expansion, joined by
	// spaces, to the acronyms it stands for.
	acronyms map[string][]string
	maxWords int // the most words in any expansion
	// pairing says which adjacent words the exact field holds as pairs.
	pairing indexer.Pairing
}

func newBuilder(m mapping.IndexMapping, g *Glossary) builder {
	b := builder{mapping: m, glossary: g, acronyms: map[string][]string{}, pairing: indexer.IndexPairing(m)}
	g.each(func(expansion string, acronyms []string) {
		toks := b.tokens(indexer.AnalyzerExact, expansion)
		b.acronyms[strings.Join(toks, " ")] = acronyms
		b.maxWords = max(b.maxWords, len(toks))
	})
	return b
}

// scoring is a query ready to run: the scoring query (filters are added by
// the caller) and what glossary expansion added to it.
type scoring struct {
	query    query.Query
	expanded []Expansion
}

// build returns the scoring query of q. With expand, glossary terms are widened;
// prox holds the verified matches of q's proximity terms. An empty query
// matches every document.
func (b builder) build(q *Query, expand bool, prox proximities) scoring {
	var p scoring
	bq := bleve.NewBooleanQuery()
	musts := 0
	for i := 0; i < len(q.Groups); i++ {
		if expand {
			if n, mq := b.spelledOut(q.Groups[i:], &p); n > 0 {
				bq.AddMust(mq)
				musts++
				i += n - 1
				continue
			}
		}
		var alts []query.Query
		for _, t := range q.Groups[i] {
			if tq := b.term(t, expand, prox, &p); tq != nil {
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
		if tq := b.term(t, false, prox, nil); tq != nil {
			bq.AddMustNot(tq)
		}
	}
	if musts == 0 {
		if bq.MustNot == nil {
			// Every document, equally: a boolean query would walk them
			// through a conjunction of one and score each twice.
			p.query = bleve.NewMatchAllQuery()
			return p
		}
		bq.AddMust(bleve.NewMatchAllQuery())
	}
	p.query = bq
	return p
}

// spelledOut looks for a glossary expansion typed out as separate words
// at the start of groups ("child sexual exploitation"); it returns how many
// groups it covers and a query that also finds the acronym.
func (b builder) spelledOut(groups [][]Term, p *scoring) (int, query.Query) {
	var words []string
	for n := 0; n < len(groups) && n < b.maxWords; n++ {
		g := groups[n]
		if len(g) != 1 || g[0].Field != "" || g[0].Phrase || g[0].Literal {
			break
		}
		words = append(words, g[0].Text)
	}
	for n := len(words); n >= 2; n-- {
		key := strings.Join(b.tokens(indexer.AnalyzerExact, strings.Join(words[:n], " ")), " ")
		acronyms, ok := b.acronyms[key]
		if !ok {
			continue
		}
		all := make([]query.Query, n)
		for i, w := range words[:n] {
			all[i] = b.words(w)
		}
		alts := []query.Query{bleve.NewConjunctionQuery(all...)}
		for _, a := range acronyms {
			alts = append(alts, b.words(a))
		}
		p.expanded = append(p.expanded, Expansion{Term: strings.Join(words[:n], " "), With: acronyms})
		return n, bleve.NewDisjunctionQuery(alts...)
	}
	return 0, nil
}

// term returns the query for one term, or nil if it holds nothing
// searchable (only punctuation). Expansions are recorded in p.
func (b builder) term(t Term, expand bool, prox proximities, p *scoring) query.Query {
	switch t.Field {
	case "":
	case FieldURN:
		return identifier(strings.ToLower(t.Text), indexer.FieldRefs)
	case FieldCipher:
		// A heading such as "The school's response to concerns about
		// SS-F1" names the cipher too, and says the page is about it.
		return bleve.NewDisjunctionQuery(identifier(corpus.NormaliseCipher(t.Text), indexer.FieldCiphers),
			b.phrase(t.Text, indexer.FieldTitleExact, indexer.AnalyzerExact, titleBoost))
	case FieldPublished:
		r, err := parseDates(t.Text)
		if err != nil {
			return bleve.NewMatchNoneQuery() // Parse has checked it already
		}
		return r.query()
	default:
		return searchFacets[t.Field].term(t.Text)
	}
	if len(b.tokens(indexer.AnalyzerExact, t.Text)) == 0 {
		return nil
	}
	var tq query.Query
	switch {
	case t.Within > 0:
		return prox.query(t)
	case t.Phrase || t.Literal:
		// =word is the word as typed: the exact fields, unstemmed, as a
		// quoted word is.
		tq = b.exactPhrase(t.Text)
	default:
		tq = b.words(t.Text)
	}
	if !expand || t.Literal || p == nil {
		return tq
	}
	var with []string
	alts := []query.Query{tq}
	if !t.Phrase {
		for _, e := range b.glossary.Expansions(t.Text) {
			alts = append(alts, b.exactPhrase(e))
			with = append(with, e)
		}
	} else {
		for _, a := range b.acronyms[strings.Join(b.tokens(indexer.AnalyzerExact, t.Text), " ")] {
			alts = append(alts, b.words(a))
			with = append(with, a)
		}
	}
	if len(with) == 0 {
		return tq
	}
	p.expanded = append(p.expanded, Expansion{Term: t.Text, With: with})
	return bleve.NewDisjunctionQuery(alts...)
}

// words finds text as stemmed words in the body, headings and titles.
func (b builder) words(text string) query.Query {
	if len(b.tokens(indexer.AnalyzerText, text)) == 0 {
		// A stop word on its own ("the", "not"): the stemmed fields drop
		// it, so look for it as written.
		return bleve.NewDisjunctionQuery(
			match(text, indexer.FieldTextExact, indexer.AnalyzerExact, 1),
			match(text, indexer.FieldTitleExact, indexer.AnalyzerExact, titleBoost),
		)
	}
	return bleve.NewDisjunctionQuery(
		match(text, indexer.FieldText, indexer.AnalyzerText, 1),
		match(text, indexer.FieldHeadings, indexer.AnalyzerText, headingBoost),
		match(text, indexer.FieldTitle, indexer.AnalyzerText, titleBoost),
	)
}

// exactPhrase finds text as an exact phrase in the body or the titles. In
// the body, the pairs of common words it holds are looked up as indexed
// pairs: the same matches, from far shorter position lists.
func (b builder) exactPhrase(text string) query.Query {
	return bleve.NewDisjunctionQuery(b.bodyPhrase(text),
		b.phrase(text, indexer.FieldTitleExact, indexer.AnalyzerExact, titleBoost))
}

func (b builder) bodyPhrase(text string) query.Query {
	toks := b.tokens(indexer.AnalyzerExact, text)
	terms := b.pairing.PhraseTerms(toks)
	switch {
	case len(toks) < 2:
		return b.phrase(text, indexer.FieldTextExact, indexer.AnalyzerExact, 1)
	case len(terms) == 1:
		return identifier(terms[0], indexer.FieldTextExact)
	}
	return engine.NewBodyPhrase(terms, indexer.FieldTextExact)
}

func identifier(term, field string) query.Query {
	tq := bleve.NewTermQuery(term)
	tq.SetField(field)
	return tq
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

func (b builder) phrase(text, field, analyzer string, boost float64) query.Query {
	if toks := b.tokens(analyzer, text); len(toks) == 1 {
		// One word has no order to check: its term finds the same
		// documents, with the same score, without the phrase searcher,
		// which decodes the positions of every match (a common word's
		// search spent most of its time there).
		tq := bleve.NewTermQuery(toks[0])
		tq.SetField(field)
		tq.SetBoost(boost)
		return tq
	}
	p := bleve.NewMatchPhraseQuery(text)
	p.Analyzer = analyzer
	p.SetField(field)
	p.SetBoost(boost)
	return engine.GuardRepeats(p, b.tokens(analyzer, text))
}
