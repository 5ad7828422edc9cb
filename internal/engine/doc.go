// Package engine is the one place that reaches below bleve's search API,
// into its index readers and searchers (packages bleve/v2/index/scorch,
// bleve/v2/search/searcher and bleve_index_api). Everything else in the
// module uses bleve's public API only; a test (TestOnlyEngineImportsInternals)
// keeps it so.
//
// The indexer needs them to check an index it opens (CheckSegments), to
// hear of a failed background write (OnWriteError) and to write a fresh
// index on every core with bleve's offline builder (Builder). The search layer needs
// them for its own passes: the ranking pass and the counting passes walk a
// query's matches by document number (Snapshot.NewWalk, Walk.Each;
// Snapshot.EachMatch), the facet table
// is read from doc values by number (Snapshot.EachDocument), did-you-mean
// reads the fuzzy dictionary (Snapshot.Neighbours) until it has one
// field's words read into memory (ReadWords, Words.Neighbours), the examples the
// plain one (Snapshot.MostFrequent), and body phrases are
// checked beside their terms' searchers (NewBodyPhrase), and a page's
// documents are read by number with their match locations (Fetch).
//
// # What it assumes of bleve
//
// Checked against bleve v2.6.3 and bleve_index_api v1.4.1 (see go.mod).
// Each assumption is guarded by the tests named after it; a test of
// another package is named with it (search.TestX).
//
//   - Document numbers. scorch names a document by its number in the
//     snapshot, an 8-byte big-endian IndexInternalID; DocIDReaderAll and
//     every searcher return numbers in ascending order, and Advance to
//     InternalID(n) moves to the first match numbered n or more. The
//     ranking pass splits the index into ranges of numbers on this.
//     TestDocumentNumbers, search.TestRankingMatchesBleve.
//   - Stored fields by number. Document numbers run through the
//     snapshot's Segments() in order, each taking as many numbers as its
//     segment's Count(), deleted documents included (scorch's offsets);
//     a searcher advanced to a number with term vectors gives the
//     locations bleve's search gives, once DocumentMatch.Complete has
//     made its Locations. The fetch reads a page by number on this.
//     TestFetchEqualsBleveSearch.
//   - A closed index. Reader() on a closed scorch index returns a nil
//     *scorch.IndexSnapshot and no error; Open turns it into
//     bleve.ErrorIndexClosed. TestOpenClosedIndex.
//   - The scoring model. Searchers built outside bleve's own search score
//     with TF-IDF unless the context carries
//     search.GetScoringModelCallbackKey; ScoringContext sets it from the
//     mapping, as bleve's SearchInContext does. search.TestRankingMatchesBleve
//     (scores equal bleve's to the bit).
//   - Split walks. A disjunction of more than searcher.DisjunctionHeapTakeover
//     clauses adds its clauses' scores in heap order, which depends on where
//     a walk starts, and so do many-term searchers; SplitsExactly keeps such
//     queries to one walk. search.TestRankingMatchesBleve (a 13-way OR, 1 to
//     7 parts).
//   - Phrase scoring. bleve's phrase searcher scores as a conjunction of
//     its term searchers with boost 1 whose query norm is set by
//     SetQueryNorm(1/sqrt(Weight())); NewBodyPhrase builds the same
//     conjunction, and reads positions from term vectors one array deep
//     (the paragraph). Asked for locations, it reports those of every
//     term of every phrase found, as the phrase searcher's paths do (as a
//     set: bleve repeats a location shared by two paths). search.TestBodyPhraseEqualsBlevePhrase,
//     search.TestBodyPhraseEqualsBlevePhraseAcrossSegments,
//     TestBodyPhraseStaysAtTheEnd.
//   - The shared-slice fault of v2.6.3. The phrase searcher can give two
//     locations of a match one ArrayPositions slice when a term repeats in
//     the phrase; GuardRepeats wraps such phrases in OwnLocations.
//     search.TestPhraseWithRepeatedTermsCountsExactly, and bench's hit
//     count checks (BENCHMARKS.md).
//   - The fuzzy dictionary. FieldDictFuzzy fills each entry's EditDistance
//     (in runes, without transpositions) but, since it omits counts, leaves
//     Count at 0; Neighbours counts documents from the postings.
//     TestNeighboursEditsAndCounts. Words runs scorch's own automaton
//     builders (vellum/levenshtein, distances 1 and 2, as scorch's
//     snapshot_index.go makes them) over one FST of the field's words and
//     their FieldDict counts, and so finds the same neighbours, edits and
//     counts. TestWordsEqualFuzzyDictionary.
//   - The plain dictionary. FieldDict's entries carry Count, the number
//     of documents holding the term (not its occurrences); MostFrequent
//     picks the help page's examples by it. TestMostFrequentCountsDocuments.
//   - Segments. An open scorch index's reader is an *IndexSnapshot whose
//     Segments() can each be read by document number (DocID,
//     VisitStoredFields) and field dictionary; a damaged segment errors or
//     panics there. indexer.TestDamagedIndexIsRefused.
//   - Background write errors. scorch reports a failed persist only to the
//     callback named by the kvconfig key "asyncErrorCallbackName", from
//     RegistryAsyncErrorCallbacks, and then retries for ever.
//     indexer.TestFullDiskEndsBuild, indexer.TestUnwritableIndexEndsBuild.
//   - The offline builder. bleve.NewBuilder maps a document in Index,
//     then, under one lock, calls Analyze on each indexed field and
//     builds a segment from the fields' AnalyzedTokenFrequencies;
//     Builder maps and analyses first and hands the builder a mapped
//     *document.Document whose fields' Analyze does nothing. Fields are
//     only asserted to special kinds (vectors, geo shapes, synonyms) that
//     the index does not use. The builder cannot close with no segment.
//     TestBuilderEqualsOnlineIndex, TestBuilderOfNothing.
//   - Expansion limits. searcher.DisjunctionMaxClauseCount is a global of
//     bleve's, 0 (no limit) by default; it is left alone, and a prefix is
//     counted with PrefixTerms before it is searched. search.TestLimits.
//
// # Upgrading bleve
//
// The tests above are the gate for an upgrade. Move go.mod, then run them
// and the hit count checks:
//
//	go get github.com/blevesearch/bleve/v2@VERSION github.com/blevesearch/bleve_index_api@VERSION && go mod tidy
//	go test ./internal/engine ./indexer ./search -run 'BodyPhrase|PhraseWithRepeated|RankingMatchesBleve|Neighbours|OpenClosed|DocumentNumbers|Limits|Relevance|Damaged|FullDisk|Unwritable'
//	go build -o /tmp/is ./cmd/inquirysearch && /tmp/is gen --paragraphs 100000 --out /tmp/gen100000 &&
//	  /tmp/is index --data /tmp/gen100000 && /tmp/is bench --data /tmp/gen100000 --checks 400
//
// then read the release notes for changes to the files these assumptions
// rest on (index/scorch/snapshot_index*.go, index/scorch/scorch.go, search/searcher/search_phrase.go,
// search/searcher/search_disjunction.go, search/scorer/scorer_term.go) and
// update the version above. If a fault worked around here is fixed, the
// work-around and its test go together.
package engine
