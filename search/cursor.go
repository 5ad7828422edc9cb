package search

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// A cursor continues a search after the last hit of one of its pages. It
// runs with bleve's search_after: the index compares each match with that
// hit's sort values as it collects, and keeps a page of hits, where a page
// asked for by number keeps every hit before it as well. A page reached by
// a cursor costs what page 1 costs however deep it is, so cursors may go
// past MaxWindow, which bounds numbered pages only.
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
// the values to search after, nil for a search from the first result.
func validate(r *Request) ([]string, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	if r.After == "" {
		return nil, nil
	}
	return readCursor(r)
}

// readCursor checks r.After against the rest of a validated request, sets
// the page it leads to and returns the values to search after.
func readCursor(r *Request) ([]string, error) {
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
	order := sortOrder(c.Sort)
	switch {
	case !searchapi.ValidSort(c.Sort) || c.Page < 2 || c.Page > math.MaxInt32 || len(c.After) != len(order):
		return nil, errBadCursor
	case c.Sort != r.Sort:
		return nil, invalidf(fmt.Sprintf("this cursor continues a search sorted by %s, not by %s; start again from the first page", c.Sort, r.Sort))
	case c.Size != r.Size:
		return nil, invalidf(fmt.Sprintf("this cursor continues pages of %d results, not %d; ask with size=%d or start again from the first page", c.Size, r.Size, c.Size))
	case c.Search != fingerprint(*r):
		return nil, invalidf("this cursor continues another search; start again from the first page")
	}
	after := make([]string, len(c.After))
	for i, v := range c.After {
		after[i] = string(v)
		if order[i].RequiresScoring() {
			if f, err := strconv.ParseFloat(after[i], 64); err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
				return nil, errBadCursor
			}
		}
	}
	r.Page = c.Page
	return after, nil
}

// nextCursor returns the cursor to the page after res, which r asked for,
// or "" when res holds the last results.
func nextCursor(r Request, res *bleve.SearchResult) string {
	if len(res.Hits) < r.Size || uint64(r.Page)*uint64(r.Size) >= res.Total {
		return ""
	}
	c := cursor{Sort: r.Sort, Size: r.Size, Search: fingerprint(r), Page: r.Page + 1}
	for _, v := range afterValues(sortOrder(r.Sort), res.Hits[len(res.Hits)-1]) {
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
	b, err := json.Marshal([]any{r.Query, filters, r.From, r.To, r.NoExpand})
	if err != nil {
		panic(err) // strings, a map of strings and a bool always marshal
	}
	h := fnv.New64a()
	h.Write(b)
	return strconv.FormatUint(h.Sum64(), 36)
}
