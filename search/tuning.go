package search

import "runtime"

// Tuning holds a Searcher's tunables: how its passes use the machine and
// how much work one request may ask for. A field left at zero takes its
// default, so Tuning{} is the tuning a Searcher has without WithTuning.
type Tuning struct {
	// RankParts is how many parts a ranking pass splits the index into, to
	// walk them side by side; default GOMAXPROCS. An index of fewer than
	// MinSplit documents is walked whole, and so is a query whose terms
	// hold fewer than MinSplitPostings postings in all, a query whose
	// scores would depend on where a walk starts (engine.SplitsExactly),
	// and any query while another search is being ranked.
	RankParts int
	MinSplit  int // default 4096
	// MinSplitPostings: default 32,768 (BENCHMARKS.md, "One search: what
	// changed").
	MinSplitPostings int
	// MaxProximityCandidates bounds the documents holding all the words of
	// a proximity search that are checked for their distance; a search
	// whose words are all this common is refused with a message rather
	// than left to run long. Default 10,000.
	MaxProximityCandidates int
	// MaxProximityPositions bounds the word positions the proximity terms
	// of one query may read and check, as estimated from the index before
	// any of them runs. A proximity check reads every position of every
	// word in every candidate document, so a common word costs far more
	// than its count of documents says: "the school"~50 read over half a
	// million positions at 100,000 paragraphs and took a second. Past the
	// budget a query is refused with a message saying why. Default
	// 1,000,000.
	MaxProximityPositions int
	// MaxPrefixTerms bounds the references an evidence prefix may stand
	// for; a wider prefix is refused with a message. Default 10,000.
	MaxPrefixTerms int
	// ExportBatch is how many hits one step of an export ranks and reads:
	// memory holds one batch at a time, whatever the size of the result.
	// Default 200.
	ExportBatch int
	// MaxBatchPositions bounds what one batch search reads: the word
	// positions of its terms' words in the documents holding them, added
	// up over the terms and estimated from the index before any term is
	// counted. Default 20,000,000: at 100,000 paragraphs the benchmark's
	// batch of 100 words and two-word phrases, many of the commonest
	// words, reads about 17,000,000 and took 0.3 to 1.2 s on the shared
	// two-core machine (BENCHMARKS.md).
	MaxBatchPositions int
}

// DefaultTuning returns the tuning a Searcher has by default.
func DefaultTuning() Tuning {
	return Tuning{RankParts: runtime.GOMAXPROCS(0), MinSplit: 4096, MinSplitPostings: 32768, MaxProximityCandidates: 10000, MaxProximityPositions: 1_000_000, MaxPrefixTerms: 10000, ExportBatch: 200, MaxBatchPositions: 20_000_000}
}

// orDefault fills the zero fields of t from DefaultTuning.
func (t Tuning) orDefault() Tuning {
	d := DefaultTuning()
	for _, f := range []struct {
		v *int
		d int
	}{
		{&t.RankParts, d.RankParts}, {&t.MinSplit, d.MinSplit}, {&t.MinSplitPostings, d.MinSplitPostings},
		{&t.MaxProximityCandidates, d.MaxProximityCandidates}, {&t.MaxProximityPositions, d.MaxProximityPositions},
		{&t.MaxPrefixTerms, d.MaxPrefixTerms}, {&t.ExportBatch, d.ExportBatch}, {&t.MaxBatchPositions, d.MaxBatchPositions},
	} {
		if *f.v <= 0 {
			*f.v = f.d
		}
	}
	return t
}

// WithTuning sets the Searcher's tunables; zero fields keep their
// defaults.
func WithTuning(t Tuning) Option {
	return func(s *Searcher) { s.tune = t.orDefault() }
}
