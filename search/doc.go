// Package search runs searches over one bleve index: it implements
// searchapi.Service, whose requests, results and errors it uses (under
// the same names, by alias). Searcher is safe for concurrent use.
//
// The aliases (api.go) are names, not a second set of types: a
// search.Result is a searchapi.Result. They let the implementation, its
// tests and the commands say search.Request where the server, which must
// not import this package, says searchapi.Request; removing them would
// change every file of the package and its callers and nothing else.
//
// # One request
//
// A search goes through the same five steps whatever it asks for; each
// step is one function, and none goes back to an earlier one.
//
//  1. Validate (searchapi.Request.Validate, then readCursor): defaults
//     filled in, every range checked, filters put in the form the index
//     holds, the cursor read into the position to continue after.
//  2. Parse (parse.go): the query text into groups of terms (words,
//     phrases, distance terms, field values), alternatives and exclusions.
//  3. Compile (Searcher.compile, plan.go): one plan. Distance terms are
//     verified (proximity.go); the builder (build.go) turns the parsed query
//     into one scoring query, with glossary expansion, exact phrases on the
//     body as engine.NewBodyPhrase; restrict adds the dates and leaves out
//     recommendation documents; the request's filters become facet table
//     filters (facetFilter), the one form a filter takes.
//  4. Rank (Searcher.rank, rank.go): one pass over the query's matches
//     (a long one, on an otherwise idle machine, split into parts walked
//     side by side: Searcher.parts), each match checked against the
//     filters in the facet table (facetcount.go), counted into the facets
//     the request asks for (Request.Facets; all by default),
//     and offered to a heap ordered by score or by date (dates from the
//     same table), then by id. It returns a page: the total, the page's
//     hits with their sort keys, the facet counts.
//  5. Fetch (Searcher.fetch, fetch.go): the page's documents read by number
//     (engine.Snapshot.Fetch), with their stored source and the locations
//     of the query's matches in them, made into Hits (hits.go:
//     matched paragraphs, snippet, citation). A body phrase's locations
//     come from the same phrase matcher that ranked it. The next cursor is
//     the last hit's sort keys (nextCursor). Beside the fetch, a search
//     with fewer than three results looks for a did-you-mean correction.
//     A request for ids alone (Request.Hits HitsIDs) skips the fetch: its
//     hits are the page's ids and scores (idHits).
//
// # Passages and same-paragraph search
//
// Every hit carries its matched paragraphs (hits.go, passages.go): the
// fetch reads the locations of the page's hits only, every matched
// paragraph is counted (MatchCount, exact), and at most MaxMatches of them,
// the best first, are made into Matches with a snippet each; the work a
// hit adds is one sort of its matched paragraphs and at most MaxMatches
// snippets of SnippetLength. An export by paragraph asks for all of them.
//
// A same-paragraph search (para:(...), or Request.Scope ScopeParagraph) is
// verified before ranking (sameparagraph.go): the documents the whole
// search matches are listed, at most Tuning.MaxProximityCandidates of them
// or the search is refused with advice, then each group's locations are
// read in those documents only, keeping the paragraphs every group
// matches; each walk looks at the deadline. The ranking pass then runs
// over the kept documents, weighing each by its kept paragraphs in the
// facets and in the paragraph total.
//
// Below bleve's search API, the passes read the index through
// internal/engine, which lists what it assumes of bleve.
//
// For GET /api/v1/search?q="record keeping"&type=section the functions
// called, in order, are: in the server, the router's guard (rate limit,
// a search slot; Service.Weigh says it is neither broad nor a distance search), the
// api adapter with its deadline, apiSearch and searchRequest; then
// Searcher.Search, validate (Request.Validate, Filters.Normalise of
// type=section), isEmptyBox (no), Searcher.search, Searcher.compile
// (Parse: one phrase term; requestDates; proximities: none; builder.build,
// builder.term, builder.exactPhrase: engine.NewBodyPhrase on the exact
// body field or a phrase of the title; restrict: no recommendations;
// facetTable.filters: the type filter), Searcher.rank (Snapshot.NewWalk, Searcher.parts, rankWalk.walk,
// Walk.Each, facetFilter.passes, facetCounter.addDoc,
// hitHeap.offer, hitHeap.sorted), Searcher.fetch (toHit, paragraphSpans,
// bestSnippet, searchapi.Cite), nextCursor; and the server writes the
// Result as JSON.
//
// The recommendations list takes the same path as far as the fetch: its
// query and filters are compiled the same way and ranked in the same pass
// (filters checked in the facet table, each facet counted without its own
// filter); it then reads the listed documents by id and orders them by
// report and number, as the inquiry numbered them.
//
// Batch (batch.go) compiles each of its terms as a search does (step 3)
// and walks each one's matches once with their term locations to count
// documents and paragraphs, without ranking or fetching; DocumentMatches
// (docmatches.go) builds a query as step 3 does, without the type and date
// restrictions, and fetches one document's match locations by its number
// as step 5 does (fetchOne).
//
// Not a search, and so through bleve's own collector: Quote (the
// quotation's rarest words and some of its phrases find candidate
// paragraphs, each then aligned with it word by word: quote.go,
// quotealign.go, quotetokens.go), Examples (identifier dictionaries, the
// lexicon and the empty box's facets, read once), Document (one stored
// document by id), Similar (a few distinctive words of one paragraph,
// whose locations say which paragraph of each document is closest),
// Evidence (every paragraph citing a reference, oldest first, with the
// locations that say which paragraph cites it; a list, not a ranked page),
// the responses attached to recommendations (every response document),
// Suggest (the lexicon of completions read at start-up) and TypeCounts.
// Each is one request whose size is bounded (MaxEvidenceDocuments,
// MaxRecommendations); none has facets or filters of its own, so none
// holds a second representation of a filter.
//
// # What is kept once
//
// A served index never changes, so a Searcher reads once what every search
// would otherwise read again: the facet table (every document's facet
// values, publication date and id order), the empty box's result, and the
// suggestion lexicon. Tunables are fields of Tuning, set with WithTuning.
//
// Errors wrap searchapi.ErrInvalidQuery (with a message for the person who
// typed the query), ErrNotFound (saying what is missing) or ErrUnavailable.
package search
