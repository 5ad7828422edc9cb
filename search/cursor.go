package search

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"strconv"

	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// A cursor continues a search after the last hit of one of its pages: the
// ranking pass passes over every match at or before that hit's sort keys
// and keeps a page of hits, where a page asked for by number keeps every
// hit before it as well. A page reached by a cursor costs what page 1
// costs however deep it is, so cursors may go past MaxWindow, which bounds
// numbered pages only. The keys are written as bleve's search_after took
// them, so cursors made before the ranking pass sorted by date still read.
//
// Callers see a cursor as an opaque string: base64url of a small JSON
// object. It names the search it belongs to, so that it is refused with
// another sort, page size or query rather than read as nonsense.
type cursor struct {
	Sort   string `json:"s"`
	Size   int    `json:"n"`
	Search string `json:"q"` // fingerprint of the query, filters and dates
	Page   int    `json:"p"` // the page it leads to
	// After holds bytes, not strings: a date's sort value is prefix-coded
	// binary, which a JSON string would not carry intact.
	After [][]byte `json:"a"`
}

// maxCursorLen bounds the cursor text read; real ones are a few hundred
// bytes at most.
const maxCursorLen = 1024

// errBadCursor is the message for a cursor this service did not make.
var errBadCursor = invalidf("after is not a cursor from a previous page; follow a page's next link, or start again from the first page")

// validate validates r and reads its cursor, if it has one: it returns
// the position to continue after, nil for a search from the first result.
func validate(r *Request) (*rankAfter, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	if r.After == "" {
		return nil, nil
	}
	return readCursor(r)
}

// readCursor checks r.After against the rest of a validated request, sets
// the page it leads to and returns the position to continue after.
func readCursor(r *Request) (*rankAfter, error) {
	if len(r.After) > maxCursorLen {
		return nil, errBadCursor
	}
	b, err := base64.RawURLEncoding.DecodeString(r.After)
	if err != nil {
		return nil, errBadCursor
	}
	var c cursor
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, errBadCursor
	}
	values := make([]string, len(c.After))
	for i, v := range c.After {
		values[i] = string(v)
	}
	if !searchapi.ValidSort(c.Sort) || c.Page < 2 || c.Page > math.MaxInt32 {
		return nil, errBadCursor
	}
	after, err := orderOf(c.Sort).parseAfter(values)
	switch {
	case err != nil:
		return nil, err
	case c.Sort != r.Sort:
		return nil, invalidf(fmt.Sprintf("this cursor continues a search sorted by %s, not by %s; start again from the first page", c.Sort, r.Sort))
	case c.Size != r.Size:
		return nil, invalidf(fmt.Sprintf("this cursor continues pages of %d results, not %d; ask with size=%d or start again from the first page", c.Size, r.Size, c.Size))
	case c.Search != fingerprint(*r):
		return nil, invalidf("this cursor continues another search; start again from the first page")
	}
	r.Page = c.Page
	return after, nil
}

// nextCursor returns the cursor to the page after pg, which r asked for
// in order o, or "" when pg holds the last results.
func nextCursor(r Request, o order, pg *page) string {
	if len(pg.hits) < r.Size || uint64(r.Page)*uint64(r.Size) >= pg.total {
		return ""
	}
	c := cursor{Sort: r.Sort, Size: r.Size, Search: fingerprint(r), Page: r.Page + 1}
	for _, v := range o.afterValues(pg.hits[len(pg.hits)-1]) {
		c.After = append(c.After, []byte(v))
	}
	b, err := json.Marshal(c)
	if err != nil {
		panic(err) // a cursor holds only strings, numbers and bytes
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// fingerprint identifies what a request searches for, apart from its
// sort and page: equal searches have equal fingerprints, whatever the
// order of their filter values.
func fingerprint(r Request) string {
	filters := Filters{}
	for k, vs := range r.Filters {
		if len(vs) > 0 {
			filters[k] = slices.Sorted(slices.Values(vs))
		}
	}
	parts := []any{r.Query, filters, r.From, r.To, r.NoExpand}
	if r.Scope == ScopeParagraph {
		// Added only when set, so that the cursors of other searches
		// stay as they were.
		parts = append(parts, r.Scope)
	}
	b, err := json.Marshal(parts)
	if err != nil {
		panic(err) // strings, a map of strings and a bool always marshal
	}
	h := fnv.New64a()
	h.Write(b)
	return strconv.FormatUint(h.Sum64(), 36)
}
