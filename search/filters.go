package search

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/indexer"
)

// Facet names: the dimensions results are counted and filtered by.
const (
	FacetInvestigation = "investigation"
	FacetType          = "type"
	FacetYear          = "year"
	FacetPlace         = "place"
	FacetInstitution   = "institution"
)

// Facets lists the facet names in display order.
var Facets = []string{FacetInvestigation, FacetType, FacetYear, FacetPlace, FacetInstitution}

// facetSize is how many values each facet returns at most.
var facetSize = map[string]int{
	FacetInvestigation: 50, FacetType: 20, FacetYear: 100, FacetPlace: 60, FacetInstitution: 60,
}

// facetField is the keyword field a facet counts.
var facetField = map[string]string{
	FacetInvestigation: indexer.FieldInvestigation,
	FacetType:          indexer.FieldType,
	FacetYear:          indexer.FieldYear,
	FacetPlace:         indexer.FieldPlace,
	FacetInstitution:   indexer.FieldInstitution,
}

// filterField is the field a filter value is matched against; names typed
// by people are matched case-insensitively through the *_key fields.
var filterField = map[string]string{
	FacetInvestigation: indexer.FieldInvestigationKey,
	FacetType:          indexer.FieldType,
	FacetYear:          indexer.FieldYear,
	FacetPlace:         indexer.FieldPlaceKey,
	FacetInstitution:   indexer.FieldInstitutionKey,
}

// MaxFilterValues bounds the values one request may filter on.
const MaxFilterValues = 50

// Filters selects results by facet value: values of one facet are ORed,
// facets are ANDed.
type Filters map[string][]string

var yearPattern = regexp.MustCompile(`^\d{4}$`)

// normaliseFilter checks one filter value and puts it in the form the
// index holds.
func normaliseFilter(facet, value string) (string, error) {
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
		return "", invalidf(fmt.Sprintf("unknown document type %q; the types are %s", value, strings.Join(names, ", ")))
	case FacetYear:
		if !yearPattern.MatchString(v) {
			return "", invalidf(fmt.Sprintf("year %q is not a four-digit year", value))
		}
		return v, nil
	case FacetInvestigation, FacetPlace, FacetInstitution:
		if v == "" {
			return "", invalidf(fmt.Sprintf("empty %s filter", facet))
		}
		if len(v) > 200 {
			return "", invalidf(fmt.Sprintf("the %s filter is too long", facet))
		}
		return strings.Join(strings.Fields(v), " "), nil
	}
	return "", invalidf(fmt.Sprintf("unknown filter %q; the filters are %s", facet, strings.Join(Facets, ", ")))
}

// Normalise validates every filter and returns them in index form, with
// duplicates removed and values sorted so equal filters compare equal.
// Errors wrap ErrInvalidQuery.
func (f Filters) Normalise() (Filters, error) {
	out := Filters{}
	total := 0
	for facet, values := range f {
		seen := map[string]bool{}
		for _, v := range values {
			if strings.TrimSpace(v) == "" {
				continue
			}
			n, err := normaliseFilter(facet, v)
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
		return nil, invalidf(fmt.Sprintf("too many filter values (%d); the limit is %d", total, MaxFilterValues))
	}
	return out, nil
}

// filterQuery returns the filters as one non-scoring query, leaving out
// the facet named skip (for counting that facet's own alternatives), or nil.
func filterQuery(f Filters, skip string) query.Query {
	var parts []query.Query
	for _, facet := range Facets {
		values := f[facet]
		if facet == skip || len(values) == 0 {
			continue
		}
		alts := make([]query.Query, len(values))
		for i, v := range values {
			alts[i] = fieldTerm(facet, v)
		}
		parts = append(parts, bleve.NewDisjunctionQuery(alts...))
	}
	if len(parts) == 0 {
		return nil
	}
	return bleve.NewConjunctionQuery(parts...)
}

// fieldTerm matches one filter value; names are matched case-insensitively
// through the lower-cased *_key fields.
func fieldTerm(facet, value string) query.Query {
	if filterField[facet] != facetField[facet] {
		value = strings.ToLower(value)
	}
	tq := bleve.NewTermQuery(value)
	tq.SetField(filterField[facet])
	return tq
}
