package corpus

import "testing"

func TestNormaliseReports(t *testing.T) {
	const site = "https://sample-inquiry.test/reports/"
	docs := []*Document{
		{ID: "landing", URL: site + "x", Report: "The X investigation report", Type: TypeInvestigationReport},
		{ID: "caps", URL: site + "x/part-a", Report: "The X Investigation  Report", Type: TypeSection},
		{ID: "under", URL: site + "x/part-b/annex", Report: "X report", Type: TypeAnnex},
		{ID: "beside", URL: site + "xy/part-a", Report: "X report", Type: TypeSection},
		{ID: "y1", URL: site + "y/1", Report: "The Y Report", Type: TypeSection},
		{ID: "y2", URL: site + "y/2", Report: "The Y report", Type: TypeSection},
		{ID: "y3", URL: site + "y/3", Report: "The Y report", Type: TypeSection},
	}
	if n := NormaliseReports(docs); n != 3 {
		t.Errorf("%d renamed; want 3", n)
	}
	want := map[string]string{
		"landing": "The X investigation report", "caps": "The X investigation report",
		"under":  "The X investigation report",                               // under the landing page's URL
		"beside": "X report",                                                 // a sibling path is not under it
		"y1":     "The Y report", "y2": "The Y report", "y3": "The Y report", // no landing: the most used spelling
	}
	for _, d := range docs {
		if d.Report != want[d.ID] {
			t.Errorf("%s: report %q; want %q", d.ID, d.Report, want[d.ID])
		}
	}
	if n := NormaliseReports(docs); n != 0 {
		t.Errorf("a second pass renamed %d", n)
	}
}
