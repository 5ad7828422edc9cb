package server

import (
	"slices"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/indexer"
)

// searchableDocs is how many documents an empty search browses: the
// corpus's pages, less the transcripts split into testimony documents,
// plus those testimonies.
func searchableDocs() int {
	n := len(testDocs) + len(indexer.Testimonies(testDocs))
	for _, d := range testDocs {
		if d.Type == corpus.TypeTranscript && slices.ContainsFunc(d.Paragraphs, func(p corpus.Paragraph) bool { return p.Speaker != "" }) {
			n--
		}
	}
	return n
}
