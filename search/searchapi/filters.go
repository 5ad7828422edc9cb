package searchapi

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// Facet names: the dimensions results are counted and filtered by.
const (
	FacetInvestigation = "investigation"
	FacetType          = "type"
	FacetYear          = "year"
	FacetPlace         = "place"
	FacetInstitution   = "institution"
	// A hearing's facets, held by testimony documents (one speaker's
	// turns at one sitting).
	FacetSpeaker = "speaker"
	FacetHearing = "hearing"
	FacetRole    = "role"
)

// Facets lists the facet names in display order.
var Facets = []string{FacetInvestigation, FacetReport, FacetType, FacetYear, FacetPlace, FacetInstitution, FacetSpeaker, FacetHearing, FacetRole}

// MaxFilterValues bounds the values one request may filter on.
const MaxFilterValues = 50

// Filters selects results by facet value: values of one facet are ORed,
// facets are ANDed.
type Filters map[string][]string

var yearPattern = regexp.MustCompile(`^\d{4}$`)

// NormaliseFilter checks one filter value of facet and puts it in the form the
// index holds.
func NormaliseFilter(facet, value string) (string, error) {
	v := strings.TrimSpace(value)
	switch facet {
	case FacetType:
		v = strings.ToLower(strings.Join(strings.Fields(v), "-"))
		for _, t := range corpus.Types {
			if string(t) == v {
				return v, nil
			}
		}
		names := make([]string, len(corpus.Types))
		for i, t := range corpus.Types {
			names[i] = string(t)
		}
		return "", Invalid(fmt.Sprintf("unknown document type %q; the types are %s", value, strings.Join(names, ", ")))
	case FacetYear:
		if !yearPattern.MatchString(v) {
			return "", Invalid(fmt.Sprintf("year %q is not a four-digit year", value))
		}
		return v, nil
	case FacetStatus:
		v = strings.ToLower(strings.Join(strings.Fields(v), " "))
		if !slices.Contains(corpus.Statuses, v) {
			return "", Invalid(fmt.Sprintf("unknown status %q; the statuses are %s", value, strings.Join(corpus.Statuses, ", ")))
		}
		return v, nil
	case FacetOverdue:
		switch strings.ToLower(v) {
		case "true", "yes", "1", OverdueValue:
			return OverdueValue, nil
		}
		return "", Invalid(fmt.Sprintf("overdue=%q: write overdue=true", value))
	case FacetRole:
		v = strings.ToLower(v)
		if !slices.Contains(corpus.Roles, v) {
			return "", Invalid(fmt.Sprintf("unknown role %q; the roles are %s", value, strings.Join(corpus.Roles, ", ")))
		}
		return v, nil
	case FacetInvestigation, FacetPlace, FacetInstitution, FacetRecipient, FacetReport, FacetSpeaker, FacetHearing:
		if v == "" {
			return "", Invalid(fmt.Sprintf("empty %s filter", facet))
		}
		if len(v) > 200 {
			return "", Invalid(fmt.Sprintf("the %s filter is too long", facet))
		}
		return strings.Join(strings.Fields(v), " "), nil
	}
	return "", Invalid(fmt.Sprintf("unknown filter %q; the filters are %s", facet, strings.Join(Facets, ", ")))
}

// Normalise validates every filter of a search and returns them in index
// form, with duplicates removed and values sorted so equal filters compare
// equal. Errors wrap ErrInvalidQuery.
func (f Filters) Normalise() (Filters, error) { return f.normalise(Facets) }

// NormaliseRecommendations is Normalise for the filters of the
// recommendations list, whose facets are RecommendationFacets.
func (f Filters) NormaliseRecommendations() (Filters, error) {
	return f.normalise(append(slices.Clone(RecommendationFacets), ResponseFacets...))
}

func (f Filters) normalise(facets []string) (Filters, error) {
	out := Filters{}
	total := 0
	for facet, values := range f {
		if !slices.Contains(facets, facet) {
			return nil, Invalid(fmt.Sprintf("unknown filter %q; the filters are %s", facet, strings.Join(facets, ", ")))
		}
		seen := map[string]bool{}
		for _, v := range values {
			if strings.TrimSpace(v) == "" {
				continue
			}
			n, err := NormaliseFilter(facet, v)
			if err != nil {
				return nil, err
			}
			if k := strings.ToLower(n); !seen[k] {
				seen[k] = true
				out[facet] = append(out[facet], n)
				total++
			}
		}
		sort.Strings(out[facet])
	}
	if total > MaxFilterValues {
		return nil, Invalid(fmt.Sprintf("too many filter values (%d); the limit is %d", total, MaxFilterValues))
	}
	return out, nil
}
