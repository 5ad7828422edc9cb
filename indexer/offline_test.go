package indexer

import (
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// TestSegmentDocsFollowsParagraphs checks that a segment holds about the
// same number of paragraphs whatever the documents' length, within the
// bounds on documents a segment.
func TestSegmentDocsFollowsParagraphs(t *testing.T) {
	docsOf := func(n, paragraphs int) []*corpus.Document {
		out := make([]*corpus.Document, n)
		for i := range out {
			out[i] = &corpus.Document{Paragraphs: make([]corpus.Paragraph, paragraphs)}
		}
		return out
	}
	for _, c := range []struct {
		docs, paragraphs, want int
	}{
		{0, 0, builderBatch},
		{5000, 0, builderBatch}, // documents with no paragraphs (titles alone)
		{5000, 1, builderBatch},
		{5000, 2, segmentParagraphs / 2},
		{5000, 11, segmentParagraphs / 11},
		{5000, 1000, minBuilderBatch},
	} {
		if got := segmentDocs(docsOf(c.docs, c.paragraphs)); got != c.want {
			t.Errorf("%d documents of %d paragraphs: %d a segment, want %d", c.docs, c.paragraphs, got, c.want)
		}
	}
}
