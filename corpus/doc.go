// Package corpus owns the domain of Inquiry Search: the Document and
// Paragraph types, the crawler that fetches published inquiry pages, the
// extraction that turns a page's HTML into a Document, and the on-disk
// corpus that keeps both.
//
// Extraction (Extract) is a pure function of a page's bytes, its URL and a
// Gazetteer, so it can be tested on fixed pages. The Crawler fetches pages
// politely (robots.txt, a per-host rate limit, an identifying User-Agent),
// canonicalises URLs (Canonical) and de-duplicates pages the site serves
// under several URLs. The Store writes every fetched page and extracted
// document atomically (temporary file, then rename), so an interrupted crawl
// leaves the last good files and re-indexing needs no re-crawl.
//
// On-disk layout under a corpus directory:
//
//	raw/<id>.html     the fetched bytes of each page
//	docs/<id>.json    the extracted Document
//	crawl.json        the last crawl's report: pages stored, skipped, failed
//
// The package imports no other package of this module.
package corpus
