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
// facet table. Before any term is counted, the postings of every term's
// words are added up from the index, and a batch reading more than
// Tuning.MaxBatchPostings is refused. A term that cannot be read, or that asks
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

// batchCost adds up the postings of every counted term's words (a word
// in several terms counts each time) and refuses the batch past
// Tuning.MaxBatchPostings, naming its costliest terms.
func (s *Searcher) batchCost(ctx context.Context, terms []string, plans []*plan) error {
	r, err := engine.Open(s.idx)
	if err != nil {
		return unavailable(ctx, err)
	}
	defer r.Close()
	type cost struct {
		term     string
		postings uint64
	}
	var costs []cost
	var total uint64
	for i, p := range plans {
		if p == nil {
			continue
		}
		var n uint64
		for _, g := range p.parsed.Groups {
			for _, t := range g {
				for _, w := range s.builder.tokens(indexer.AnalyzerExact, t.Text) {
					df, err := r.DocFreq(ctx, indexer.FieldTextExact, w)
					if err != nil {
						return unavailable(ctx, err)
					}
					n += df
				}
			}
		}
		total += n
		costs = append(costs, cost{terms[i], n})
	}
	if total <= uint64(s.tune.MaxBatchPostings) {
		return nil
	}
	sort.SliceStable(costs, func(i, j int) bool { return costs[i].postings > costs[j].postings })
	var worst []string
	for _, c := range costs[:min(3, len(costs))] {
		worst = append(worst, fmt.Sprintf("%q (%d)", c.term, c.postings))
	}
	return invalidf(fmt.Sprintf("the batch would read %d postings, and one batch may read %d; the costliest terms are %s: split the batch or leave out the most common words",
		total, s.tune.MaxBatchPostings, strings.Join(worst, ", ")))
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
