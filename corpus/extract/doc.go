// Package extract turns a published page into a corpus.Document: HTML
// (Extract), PDF (ExtractPDF) and plain text (ExtractText).
//
// Extraction is a pure function of a page's bytes, its URL and a
// Gazetteer, so it can be tested and fuzzed on fixed pages and reused by
// the crawler and by WARC and JSON-lines imports alike. It imports no
// crawler and no store. PDF and text paragraphs keep the page they start
// on; hearing transcripts become TypeTranscript documents with their date,
// speakers and page:line paragraph numbers.
package extract
