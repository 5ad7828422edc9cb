package indexer

import (
	"slices"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
)

func TestTestimonies(t *testing.T) {
	t.Parallel()
	h := &corpus.Hearing{Day: 2, Date: "2019-02-04"}
	d := &corpus.Document{ID: "t", URL: "https://example.org/t.pdf", Type: corpus.TypeTranscript, Hearing: h, Paragraphs: []corpus.Paragraph{
		{Number: "1:1", Text: "(10.00 am)", Heading: true},
		{Number: "1:2", Text: "Q. Where did you work?", Speaker: "Mr Daniel Callow", Role: corpus.RoleCounsel},
		{Number: "1:3", Text: "A. At the council.", Speaker: "Ms Jane Elmwood", Role: corpus.RoleWitness, Answers: "1:2"},
		{Number: "1:4", Text: "Q. Since when?", Speaker: "Mr Daniel Callow", Role: corpus.RoleCounsel},
		{Number: "1:5", Text: "A. Since 2004.", Speaker: "Ms Jane Elmwood", Role: corpus.RoleWitness, Answers: "1:4"},
	}}
	ts := Testimonies([]*corpus.Document{d})
	if len(ts) != 2 {
		t.Fatalf("%d testimonies, want 2", len(ts))
	}
	w := ts[1]
	if w.Title != "Ms Jane Elmwood, Day 2, 4 February 2019" || w.Type != corpus.TypeTestimony || len(w.Paragraphs) != 2 || w.Testimony.Questions["1:5"].Text != "Q. Since when?" {
		t.Errorf("testimony %+v", w)
	}
	rec, err := testimonyRecord(w)
	if err != nil {
		t.Fatal(err)
	}
	if rec[FieldSpeaker] != "Ms Jane Elmwood" || rec[FieldRole] != "witness" || rec[FieldHearing] != "Day 2, 4 February 2019" {
		t.Errorf("record %v", rec)
	}
	if got := rec[FieldHearingKey].([]string); !slices.Equal(got, []string{"day 2, 4 february 2019", "day 2", "4 february 2019", "2019-02-04"}) {
		t.Errorf("hearing keys %q", got)
	}
	if got := SpeakerKeys("Detective Superintendent Anna Rowe"); !slices.Equal(got, []string{"detective superintendent anna rowe", "superintendent anna rowe", "anna rowe", "rowe"}) {
		t.Errorf("speaker keys %q", got)
	}
	if full, _ := toRecord(d); full[FieldSplit] != "testimony" {
		t.Errorf("a split transcript is not marked: %v", full[FieldSplit])
	}
}
