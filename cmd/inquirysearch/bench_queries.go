package main

import (
	"math/rand"
	"net/url"
	"slices"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/indexer"
	"github.com/inquirysearch/inquirysearch/search"
)

// benchQuery is one query of a benchmark, with the hit count a scan of the
// corpus gives (-1 when not checked).
type benchQuery struct {
	req    search.Request
	prefix string // for suggest: what has been typed
	want   int
}

type benchKind struct {
	name    string
	queries []benchQuery
}

// kindSuggest is the kind of query that asks for completions.
const kindSuggest = "suggest"

// benchOracle picks benchmark queries from the corpus itself and counts
// their hits by scanning it with the index's own analyzers.
type benchOracle struct {
	docs    []*corpus.Document
	mapping *mapping.IndexMappingImpl
	rng     *rand.Rand
	byDF    []string // words of a sample of the corpus, most widespread first
	checks  int      // queries of each kind whose hits are counted by a scan
}

// defaultChecks is how many queries of each kind are checked against a
// full scan by default; the scan costs far more than the queries.
const defaultChecks = 10

func newBenchOracle(docs []*corpus.Document) (*benchOracle, error) {
	m, err := indexer.NewMapping()
	if err != nil {
		return nil, err
	}
	o := &benchOracle{docs: docs, mapping: m, rng: rand.New(rand.NewSource(42)), checks: defaultChecks}
	df := map[string]int{}
	for i, d := range docs {
		if i >= 3000 {
			break
		}
		seen := map[string]bool{}
		for _, p := range d.Paragraphs {
			for _, w := range strings.Fields(strings.ToLower(p.Text)) {
				w = strings.Trim(w, ".,;:’'“”\"()")
				if len(w) > 2 && !seen[w] && len(o.tokens(indexer.AnalyzerText, w)) == 1 && !strings.ContainsAny(w, "’'") {
					seen[w] = true
					df[w]++
				}
			}
		}
	}
	for w := range df {
		o.byDF = append(o.byDF, w)
	}
	sort.Slice(o.byDF, func(i, j int) bool {
		if df[o.byDF[i]] != df[o.byDF[j]] {
			return df[o.byDF[i]] > df[o.byDF[j]]
		}
		return o.byDF[i] < o.byDF[j]
	})
	return o, nil
}

func (o *benchOracle) tokens(analyzer, text string) []string {
	var out []string
	for _, t := range o.mapping.AnalyzerNamed(analyzer).Analyze([]byte(text)) {
		out = append(out, string(t.Term))
	}
	return out
}

// queryKinds returns n queries of each kind the issue names, and fills in
// the scanned hit counts of the first few of each.
func (o *benchOracle) queryKinds(n int) []benchKind {
	pick := func(from, to int) string {
		to = min(to, len(o.byDF))
		from = min(from, to-1)
		return o.byDF[from+o.rng.Intn(max(to-from, 1))]
	}
	phrase := func() string {
		for {
			d := o.docs[o.rng.Intn(len(o.docs))]
			if len(d.Paragraphs) == 0 {
				continue
			}
			words := strings.Fields(d.Paragraphs[o.rng.Intn(len(d.Paragraphs))].Text)
			size := 2 + o.rng.Intn(2)
			if len(words) <= size {
				continue
			}
			i := o.rng.Intn(len(words) - size)
			p := strings.Trim(strings.Join(words[i:i+size], " "), ".,;:")
			if len(o.tokens(indexer.AnalyzerExact, p)) == size && !strings.ContainsAny(p, `"`) {
				return p
			}
		}
	}
	section := search.Filters{search.FacetType: {string(corpus.TypeSection)}}
	gen := map[string]func() search.Request{
		"single common term": func() search.Request { return search.Request{Query: pick(0, 5)} },
		"single rare term":   func() search.Request { return search.Request{Query: pick(len(o.byDF)*9/10, len(o.byDF))} },
		"2-3 term AND": func() search.Request {
			q := pick(20, 400) + " " + pick(20, 400)
			if o.rng.Intn(2) == 0 {
				q += " " + pick(20, 400)
			}
			return search.Request{Query: q}
		},
		"quoted phrase":            func() search.Request { return search.Request{Query: `"` + phrase() + `"`} },
		"phrase + filter":          func() search.Request { return search.Request{Query: `"` + phrase() + `"`, Filters: section} },
		"match-all, all facets":    func() search.Request { return search.Request{} },
		"typical query, facets":    func() search.Request { return search.Request{Query: pick(5, 200) + " " + pick(50, 2000)} },
		"page 50 of a common term": func() search.Request { return search.Request{Query: pick(0, 5), Page: 50} },
	}
	order := []string{"single common term", "single rare term", "2-3 term AND", "quoted phrase", "phrase + filter",
		"match-all, all facets", "typical query, facets", "page 50 of a common term", kindSuggest}
	kinds := make([]benchKind, len(order))
	for i, name := range order {
		kinds[i].name = name
		if name == kindSuggest {
			// What a person has typed of a word: its first two to five letters.
			for j := 0; j < n; j++ {
				w := []rune(pick(0, 2000))
				kinds[i].queries = append(kinds[i].queries, benchQuery{prefix: string(w[:min(len(w), 2+o.rng.Intn(4))]), want: -1})
			}
			continue
		}
		for j := 0; j < n; j++ {
			// Literal queries: the scan that checks counts knows nothing
			// of acronym expansion.
			req := gen[name]()
			req.NoExpand = true
			kinds[i].queries = append(kinds[i].queries, benchQuery{req: req, want: -1})
		}
	}
	o.count(kinds)
	return kinds
}

// count scans the corpus once and sets want on the first o.checks queries
// of each kind.
func (o *benchOracle) count(kinds []benchKind) {
	type check struct {
		q      *benchQuery
		words  [][]string // stemmed tokens per word
		phrase []string   // exact tokens
		typ    string
	}
	var checks []*check
	for ki := range kinds {
		for qi := range kinds[ki].queries {
			if qi >= o.checks {
				break
			}
			q := &kinds[ki].queries[qi]
			if q.prefix != "" {
				continue // suggestions are not counted
			}
			q.want = 0
			c := &check{q: q}
			if t := q.req.Filters[search.FacetType]; len(t) > 0 {
				c.typ = t[0]
			}
			if strings.HasPrefix(q.req.Query, `"`) {
				c.phrase = o.tokens(indexer.AnalyzerExact, strings.Trim(q.req.Query, `"`))
			} else {
				for _, w := range strings.Fields(q.req.Query) {
					c.words = append(c.words, o.tokens(indexer.AnalyzerText, w))
				}
			}
			checks = append(checks, c)
		}
	}
	if len(checks) == 0 {
		return
	}
	for _, d := range o.docs {
		texts := []string{d.Title, d.Report, d.Subtitle}
		for _, p := range d.Paragraphs {
			texts = append(texts, p.Text)
		}
		stems := map[string]bool{}
		var exact [][]string
		for _, t := range texts {
			for _, tok := range o.tokens(indexer.AnalyzerText, t) {
				stems[tok] = true
			}
			exact = append(exact, o.tokens(indexer.AnalyzerExact, t))
		}
		for _, c := range checks {
			if c.typ != "" && string(d.Type) != c.typ {
				continue
			}
			ok := true
			if c.phrase != nil {
				ok = slices.ContainsFunc(exact, func(toks []string) bool { return containsRun(toks, c.phrase) })
			}
			for _, w := range c.words {
				for _, tok := range w {
					ok = ok && stems[tok]
				}
			}
			if ok {
				c.q.want++
			}
		}
	}
}

func containsRun(toks, run []string) bool {
	for i := 0; i+len(run) <= len(toks); i++ {
		if slices.Equal(toks[i:i+len(run)], run) {
			return true
		}
	}
	return false
}

func urlEscape(s string) string { return url.QueryEscape(s) }

// filterKinds keeps the kinds whose names contain one of the
// comma-separated words of only (all of them when only is empty).
func filterKinds(kinds []benchKind, only string) []benchKind {
	if only == "" {
		return kinds
	}
	var out []benchKind
	for _, k := range kinds {
		for _, w := range strings.Split(only, ",") {
			if w = strings.TrimSpace(w); w != "" && strings.Contains(k.name, w) {
				out = append(out, k)
				break
			}
		}
	}
	return out
}
