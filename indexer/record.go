package indexer

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// toRecord maps a document onto the index fields. Paragraph i of the
// document is element i of the text array, so a match's array position
// names its paragraph. The record is a map holding only the fields that
// have a value: bleve indexes an empty string as a term, which would show
// up as an empty facet value.
func toRecord(d *corpus.Document) (map[string]any, error) {
	return recordWithSource(d, d)
}

// recommendationRecord maps a recommendation document onto the index: a
// document's fields, its Recommendation kept in the stored source, and the
// recommendation's own facets.
func recommendationRecord(r *RecommendationDocument) (map[string]any, error) {
	rec, err := recordWithSource(&r.Document, r)
	if err != nil {
		return nil, err
	}
	if len(r.Recommendation.Recipients) > 0 {
		rec[FieldRecipient] = r.Recommendation.Recipients
		keys := make([]string, len(r.Recommendation.Recipients))
		for i, v := range r.Recommendation.Recipients {
			keys[i] = FoldKey(v)
		}
		rec[FieldRecipientKey] = keys
	}
	rec[FieldNumber] = float64(r.Recommendation.Number)
	return rec, nil
}

// recordWithSource maps d onto the index fields and stores source (d, or a
// value that embeds it) as its JSON.
func recordWithSource(d *corpus.Document, source any) (map[string]any, error) {
	src, err := json.Marshal(source)
	if err != nil {
		return nil, fmt.Errorf("index %s: %w", d.ID, err)
	}
	r := map[string]any{
		FieldType:   string(d.Type),
		FieldSource: string(src),
	}
	set := func(field string, v string) {
		if v != "" {
			r[field] = v
		}
	}
	setList := func(field string, vs []string, lower bool) {
		var out []string
		for _, v := range vs {
			if lower {
				v = FoldKey(v)
			}
			if v != "" {
				out = append(out, v)
			}
		}
		if len(out) > 0 {
			r[field] = out
		}
	}
	set(FieldInvestigation, d.Investigation)
	set(FieldInvestigationKey, FoldKey(d.Investigation))
	set(FieldReport, d.Report)
	set(FieldReportKey, FoldKey(d.Report))
	setList(FieldPlace, d.Places, false)
	setList(FieldPlaceKey, d.Places, true)
	setList(FieldInstitution, d.Institutions, false)
	setList(FieldInstitutionKey, d.Institutions, true)

	// Every paragraph keeps its slot, even an empty one, so that array
	// positions stay paragraph indices.
	text := make([]string, len(d.Paragraphs))
	for i, p := range d.Paragraphs {
		text[i] = p.Text
	}
	if len(text) > 0 {
		r[FieldText] = text
	}
	setList(FieldTitle, []string{d.Title, d.Report, d.Subtitle}, false)
	var headings []string
	for _, p := range d.Paragraphs {
		if p.Heading {
			headings = append(headings, p.Text)
		}
	}
	setList(FieldHeadings, headings, false)
	if refs := paragraphReferences(d); anyNonEmpty(refs) {
		r[FieldRefs] = refs
	}
	if ciphers := paragraphCiphers(d); anyNonEmpty(ciphers) {
		r[FieldCiphers] = ciphers
	}

	if d.Type == corpus.TypeTranscript && slices.ContainsFunc(d.Paragraphs, func(p corpus.Paragraph) bool { return p.Speaker != "" }) {
		r[FieldSplit] = "testimony"
	}
	if d.Published != "" {
		t, err := time.Parse("2006-01-02", d.Published)
		if err != nil {
			return nil, fmt.Errorf("index %s: published %q: %w", d.ID, d.Published, err)
		}
		r[FieldPublished] = t
		r[FieldYear] = d.Published[:4]
	}
	return r, nil
}
