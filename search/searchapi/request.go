package searchapi

import (
	"fmt"
	"strings"
)

// Sort orders.
const (
	SortRelevance = "relevance"
	SortNewest    = "newest"
	SortOldest    = "oldest"
)

// Paging limits. MaxWindow bounds pages asked for by number, whose cost
// grows with their depth; a cursor (Request.After) costs what page 1 does
// and may go further.
const (
	DefaultSize = 10
	MaxSize     = 100
	MaxWindow   = 10000 // results reachable by page number: page*size at most
)

// Request is one search as a caller asks for it.
type Request struct {
	Query   string
	Filters Filters
	Sort    string // relevance (default), newest or oldest
	Page    int    // from 1; 0 means 1
	Size    int    // 0 means DefaultSize
	From    string // published on or after: a year, month or day
	To      string // published on or before: a year, month or day
	// NoExpand turns off glossary expansion for the whole query (=word
	// does it for one word).
	NoExpand bool
	// After is a cursor from Result.Next of the previous page. It sets the
	// page, in place of Page, and reaches past MaxWindow; the rest of the
	// request must be the one that made it.
	After string
	// Unit is what one row of an export is: UnitDocument (the default) or
	// UnitParagraph. Searches ignore it.
	Unit string
	// Scope ScopeParagraph asks for every word, phrase and identifier of
	// the query to match within one paragraph, as para:(...) around the
	// whole query does.
	Scope string
	// Facets names the facets to count; none named counts every one, and
	// FacetsNone alone counts none. Each facet costs a walk of its values
	// for every match, so a caller that shows no facets should not ask.
	Facets []string `json:",omitempty"`
	// Hits HitsIDs asks for each hit's id and score alone: the search is
	// ranked and counted as ever, and nothing of the page's documents is
	// read (no titles, snippets, passages or citations). For a caller that
	// needs only which documents and how many, such as a comparison of
	// engines. "" or HitsFull gives whole hits.
	Hits string `json:",omitempty"`
}

// What each hit of a search carries.
const (
	HitsFull = "full" // everything a results page shows (the default)
	HitsIDs  = "ids"  // the id and the score
)

// Scopes: where the words of a search must be found together.
const (
	ScopeDocument  = "document" // anywhere in the document (the default)
	ScopeParagraph = "paragraph"
)

// Validate fills in defaults and checks every bound of the request; its
// filters are put in the form the index holds. Errors wrap
// ErrInvalidQuery. The cursor in After is read by the search itself.
func (r *Request) Validate() error {
	if r.Page == 0 {
		r.Page = 1
	}
	if r.Size == 0 {
		r.Size = DefaultSize
	}
	if r.Sort == "" {
		r.Sort = SortRelevance
	}
	if strings.TrimSpace(r.Query) == "" {
		// A box of spaces is the empty box: the same search, and the same
		// cursors, either way.
		r.Query, r.NoExpand = "", false
	}
	switch {
	case r.Page < 1:
		return Invalid("page must be 1 or more")
	case r.Size < 1 || r.Size > MaxSize:
		return Invalid(fmt.Sprintf("size must be between 1 and %d", MaxSize))
	case r.After == "" && r.Page > MaxWindow/r.Size:
		// Divided rather than multiplied: page × size overflows for a
		// page near the largest int, and a negative product passed.
		return Invalid(fmt.Sprintf("results beyond the first %d cannot be paged to by number; follow the next links, or narrow the search", MaxWindow))
	case r.Scope != "" && r.Scope != ScopeDocument && r.Scope != ScopeParagraph:
		return Invalid(fmt.Sprintf("unknown scope %q; use document or paragraph", r.Scope))
	case r.Hits != "" && r.Hits != HitsFull && r.Hits != HitsIDs:
		return Invalid(fmt.Sprintf("unknown hits %q; use full or ids", r.Hits))
	case r.Unit != "" && r.Unit != UnitDocument && r.Unit != UnitParagraph:
		return Invalid(fmt.Sprintf("unknown unit %q; use document or paragraph", r.Unit))
	case !ValidSort(r.Sort):
		return Invalid(fmt.Sprintf("unknown sort %q; use relevance, newest or oldest", r.Sort))
	}
	if r.Hits == HitsFull {
		r.Hits = "" // one form, so that both share a cached result
	}
	filters, err := r.Filters.Normalise()
	if err != nil {
		return err
	}
	r.Filters = filters
	if r.Facets, err = normaliseFacetChoice(r.Facets); err != nil {
		return err
	}
	return nil
}

// ValidSort reports whether name is one of the sort orders.
func ValidSort(name string) bool {
	switch name {
	case SortRelevance, SortNewest, SortOldest:
		return true
	}
	return false
}

// Result is one page of results.
type Result struct {
	Query   string  `json:"query"`   // the query as typed
	Parsed  string  `json:"parsed"`  // the query as understood, in normalised syntax
	Filters Filters `json:"filters"` // the filters applied
	From    string  `json:"from,omitempty"`
	To      string  `json:"to,omitempty"`
	Total   uint64  `json:"total"`
	// Of a same-paragraph search (scope=paragraph, or para:(...) in the
	// query): Scope is "paragraph" and ParagraphTotal counts the matched
	// paragraphs of every result, as the facets then do.
	Scope          string                  `json:"scope,omitempty"`
	ParagraphTotal uint64                  `json:"paragraph_total,omitempty"`
	Page           int                     `json:"page"`
	Size           int                     `json:"size"`
	Sort           string                  `json:"sort"`
	TookMS         float64                 `json:"took_ms"`
	Expanded       []Expansion             `json:"expanded,omitempty"`     // what glossary expansion added
	DidYouMean     string                  `json:"did_you_mean,omitempty"` // a corrected query, when this one finds little
	Hits           []Hit                   `json:"hits"`
	Next           string                  `json:"next,omitempty"` // the cursor to the next page, when there is one
	Facets         map[string][]FacetValue `json:"facets"`
	IndexInfo      string                  `json:"index_version"`
}

// Hit is one matching document.
type Hit struct {
	ID            string   `json:"id"`
	Title         string   `json:"title"`
	Report        string   `json:"report"`
	Section       string   `json:"section"`
	URL           string   `json:"url"`
	Investigation string   `json:"investigation"`
	Type          string   `json:"type"`
	Published     string   `json:"published"`
	Score         float64  `json:"score"`
	Snippet       string   `json:"snippet"`    // HTML: escaped text with <mark> around matches
	Paragraphs    []string `json:"paragraphs"` // the matched paragraphs in page order, "74(a)" for a match in a sub-paragraph
	// Matches are the matched paragraphs, best first (most distinct
	// terms, then most matches, then page order), at most MaxMatches of
	// them; MatchCount is how many there are in all.
	Matches    []Match `json:"matches"`
	MatchCount int     `json:"match_count"`
	// Citation cites the first matched paragraph (the page, when the match
	// is in its title); Permalink is its stable link on this service.
	Citation  Citation `json:"citation"`
	Permalink string   `json:"permalink"`
	// Of testimony (one speaker's turns at one sitting): who spoke, the
	// sitting, and the question the first matched answer answers. The
	// permalink is to the turn in the whole transcript.
	Speaker  string `json:"speaker,omitempty"`
	Role     string `json:"role,omitempty"`
	Hearing  string `json:"hearing,omitempty"`
	Question *Turn  `json:"question,omitempty"`
}

// Turn is one turn of a hearing, cited.
type Turn struct {
	Number   string `json:"number"`
	Speaker  string `json:"speaker"`
	Text     string `json:"text"`
	Citation string `json:"citation"`
}

// FacetValue is one value of a facet with the number of results holding it.
type FacetValue struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Pages returns how many pages the result has. Those past MaxWindow are
// reached only by following Next.
func (r *Result) Pages() int {
	if r.Size == 0 {
		return 0
	}
	return int((r.Total + uint64(r.Size) - 1) / uint64(r.Size))
}
