package server

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/search"
)

func TestEvidenceBothWaysOverHTTP(t *testing.T) {
	// Every reference a document's paragraph lists leads, through the
	// evidence API, back to that paragraph.
	checked := 0
	for _, d := range testDocs {
		var dj struct {
			Paragraphs []struct {
				Number     string          `json:"number"`
				References []string        `json:"references"`
				Citation   search.Citation `json:"citation"`
			} `json:"paragraphs"`
		}
		getJSON(t, "/api/v1/documents/"+d.ID, &dj)
		for _, p := range dj.Paragraphs {
			if !strings.HasSuffix(p.Citation.Permalink, "/documents/"+d.ID+"#p-"+p.Number) {
				t.Errorf("%s paragraph %s: permalink %q", d.ID, p.Number, p.Citation.Permalink)
			}
			for _, ref := range p.References {
				if checked >= 40 {
					break
				}
				checked++
				var ev search.Evidence
				getJSON(t, "/api/v1/evidence/"+url.PathEscape(ref), &ev)
				found := false
				for _, ep := range ev.Paragraphs {
					if ep.DocumentID == d.ID && ep.Paragraph == p.Number && slices.Contains(ep.References, ref) {
						found = true
					}
				}
				if !found {
					t.Errorf("%s paragraph %s cites %s, whose evidence lists %d other paragraphs", d.ID, p.Number, ref, ev.Total)
				}
				// The page shows the same paragraphs.
				page, _ := getHTML(t, "/evidence/"+url.PathEscape(ref), 200)
				if n := page.Find("ol.evidence-list > li").Length(); n != ev.Total {
					t.Errorf("evidence page for %s lists %d, API %d", ref, n, ev.Total)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no paragraph lists a reference")
	}
	resp, body := get(t, "/api/v1/evidence/%3Cscript%3E")
	if resp.StatusCode != 400 || !strings.Contains(body, "invalid_query") || strings.Contains(body, "<script>") {
		t.Errorf("bad reference: %d %s", resp.StatusCode, body)
	}
}
