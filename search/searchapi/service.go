package searchapi

import (
	"context"
	"time"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// Service is everything a caller asks of the search layer. The server
// depends on it alone; package search implements it over one bleve index,
// and a layer that spread a corpus over several machines would implement
// it too. Implementations are safe for concurrent use, honour ctx's
// deadline, and return errors that wrap ErrInvalidQuery, ErrNotFound or
// ErrUnavailable.
type Service interface {
	// Search runs one search.
	Search(ctx context.Context, r Request) (*Result, error)
	// Export hands every result of a search to emit, in page order, at
	// most limit of them (MaxExportRows when limit is 0 or larger);
	// before, if not nil, is first given the total.
	Export(ctx context.Context, r Request, limit int, before func(total uint64) error, emit func(Hit) error) (*ExportSummary, error)
	// Document returns one document by id.
	Document(ctx context.Context, id string) (*corpus.Document, error)
	// Similar returns up to n paragraphs most like paragraph number of
	// document id.
	Similar(ctx context.Context, id, number string, n int) (*Similar, error)
	// Suggest returns completions for what the search box holds.
	Suggest(ctx context.Context, prefix string) (*Suggestions, error)
	// Evidence returns the paragraphs that cite an evidence reference, or
	// every reference it begins.
	Evidence(ctx context.Context, urn string) (*Evidence, error)
	// Recommendations returns the recommendations a request selects.
	Recommendations(ctx context.Context, r RecommendationsRequest) (*RecommendationList, error)
	// Quote returns the paragraphs a quotation may come from, best
	// first, at most n (MaxQuoteHits when n is 0 or larger).
	Quote(ctx context.Context, text string, n int) (*QuoteCheck, error)
	// Batch counts, for each term, the documents and paragraphs a search
	// for it finds.
	Batch(ctx context.Context, terms []string) (*Batch, error)
	// DocumentMatches returns where a query matches in one document.
	DocumentMatches(ctx context.Context, id, q string) (*DocumentMatches, error)
	// Examples returns searches, taken from the index, that find
	// something in it.
	Examples(ctx context.Context) (*Examples, error)
	// TypeCounts returns how many documents of each type are searched.
	TypeCounts(ctx context.Context) (map[string]int, error)
	// Info describes what is being searched.
	Info() Info
	// Weigh tells, without running it, what a search will cost: broad
	// when it is many times an ordinary search (a caller queues it apart),
	// distance when it has a distance term, which reads every position of
	// its words. A request that cannot be read is neither: it is refused
	// before it costs anything.
	Weigh(ctx context.Context, r Request) (broad, distance bool)
}

// Info describes the index a Service searches.
type Info struct {
	Version         string    `json:"version"`       // identifies the build; results carry it
	CorpusDigest    string    `json:"corpus_digest"` // identifies the corpus it was built from
	BuiltAt         time.Time `json:"built_at"`
	Documents       int       `json:"documents"` // the corpus's own pages
	Paragraphs      int       `json:"paragraphs"`
	Recommendations int       `json:"recommendations"` // documents derived from the pages' recommendations
}
