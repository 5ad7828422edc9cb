package search

import (
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/inquirysearch/inquirysearch/indexer"
)

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
