package search

import (
	"context"
	"testing"
)

// TestBroad: searches of the commonest words, date-sorted browsing and
// deep pages by number are broad; ordinary searches, cursors and invalid
// requests are not.
func TestBroad(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		r    Request
		want bool
	}{
		{Request{Query: "the of"}, false}, // words: the ranking pass is cheap
		{Request{Query: "the", Sort: SortNewest}, true},
		{Request{Query: `"of the"`}, true},
		{Request{Query: `"abbey school"`}, false},
		{Request{Query: "", Sort: SortNewest}, true},
		{Request{Query: "council", Page: 11, Size: 100}, true},
		{Request{Query: ""}, false},
		{Request{Query: "abbey"}, false},
		{Request{Query: "council records"}, false},
		{Request{Query: "place:Ashcombe"}, false},
		{Request{Query: `"of the"`, Size: 1000}, false}, // refused, so costs nothing
	} {
		if got := testSearcher.Broad(ctx, c.r); got != c.want {
			t.Errorf("Broad(%+v) = %v, want %v", c.r, got, c.want)
		}
	}
}
