package search

import "github.com/inquirysearch/inquirysearch/search/searchapi"

// The search layer's requests, results and error kinds are defined in
// package searchapi, which imports no index, so that a caller such as the
// server depends on them and on nothing of bleve. These are their names in
// this package, where the implementation uses them.

type (
	Request                = searchapi.Request
	Result                 = searchapi.Result
	Hit                    = searchapi.Hit
	Match                  = searchapi.Match
	FacetValue             = searchapi.FacetValue
	Filters                = searchapi.Filters
	Citation               = searchapi.Citation
	Expansion              = searchapi.Expansion
	HelpEntry              = searchapi.HelpEntry
	Evidence               = searchapi.Evidence
	EvidenceParagraph      = searchapi.EvidenceParagraph
	Similar                = searchapi.Similar
	SimilarParagraph       = searchapi.SimilarParagraph
	Suggestion             = searchapi.Suggestion
	Suggestions            = searchapi.Suggestions
	RecommendationsRequest = searchapi.RecommendationsRequest
	RecommendationItem     = searchapi.RecommendationItem
	ResponseItem           = searchapi.ResponseItem
	Turn                   = searchapi.Turn
	RecommendationList     = searchapi.RecommendationList
	ExportSummary          = searchapi.ExportSummary
)

const (
	SortRelevance      = searchapi.SortRelevance
	SortNewest         = searchapi.SortNewest
	SortOldest         = searchapi.SortOldest
	DefaultSize        = searchapi.DefaultSize
	MaxSize            = searchapi.MaxSize
	MaxWindow          = searchapi.MaxWindow
	FacetInvestigation = searchapi.FacetInvestigation
	FacetType          = searchapi.FacetType
	FacetYear          = searchapi.FacetYear
	FacetPlace         = searchapi.FacetPlace
	FacetInstitution   = searchapi.FacetInstitution
	FacetSpeaker       = searchapi.FacetSpeaker
	FacetHearing       = searchapi.FacetHearing
	FacetRole          = searchapi.FacetRole
	FacetStatus        = searchapi.FacetStatus
	FacetOverdue       = searchapi.FacetOverdue
	FacetRecipient     = searchapi.FacetRecipient
	FacetReport        = searchapi.FacetReport
	MaxFilterValues    = searchapi.MaxFilterValues
	MaxExportRows      = searchapi.MaxExportRows
	MaxMatches         = searchapi.MaxMatches
	UnitDocument       = searchapi.UnitDocument
	UnitParagraph      = searchapi.UnitParagraph
	HitsFull           = searchapi.HitsFull
	HitsIDs            = searchapi.HitsIDs
	ScopeDocument      = searchapi.ScopeDocument
	ScopeParagraph     = searchapi.ScopeParagraph
	DidYouMeanBelow    = searchapi.DidYouMeanBelow
)

var (
	Facets               = searchapi.Facets
	RecommendationFacets = searchapi.RecommendationFacets
	Help                 = searchapi.Help
	HelpNotes            = searchapi.HelpNotes
	ErrInvalidQuery      = searchapi.ErrInvalidQuery
	ErrNotFound          = searchapi.ErrNotFound
	ErrUnavailable       = searchapi.ErrUnavailable
)
