package corpus

// TypeRecommendation is the type of a recommendation block taken out of a
// report page ("Recommendation 4: ...") and indexed as a document of its
// own. Extraction never produces it: the indexer derives it.
const TypeRecommendation Type = "recommendation"

func init() {
	// Kept apart from the extracted types' list so that filters and
	// facets accept the derived type too.
	Types = append(Types, TypeRecommendation)
}
