package search

import (
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/inquirysearch/inquirysearch/indexer"
)

// facetSpec is one facet as the search layer counts and filters it: the
// keyword field whose values the facet table holds, how many values it
// shows, and whether values people type match it case-folded (names) or
// exactly (types, years). A filter of a request is checked in the
// facet table (facetFilter); a value typed in a query (place:Ashcombe), which
// may stand beside words, OR and exclusions, is a term of the query on key,
// the copy of field the index keeps folded (indexer.FoldKey).
type facetSpec struct {
	name, field, key string
	size             int
	fold             bool
	// forms gives the folded forms a filter may name a value by, where
	// there are more than one ("Jane Elmwood" and "Elmwood" for "Ms Jane
	// Elmwood"); the key field holds the same forms.
	forms func(value string) []string
}

// searchFacets are the facets of a search.
var searchFacets = map[string]facetSpec{
	FacetInvestigation: {name: FacetInvestigation, field: indexer.FieldInvestigation, key: indexer.FieldInvestigationKey, size: 50, fold: true},
	FacetReport:        {name: FacetReport, field: indexer.FieldReport, key: indexer.FieldReportKey, size: 100, fold: true},
	FacetType:          {name: FacetType, field: indexer.FieldType, key: indexer.FieldType, size: 20},
	FacetYear:          {name: FacetYear, field: indexer.FieldYear, key: indexer.FieldYear, size: 100},
	FacetPlace:         {name: FacetPlace, field: indexer.FieldPlace, key: indexer.FieldPlaceKey, size: 60, fold: true},
	FacetInstitution:   {name: FacetInstitution, field: indexer.FieldInstitution, key: indexer.FieldInstitutionKey, size: 60, fold: true},
	FacetSpeaker:       {name: FacetSpeaker, field: indexer.FieldSpeaker, key: indexer.FieldSpeakerKey, size: 100, fold: true, forms: indexer.SpeakerKeys},
	FacetHearing:       {name: FacetHearing, field: indexer.FieldHearing, key: indexer.FieldHearingKey, size: 100, fold: true, forms: indexer.HearingLabelKeys},
	FacetRole:          {name: FacetRole, field: indexer.FieldRole, key: indexer.FieldRole, size: 10},
}

// recFacets are the facets of the recommendations list, which shows every
// value it counts.
var recFacets = map[string]facetSpec{
	FacetRecipient:     {name: FacetRecipient, field: indexer.FieldRecipient, key: indexer.FieldRecipientKey, size: 500, fold: true},
	FacetReport:        {name: FacetReport, field: indexer.FieldReport, key: indexer.FieldReportKey, size: 500, fold: true},
	FacetInvestigation: {name: FacetInvestigation, field: indexer.FieldInvestigation, key: indexer.FieldInvestigationKey, size: 500, fold: true},
}

// foldValue puts a value in the form the facet matches it in.
func (f facetSpec) foldValue(v string) string {
	if f.fold {
		return indexer.FoldKey(v)
	}
	return v
}

// term matches one value of the facet as a term of a query.
func (f facetSpec) term(value string) query.Query {
	tq := bleve.NewTermQuery(f.foldValue(value))
	tq.SetField(f.key)
	return tq
}

// facetFilter is a facet filter checked in the facet table: the values of
// the facet's column it accepts. The facet is counted over the matches
// that pass every other filter, so that a person can widen the selection.
type facetFilter struct {
	facet   facetSpec
	col     *facetColumn
	accept  []bool // by value number
	counted bool   // the facet's counts are asked for (by default they are)
}

func (f *facetFilter) passes(num uint64) bool {
	if num+1 >= uint64(len(f.col.starts)) {
		return false
	}
	for _, o := range f.col.ords[f.col.starts[num]:f.col.starts[num+1]] {
		if f.accept[o] {
			return true
		}
	}
	return false
}

// filters returns the filters of a request, over the facets named in
// order, as facet table filters.
func (t *facetTable) filters(specs map[string]facetSpec, names []string, filters Filters) ([]facetFilter, error) {
	var out []facetFilter
	for _, name := range names {
		values := filters[name]
		if len(values) == 0 {
			continue
		}
		spec := specs[name]
		col, ok := t.fields[spec.field]
		if !ok {
			return nil, fmt.Errorf("facet %s: field %s is not in the facet table", name, spec.field)
		}
		want := map[string]bool{}
		for _, v := range values {
			want[spec.foldValue(v)] = true
		}
		f := facetFilter{facet: spec, col: &t.cols[col], counted: true}
		f.accept = make([]bool, len(f.col.values))
		for o, v := range f.col.values {
			f.accept[o] = want[spec.foldValue(v)]
			if spec.forms != nil {
				f.accept[o] = slices.ContainsFunc(spec.forms(v), func(k string) bool { return want[k] })
			}
		}
		out = append(out, f)
	}
	return out, nil
}
