package search

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"testing"
)

// FuzzCursor: a cursor comes from the client, so any text in After (or
// any JSON inside its base64) is refused with ErrInvalidQuery or read
// into a position, never a panic, in every order.
func FuzzCursor(f *testing.F) {
	for _, sort := range []string{SortRelevance, SortNewest, SortOldest} {
		res, err := testSearcher.Search(context.Background(), Request{Query: "council", Sort: sort, Size: 3})
		if err != nil || res.Next == "" {
			f.Fatalf("a first page sorted by %s: %v, next %q", sort, err, res.Next)
		}
		f.Add(sort, res.Next)
		raw, _ := base64.RawURLEncoding.DecodeString(res.Next)
		f.Add(sort, string(raw)) // the JSON itself, for the fuzzer to change
	}
	f.Add(SortNewest, "")
	f.Add(SortRelevance, "eyJzIjoibmV3ZXN0In0")
	f.Fuzz(func(t *testing.T, sort, after string) {
		if json.Valid([]byte(after)) {
			after = base64.RawURLEncoding.EncodeToString([]byte(after))
		}
		r := Request{Query: "council", Sort: sort, Size: 3, After: after}
		pos, err := validate(&r)
		if err != nil {
			if !errors.Is(err, ErrInvalidQuery) {
				t.Fatalf("validate(after %q): %v is not ErrInvalidQuery", after, err)
			}
			return
		}
		if after != "" && (pos == nil || r.Page < 2) {
			t.Fatalf("cursor %q read as position %+v, page %d", after, pos, r.Page)
		}
	})
}
