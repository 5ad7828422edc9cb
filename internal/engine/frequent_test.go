package engine

import (
	"context"
	"strings"
	"testing"
)

// TestMostFrequentCountsDocuments: the plain field dictionary's counts
// are documents (a word twice in one document counts once), across
// segments, and keep chooses among the terms.
func TestMostFrequentCountsDocuments(t *testing.T) {
	t.Parallel()
	idx := mustIndex(t, []string{
		"records records records records", "council records", "council", "council police",
		"police", "police", "police council",
	}, 2)
	s := mustOpen(t, idx)
	ctx := context.Background()
	for _, c := range []struct {
		keep     func(string) bool
		term     string
		docs     uint64
		describe string
	}{
		{func(string) bool { return true }, "council", 4, "every term (council and police in 4 documents each: the first in term order)"},
		{func(t string) bool { return t != "council" }, "police", 4, "all but council"},
		{func(t string) bool { return strings.HasPrefix(t, "r") }, "records", 2, "records, four times in one document"},
		{func(string) bool { return false }, "", 0, "none"},
	} {
		term, docs, err := s.MostFrequent(ctx, textField, c.keep)
		if err != nil {
			t.Fatal(err)
		}
		if term != c.term || docs != c.docs {
			t.Errorf("%s: got %q in %d documents, want %q in %d", c.describe, term, docs, c.term, c.docs)
		}
	}
}
