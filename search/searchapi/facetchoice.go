package searchapi

import (
	"fmt"
	"slices"
	"strings"
)

// FacetsNone, as the only name in Request.Facets, asks for no facet counts.
const FacetsNone = "none"

// normaliseFacetChoice checks the facets a request asks to have counted
// and puts them in display order without repeats; nil (every facet) stays
// nil. Errors wrap ErrInvalidQuery.
func normaliseFacetChoice(names []string) ([]string, error) {
	if len(names) == 0 {
		return nil, nil
	}
	var out []string
	none := false
	for _, n := range names {
		n = strings.ToLower(strings.TrimSpace(n))
		switch {
		case n == FacetsNone:
			none = true
		case !slices.Contains(Facets, n):
			return nil, Invalid(fmt.Sprintf("unknown facet %q; the facets are %s, or %s for no facets", n, strings.Join(Facets, ", "), FacetsNone))
		case !slices.Contains(out, n):
			out = append(out, n)
		}
	}
	if none {
		if len(out) > 0 {
			return nil, Invalid(fmt.Sprintf("facets %s cannot be asked for together with other facets", FacetsNone))
		}
		return []string{FacetsNone}, nil
	}
	slices.SortFunc(out, func(a, b string) int { return slices.Index(Facets, a) - slices.Index(Facets, b) })
	return out, nil
}

// CountsFacet reports whether a validated request asks for the facet's
// counts.
func (r Request) CountsFacet(name string) bool {
	return len(r.Facets) == 0 || slices.Contains(r.Facets, name)
}
