package search

import (
	"context"
	"fmt"

	index "github.com/blevesearch/bleve_index_api"

	"github.com/inquirysearch/inquirysearch/indexer"
)

// MaxProximityPositions bounds the word positions the proximity terms of
// one query may read and check, as estimated from the index before any of
// them runs. A proximity check reads every position of every word in
// every candidate document, so a common word (the, of, school) costs far
// more than its count of documents says: "the school"~50 read over half a
// million positions at 100,000 paragraphs and took a second. Past the
// budget the query is refused with a message that says why.
var MaxProximityPositions = 1_000_000

// tfSample is how many postings of a word are read to learn how often it
// occurs in a document: enough for a stable mean, and a bound on what the
// estimate itself costs however common the word.
const tfSample = 2048

// proximityCost estimates what answering terms would read: for each term,
// its candidates (at most the documents of its rarest word) times the
// mean occurrences per document of each of its words. It refuses a query
// whose terms have too many candidates or too many positions between them.
func proximityCost(ctx context.Context, r index.IndexReader, b builder, terms []Term) error {
	total := 0.0
	for _, t := range terms {
		words := b.tokens(indexer.AnalyzerExact, t.Text)
		if len(words) == 0 {
			continue
		}
		cand := uint64(0)
		perDoc := 0.0
		for i, w := range words {
			df, mean, err := wordStats(ctx, r, w)
			if err != nil {
				return err
			}
			if i == 0 || df < cand {
				cand = df
			}
			perDoc += mean
		}
		if cand > uint64(MaxProximityCandidates) {
			return invalidf(fmt.Sprintf("the words of %s are in more than %d documents: add a word or a filter to search within a distance", t, MaxProximityCandidates))
		}
		total += float64(cand) * perDoc
		if total > float64(MaxProximityPositions) {
			return invalidf(fmt.Sprintf("%s is too costly to check: its words occur about %.0f times in the documents that hold them all, and a search may check %d; use rarer words or a phrase", t, float64(cand)*perDoc, MaxProximityPositions))
		}
	}
	return nil
}

// wordStats returns how many documents hold w in their body text and how
// often it occurs in each, on average over a sample of them.
func wordStats(ctx context.Context, r index.IndexReader, w string) (df uint64, mean float64, err error) {
	tfr, err := r.TermFieldReader(ctx, []byte(w), indexer.FieldTextExact, true, false, false)
	if err != nil {
		return 0, 0, fmt.Errorf("proximity cost of %q: %w", w, err)
	}
	defer tfr.Close()
	df = tfr.Count()
	var occurrences, docs uint64
	var tfd index.TermFieldDoc
	for docs < tfSample {
		next, err := tfr.Next(&tfd)
		if err != nil {
			return 0, 0, fmt.Errorf("proximity cost of %q: %w", w, err)
		}
		if next == nil {
			break
		}
		occurrences += next.Freq
		docs++
		tfd.Reset()
	}
	if docs > 0 {
		mean = float64(occurrences) / float64(docs)
	}
	return df, mean, nil
}
