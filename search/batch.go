package search

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	bsearch "github.com/blevesearch/bleve/v2/search"

	"github.com/inquirysearch/inquirysearch/indexer"
	"github.com/inquirysearch/inquirysearch/internal/engine"
	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// Batch counts, for each term, the documents a search for it finds (its
// total, filters in the term included) and the paragraphs that match in
// them (the paragraphs its hits name, added up). It fetches no hit: one
// walk of each term's matches reads their term locations and checks the
// facet table. Before any term is counted, the word positions the batch
// would read are estimated from the index (batchCost), and a batch over
// Tuning.MaxBatchPositions is refused. A term that cannot be read, or that asks
// for a distance search, gets an error of its own and no counts. Errors
// wrap ErrInvalidQuery (no terms, too many, too costly) or
// ErrUnavailable.
func (s *Searcher) Batch(ctx context.Context, terms []string) (*searchapi.Batch, error) {
	if len(terms) == 0 {
		return nil, invalidf("the batch has no terms: give one term or name a line")
	}
	if len(terms) > searchapi.MaxBatchTerms {
		return nil, invalidf(fmt.Sprintf("the batch has %d terms, and one batch counts at most %d", len(terms), searchapi.MaxBatchTerms))
	}
	out := &searchapi.Batch{Results: make([]searchapi.BatchCount, len(terms))}
	plans := make([]*plan, len(terms))
	for i, term := range terms {
		out.Results[i] = searchapi.BatchCount{Term: term, SearchURL: searchapi.SearchURL(term)}
		p, err := s.batchPlan(ctx, term)
		switch {
		case errors.Is(err, ErrInvalidQuery):
			out.Results[i].Error = err.Error()
		case err != nil:
			return nil, err
		}
		plans[i] = p
	}
	if err := s.batchCost(ctx, terms, plans); err != nil {
		return nil, err
	}
	r, err := engine.Open(s.idx)
	if err != nil {
		return nil, unavailable(ctx, err)
	}
	defer r.Close()
	for i, p := range plans {
		if p == nil {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, unavailable(ctx, err)
		}
		c := &out.Results[i]
		if c.Documents, c.Paragraphs, err = countMatches(ctx, r, p); err != nil {
			return nil, unavailable(ctx, err)
		}
	}
	return out, nil
}

// batchPlan compiles one term as the search page would search it, and
// refuses what a batch does not count.
func (s *Searcher) batchPlan(ctx context.Context, term string) (*plan, error) {
	if strings.TrimSpace(term) == "" {
		return nil, invalidf("an empty term finds everything: it is not counted")
	}
	r := Request{Query: term, Page: 1, Size: 1}
	if _, err := validate(&r); err != nil {
		return nil, err
	}
	parsed, err := Parse(r.Query)
	if err != nil {
		return nil, err
	}
	if parsed.HasDistance() {
		return nil, invalidf("a distance search is not counted in a batch: open its search")
	}
	if parsed.Empty() {
		return nil, invalidf("the term has no words to search for")
	}
	return s.compile(ctx, r, nil)
}

// batchCost estimates what counting the batch would read and refuses it
// past Tuning.MaxBatchPositions, naming its costliest terms. Counting
// reads every position of a term's words in every document holding one
// (the paragraphs are learnt from them), so a term costs, for each of its
// words, the documents holding it times its mean occurrences in them,
// learnt from a bounded sample of its postings (engine.WordStats); a word
// in several terms counts each time.
func (s *Searcher) batchCost(ctx context.Context, terms []string, plans []*plan) error {
	r, err := engine.Open(s.idx)
	if err != nil {
		return unavailable(ctx, err)
	}
	defer r.Close()
	type cost struct {
		term      string
		positions float64
	}
	var costs []cost
	total := 0.0
	for i, p := range plans {
		if p == nil {
			continue
		}
		n := 0.0
		for _, g := range p.parsed.Groups {
			for _, t := range g {
				for _, w := range s.builder.tokens(indexer.AnalyzerExact, t.Text) {
					docs, perDoc, err := r.WordStats(ctx, indexer.FieldTextExact, w, tfSample)
					if err != nil {
						return unavailable(ctx, err)
					}
					n += float64(docs) * perDoc
				}
			}
		}
		total += n
		costs = append(costs, cost{terms[i], n})
	}
	if total <= float64(s.tune.MaxBatchPositions) {
		return nil
	}
	sort.SliceStable(costs, func(i, j int) bool { return costs[i].positions > costs[j].positions })
	var worst []string
	for _, c := range costs[:min(3, len(costs))] {
		worst = append(worst, fmt.Sprintf("%q (%.0f)", c.term, c.positions))
	}
	return invalidf(fmt.Sprintf("the batch would read about %.0f word positions, and one batch may read %d; the costliest terms are %s: split the batch or leave out the most common words",
		total, s.tune.MaxBatchPositions, strings.Join(worst, ", ")))
}

// countMatches walks a plan's matches with their term locations: the
// documents that pass its filters, and their distinct matched paragraphs
// (as toHit names them: locations in the paragraph fields).
func countMatches(ctx context.Context, r *engine.Snapshot, p *plan) (docs, paras uint64, err error) {
	seen := map[uint64]bool{}
	err = r.EachLocated(ctx, p.spec.query, func(num uint64, dm *bsearch.DocumentMatch) error {
		for i := range p.spec.filters {
			if !p.spec.filters[i].passes(num) {
				return nil
			}
		}
		docs++
		clear(seen)
		for _, ftl := range dm.FieldTermLocations {
			if !paragraphField[ftl.Field] || len(ftl.Location.ArrayPositions) == 0 {
				continue
			}
			seen[ftl.Location.ArrayPositions[0]] = true
		}
		paras += uint64(len(seen))
		return nil
	})
	return docs, paras, err
}

// paragraphField names the fields whose locations name a paragraph, as
// paragraphSpans reads them.
var paragraphField = map[string]bool{
	indexer.FieldText: true, indexer.FieldTextExact: true, indexer.FieldRefs: true, indexer.FieldCiphers: true,
}
