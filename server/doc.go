// Package server answers the HTTP side of Inquiry Search: the JSON search
// API under /api/v1/ and the server-rendered search pages, which work
// without JavaScript. It sees the search layer only through
// searchapi.Service (Backend), and imports neither the indexer nor bleve.
// The public surface is read-only: building the index belongs to the
// command line and to the admin routes, which need a token.
//
// # Routes, by resource
//
//	searches     GET /api/v1/search             one page of results, facets and the next cursor (api.go)
//	             GET /api/v1/search.csv         every result, as CSV (export.go)
//	             GET /api/v1/search.ndjson      every result, one JSON object a line
//	             GET /search, GET /             the search page (pages.go)
//	             GET /feed.atom                 the newest results of a search (feed.go)
//	             GET /api/v1/suggest            completions for the search box
//	             GET /help                      the query syntax
//	documents    GET /api/v1/documents/{id}     one page of a report, its paragraphs, references and citations
//	             GET /documents/{id}            the document page
//	             GET /api/v1/documents/{id}/similar, GET /documents/{id}/similar
//	                                            paragraphs most like one paragraph (similar.go)
//	             GET /api/v1/documents/{id}/matches where a search matches in it, marked on its page (docmatches.go)
//	checks       GET /api/v1/quote, GET /quote   the paragraphs a quotation comes from (quote.go)
//	             POST /api/v1/batch, POST /api/v1/batch.csv, GET and POST /batch
//	                                            counts of a list of terms (batch.go, batchinput.go)
//	evidence     GET /evidence                  looks up a reference (evidencelookup.go)
//	             GET /api/v1/evidence/{urn}, GET /evidence/{urn}
//	                                            the paragraphs citing a reference (evidence.go)
//	recommendations
//	             GET /api/v1/recommendations, GET /recommendations
//	                                            the inquiry's recommendations, filtered (recommendations.go)
//	the service  GET /api/v1/status             the live index, counts by type, the last crawl, the admin job (admin.go)
//	             POST /api/v1/admin/reindex, POST /api/v1/admin/crawl
//	                                            start a job; only with Options.Admin.Token
//	             GET /healthz, GET /readyz, GET /metrics
//	             GET /static/...                scripts and styles, embedded
//
// Every GET route answers HEAD too; other methods get 405.
//
// # Errors and deadlines
//
// Handlers return errors; one pair of adapters (errors.go: api and page)
// runs each handler under one deadline (Options.SearchTimeout, default
// DefaultSearchTimeout; exports Options.ExportTimeout) and maps the search
// layer's error kinds to HTTP statuses, rendered as JSON under /api/ and as
// an HTML page elsewhere. A URL parameter is checked here only for its
// form (a number is a number); its range is checked by the request's own
// validation, so one bad value always gets one code.
//
// Crawled text is untrusted: templates escape it, snippets arrive already
// escaped with only <mark> added, and every page is sent with a
// Content-Security-Policy that allows no inline script.
package server
