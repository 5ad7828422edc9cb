package corpus

import (
	"testing"
)

func TestResolvePropagatesReportDates(t *testing.T) {
	docs := []*Document{
		{ID: "a", Report: "The X Investigation Report", Published: "2021-03-16", Type: TypeInvestigationReport},
		{ID: "b", Report: "The X investigation report", Type: TypeSection},
		{ID: "c", Report: "Another report", Type: TypeSection},
		{ID: "d", Report: "The X investigation report", Published: "2020-01-01", Type: TypeNews},
	}
	if n := Resolve(docs); n != 2 {
		t.Errorf("Resolve made %d changes, want 2 (b's report name and date)", n)
	}
	if docs[1].Report != docs[0].Report || docs[3].Report != "The X investigation report" {
		t.Errorf("reports = %q, %q: want the landing page's spelling, news left alone", docs[1].Report, docs[3].Report)
	}
	if docs[1].Published != "2021-03-16" || docs[2].Published != "" {
		t.Errorf("published = %q, %q", docs[1].Published, docs[2].Published)
	}
	if n := Resolve(docs); n != 0 {
		t.Errorf("a second Resolve changed %d documents", n)
	}
}
