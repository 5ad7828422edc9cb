package search

import (
	"context"
	"fmt"

	"github.com/inquirysearch/inquirysearch/indexer"
	"github.com/inquirysearch/inquirysearch/internal/engine"
)

// tfSample is how many postings of a word are read to learn how often it
// occurs in a document: enough for a stable mean, and a bound on what the
// estimate itself costs however common the word.
const tfSample = 2048

// proximityCost estimates what answering terms would read: for each term,
// its candidates (at most the documents of its rarest word) times the
// mean occurrences per document of each of its words, added up over the
// terms. It refuses a query whose terms have too many candidates or too
// many positions between them (Tuning.MaxProximityCandidates and
// MaxProximityPositions).
func (s *Searcher) proximityCost(ctx context.Context, r *engine.Snapshot, terms []Term) error {
	total := 0.0
	for _, t := range terms {
		words := s.builder.tokens(indexer.AnalyzerExact, t.Text)
		var cand uint64
		perDoc := 0.0
		for i, w := range words {
			df, mean, err := r.WordStats(ctx, indexer.FieldTextExact, w, tfSample)
			if err != nil {
				return unavailable(ctx, err)
			}
			if i == 0 || df < cand {
				cand = df
			}
			perDoc += mean
		}
		if cand > uint64(s.tune.MaxProximityCandidates) {
			return invalidf(fmt.Sprintf("the words of %s are in more than %d documents: add a word or a filter to search within a distance", t, s.tune.MaxProximityCandidates))
		}
		cost := float64(cand) * perDoc
		if total += cost; total > float64(s.tune.MaxProximityPositions) {
			return invalidf(fmt.Sprintf("%s is too costly to check: its words occur about %.0f times in the documents that hold them all, and one search may check %d; use rarer words, fewer distance terms, or a phrase", t, cost, s.tune.MaxProximityPositions))
		}
	}
	return nil
}
