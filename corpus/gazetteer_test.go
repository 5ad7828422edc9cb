package corpus

import (
	"slices"
	"strings"
	"testing"
)

func TestGazetteerCoversEnglandAndWales(t *testing.T) {
	g, err := ParseGazetteer(strings.NewReader(gazetteerTSV))
	if err != nil {
		t.Fatal(err)
	}
	police, current := 0, 0
	councils := map[string]bool{}
	for _, e := range g.Entries() {
		switch e.Kind {
		case "police":
			police++
		case "council":
			councils[e.Name] = true
		}
	}
	for _, line := range strings.Split(gazetteerTSV, "\n") {
		if strings.HasPrefix(line, "council\t") && strings.Contains(line, "\tcurrent") {
			current++
		}
	}
	if police != 43 {
		t.Errorf("%d territorial police forces, want 43", police)
	}
	// 317 English principal councils and 22 Welsh ones (2024).
	if current != 339 {
		t.Errorf("%d current councils, want 339", current)
	}
	for _, want := range []string{"Rochdale Borough Council", "Nottinghamshire County Council", "Gwynedd Council"} {
		if !councils[want] {
			t.Errorf("gazetteer lacks %s", want)
		}
	}
}

func TestGazetteerFind(t *testing.T) {
	g := mustGazetteer(t)
	tests := []struct {
		text                 string
		places, institutions []string
		notPlaces            []string
	}{
		{
			text:         "Officers from Greater Manchester Police met staff of Rochdale Borough Council.",
			places:       []string{"Rochdale"},
			institutions: []string{"Greater Manchester Police", "Rochdale Borough Council"},
		},
		{
			text:      "Rotherham and Oxford were excluded from the case studies. The Inquiry visited Swansea.",
			places:    []string{"Swansea"},
			notPlaces: []string{"Rotherham", "Oxford"},
		},
		{
			text:      "Reading the files took months, and rugby was played at the school.",
			notPlaces: []string{"Reading", "Rugby"},
		},
		{
			text:         "Reading Borough Council accepted the finding.",
			places:       []string{"Reading"},
			institutions: []string{"Reading Borough Council"},
		},
		{
			text:         "The Elsworth Vale District Council and Elsworth Police shared records.",
			places:       []string{"Elsworth Vale"},
			institutions: []string{"Elsworth Police", "Elsworth Vale District Council"},
		},
		{
			text:      "Bristolian accents and Durhamshire are not places we know.",
			notPlaces: []string{"Bristol", "Durham"},
		},
	}
	for _, tt := range tests {
		places, insts := g.Find(tt.text)
		for _, p := range tt.places {
			if !slices.Contains(places, p) {
				t.Errorf("Find(%q) places %v lack %s", tt.text, places, p)
			}
		}
		for _, p := range tt.notPlaces {
			if slices.Contains(places, p) {
				t.Errorf("Find(%q) tagged %s", tt.text, p)
			}
		}
		for _, i := range tt.institutions {
			if !slices.Contains(insts, i) {
				t.Errorf("Find(%q) institutions %v lack %s", tt.text, insts, i)
			}
		}
	}
}

func TestParseGazetteerRejectsBadRows(t *testing.T) {
	if _, err := ParseGazetteer(strings.NewReader("kind\tname\tplace\taliases\tstatus\ncouncil\n")); err == nil {
		t.Error("a row with one field was accepted")
	}
}

func mustGazetteer(t *testing.T) *Gazetteer {
	t.Helper()
	g, err := DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	return g
}
