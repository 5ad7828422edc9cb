package indexer

import (
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/single"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/whitespace"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Field names of the index. The search package builds its queries on these.
const (
	FieldText       = "text"       // paragraph texts, stemmed; array position = paragraph index
	FieldTextExact  = "text_exact" // paragraph texts, lower-cased only, for quoted phrases
	FieldTitle      = "title"      // page heading, report title and subtitle, stemmed
	FieldTitleExact = "title_exact"
	FieldPublished  = "published" // datetime, for sorting and date ranges
	FieldHeadings   = "headings"  // the page's sub-headings, stemmed, weighed above body text

	// Identifiers, one array element per paragraph like text: element i
	// holds the terms of what paragraph i cites or names.
	FieldRefs    = "refs"    // evidence references (URNs), with their document and page terms
	FieldCiphers = "ciphers" // anonymised cipher codes such as "fo-a3"

	FieldInvestigation = "investigation" // keyword facets, exact case
	FieldType          = "type"
	FieldYear          = "year"
	FieldPlace         = "place"
	FieldInstitution   = "institution"

	// Lower-cased copies of the facet fields, for filters typed by hand.
	FieldInvestigationKey = "investigation_key"
	FieldPlaceKey         = "place_key"
	FieldInstitutionKey   = "institution_key"

	FieldSource = "source" // the document as JSON: stored, not indexed

	// Every document that belongs to a report: the report's name, one
	// spelling a report (corpus.NormaliseReports).
	FieldReport    = "report"     // keyword facet
	FieldReportKey = "report_key" // lower-cased, for report names typed by hand

	// Recommendation documents only.
	FieldRecipient    = "recipient"     // keyword facet: the institutions addressed, canonical names
	FieldRecipientKey = "recipient_key" // lower-cased, for filters typed by hand
	FieldNumber       = "number"        // the recommendation's number, for ordering

	// Testimony documents only (one speaker's turns at one sitting).
	FieldSpeaker    = "speaker"     // keyword facet: the speaker's name as normalised
	FieldSpeakerKey = "speaker_key" // lower-cased forms of the name (see SpeakerKeys)
	FieldRole       = "role"        // keyword facet and filter: witness, counsel, chair, panel, other
	FieldHearing    = "hearing"     // keyword facet: "Day 2, 4 February 2019"
	FieldHearingKey = "hearing_key" // lower-cased forms of the sitting (see HearingKeys)
	// Transcripts split into testimony documents carry this, so a search
	// can leave them out rather than show everything twice.
	FieldSplit = "split"
)

// Analyzer names registered in the mapping.
const (
	AnalyzerText  = "inquiry_text"  // English: possessives, lower case, stop words, Porter stems
	AnalyzerExact = "inquiry_exact" // lower case only: every word kept, none stemmed
	// AnalyzerExactIndex indexes the exact body text: AnalyzerExact's
	// tokens plus the pairs of common words (see FilterCommonGrams).
	// Queries analyse with AnalyzerExact and ask for pairs explicitly.
	AnalyzerExactIndex = "inquiry_exact_pairs"
	AnalyzerKeyword    = "keyword"
	AnalyzerKeyLow     = "keyword_lower"
	AnalyzerIdent      = "identifier" // whitespace-separated identifiers, lower-cased, kept whole
)

// NewMapping returns the index mapping: a static mapping (no dynamic
// fields, no _all) holding only what search and display use. The exact
// body field also indexes the adjacent pairs of the common words given.
func NewMapping(common ...string) (*mapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	im.ScoringModel = "bm25"
	im.DefaultAnalyzer = AnalyzerText
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false

	if err := im.AddCustomTokenFilter(commonGramsName, map[string]any{
		"type": FilterCommonGrams, "words": append([]string{}, common...), "any": CommonestCount,
	}); err != nil {
		return nil, fmt.Errorf("mapping: common pairs: %w", err)
	}
	for _, a := range []struct {
		name, tokenizer string
		filters         []string
	}{
		{AnalyzerText, unicode.Name, []string{FilterApostrophe, en.PossessiveName, lowercase.Name, en.StopName, porter.Name}},
		{AnalyzerExact, unicode.Name, []string{FilterApostrophe, lowercase.Name}},
		{AnalyzerExactIndex, unicode.Name, []string{FilterApostrophe, lowercase.Name, commonGramsName}},
		{AnalyzerKeyLow, single.Name, []string{lowercase.Name}},
		{AnalyzerIdent, whitespace.Name, []string{lowercase.Name}},
	} {
		if err := im.AddCustomAnalyzer(a.name, map[string]any{
			"type": custom.Name, "tokenizer": a.tokenizer, "token_filters": a.filters,
		}); err != nil {
			return nil, fmt.Errorf("mapping: analyzer %s: %w", a.name, err)
		}
	}

	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt(FieldText,
		textField(FieldText, AnalyzerText), textField(FieldTextExact, AnalyzerExactIndex))
	dm.AddFieldMappingsAt(FieldTitle,
		textField(FieldTitle, AnalyzerText), textField(FieldTitleExact, AnalyzerExact))

	dm.AddFieldMappingsAt(FieldHeadings, textField(FieldHeadings, AnalyzerText))
	dm.AddFieldMappingsAt(FieldRefs, textField(FieldRefs, AnalyzerIdent))
	dm.AddFieldMappingsAt(FieldCiphers, textField(FieldCiphers, AnalyzerIdent))

	for _, f := range []string{FieldInvestigation, FieldType, FieldYear, FieldPlace, FieldInstitution, FieldRecipient, FieldReport, FieldSpeaker, FieldRole, FieldHearing, FieldSplit} {
		dm.AddFieldMappingsAt(f, facetField(f))
	}
	for _, f := range []string{FieldInvestigationKey, FieldReportKey, FieldPlaceKey, FieldInstitutionKey, FieldRecipientKey, FieldSpeakerKey, FieldHearingKey} {
		fm := facetField(f)
		fm.Analyzer = AnalyzerKeyLow
		fm.DocValues = false
		dm.AddFieldMappingsAt(f, fm)
	}

	pub := bleve.NewDateTimeFieldMapping()
	pub.Store, pub.IncludeInAll, pub.DocValues = false, false, true
	dm.AddFieldMappingsAt(FieldPublished, pub)

	num := bleve.NewNumericFieldMapping()
	num.Store, num.IncludeInAll, num.DocValues = false, false, true
	dm.AddFieldMappingsAt(FieldNumber, num)

	src := bleve.NewTextFieldMapping()
	src.Index, src.Store, src.IncludeTermVectors, src.IncludeInAll, src.DocValues = false, true, false, false, false
	dm.AddFieldMappingsAt(FieldSource, src)

	// No _all field: every query names its fields, and composing one per
	// document is work for nothing.
	dm.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	im.DefaultMapping = dm
	if err := im.Validate(); err != nil {
		return nil, fmt.Errorf("mapping: %w", err)
	}
	return im, nil
}

// textField is a searchable text field with positions (for phrases and for
// naming the paragraph a hit matched), not stored: snippets are cut from
// the stored source.
func textField(name, analyzer string) *mapping.FieldMapping {
	fm := bleve.NewTextFieldMapping()
	fm.Name = name
	fm.Analyzer = analyzer
	fm.Store = false
	fm.IncludeTermVectors = true
	fm.IncludeInAll = false
	fm.DocValues = false
	return fm
}

// facetField is an exact keyword field with doc values, for facets.
func facetField(name string) *mapping.FieldMapping {
	fm := bleve.NewKeywordFieldMapping()
	fm.Name = name
	fm.Store = false
	fm.IncludeTermVectors = false
	fm.IncludeInAll = false
	fm.DocValues = true
	return fm
}

// FoldKey puts a name in the form the *_key fields hold it, so that a name
// typed in any case finds it. Everything that matches names (the index's
// key fields, the search layer's filters) folds with it.
func FoldKey(name string) string { return strings.ToLower(name) }
