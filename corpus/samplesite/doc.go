// Package samplesite is a small, fictional imitation of the inquiry website,
// embedded in the binary and served by an in-process HTTP handler.
//
// It exists so that the real crawler, extractor, indexer and search can run
// end to end without the network: every test uses it as its fixture, and
// `inquirysearch serve` crawls it on first start so that a newcomer sees real
// results at once. Its pages copy the real site's shape (URL aliases, legacy
// redirects, lettered parts and sections, numbered paragraphs, footnotes with
// evidence references, boilerplate) but all of their content is invented and
// every page says so.
//
// Pages are written in a small text format described in FORMAT.md and
// rendered into the site's HTML layout on request, or into one of the page
// shells of real publishing systems (HandlerIn); the web-archive shell also
// answers at its capture paths (ArchivedPath), so a crawl can go through it. Hearing transcripts
// (transcripts/*.txt) are printed on request as PDFs laid out like the
// real ones, with go-pdf/fpdf, the one library the package uses beside the
// standard library.
package samplesite
