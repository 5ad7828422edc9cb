package indexer

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// record is what the index receives for one document; its JSON names are
// the field paths of the mapping.
type record struct {
	Text             []string   `json:"text"`
	Title            []string   `json:"title"`
	Published        *time.Time `json:"published,omitempty"`
	Investigation    string     `json:"investigation,omitempty"`
	Type             string     `json:"type"`
	Year             string     `json:"year,omitempty"`
	Place            []string   `json:"place,omitempty"`
	Institution      []string   `json:"institution,omitempty"`
	InvestigationKey string     `json:"investigation_key,omitempty"`
	PlaceKey         []string   `json:"place_key,omitempty"`
	InstitutionKey   []string   `json:"institution_key,omitempty"`
	Source           string     `json:"source"`
}

// toRecord maps a document onto the index fields. Paragraph i of the
// document is element i of the text array, so a match's array position
// names its paragraph.
func toRecord(d *corpus.Document) (*record, error) {
	src, err := json.Marshal(d)
	if err != nil {
		return nil, fmt.Errorf("index %s: %w", d.ID, err)
	}
	r := &record{
		Type:             string(d.Type),
		Investigation:    d.Investigation,
		InvestigationKey: strings.ToLower(d.Investigation),
		Place:            d.Places,
		Institution:      d.Institutions,
		Source:           string(src),
	}
	for _, p := range d.Paragraphs {
		r.Text = append(r.Text, p.Text)
	}
	for _, t := range []string{d.Title, d.Report, d.Subtitle} {
		if t != "" {
			r.Title = append(r.Title, t)
		}
	}
	for _, p := range d.Places {
		r.PlaceKey = append(r.PlaceKey, strings.ToLower(p))
	}
	for _, i := range d.Institutions {
		r.InstitutionKey = append(r.InstitutionKey, strings.ToLower(i))
	}
	if d.Published != "" {
		t, err := time.Parse("2006-01-02", d.Published)
		if err != nil {
			return nil, fmt.Errorf("index %s: published %q: %w", d.ID, d.Published, err)
		}
		r.Published = &t
		r.Year = d.Published[:4]
	}
	return r, nil
}
