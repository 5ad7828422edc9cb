package server

import (
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// The witness page lists every sitting at which a person spoke, oldest
// first, with their turns, each answer under the question it answers;
// searching it keeps to their matching turns.
func TestSpeakerPage(t *testing.T) {
	page, _ := getHTML(t, "/speakers/"+url.PathEscape("Anna Rowe"), 200)
	if h1 := strings.TrimSpace(page.Find("h1").Text()); h1 != "Detective Superintendent Anna Rowe" {
		t.Errorf("h1 %q", h1)
	}
	var days []string
	page.Find(".sitting h2").Each(func(_ int, s *goquery.Selection) { days = append(days, s.Text()) })
	if len(days) != 2 || !strings.HasPrefix(days[0], "Day 1, 21 September 2020") || !strings.HasPrefix(days[1], "Day 2, 22 September 2020") {
		t.Errorf("sittings %q", days)
	}
	turns := page.Find(".turn")
	if turns.Length() != 8 {
		t.Errorf("%d turns, want 8", turns.Length())
	}
	first := turns.First()
	if q := first.Find(".question").Text(); !strings.Contains(q, "Ms Helen Ashdown asked") || !strings.Contains(q, "You lead the exploitation unit") {
		t.Errorf("the first answer's question: %q", q)
	}
	if c := first.Find(".said + .cite").Text(); c != "Day 1, 21 September 2020, page 2, line 22 (Detective Superintendent Anna Rowe)" {
		t.Errorf("the first turn is cited %q", c)
	}
	href, _ := first.Find(".said + .cite a").Attr("href")
	if !strings.HasPrefix(href, "/documents/") || !strings.HasSuffix(href, "#p-2:22") {
		t.Errorf("the first turn links to %q", href)
	}

	found, _ := getHTML(t, "/speakers/"+url.PathEscape("Anna Rowe")+"?q=training", 200)
	if n := found.Find(".turn").Length(); n != 1 || !strings.Contains(found.Find(".turn .said").Text(), "joint training") {
		t.Errorf("searching her words: %d turns: %q", n, found.Find(".turn .said").Text())
	}
	getHTML(t, "/speakers/"+url.PathEscape("Nobody Known"), 404)
}

// A transcript's page names each turn's speaker, linked to their witness
// page, and links an answer to its question.
func TestTranscriptPageNamesSpeakers(t *testing.T) {
	var id string
	for _, d := range testDocs {
		if strings.HasSuffix(d.URL, "public-hearing-transcript-4-february-2019.pdf") {
			id = d.ID
		}
	}
	if id == "" {
		t.Fatal("no Larkspur transcript in the sample")
	}
	page, _ := getHTML(t, "/documents/"+id, 200)
	turn := page.Find("#p-1\\:16")
	if got := turn.Find(".para-speaker").Text(); !strings.Contains(got, "Ms Jane Elmwood") || !strings.Contains(got, "answering 1:15") {
		t.Errorf("turn 1:16 is labelled %q", got)
	}
	if href, _ := turn.Find(".para-speaker a").First().Attr("href"); href != "/speakers/Ms%20Jane%20Elmwood" {
		t.Errorf("the speaker links to %q", href)
	}
}

// A speaker filter is kept while the search is refined: the search form
// carries it, the facet shows it chosen, and a chip removes it.
func TestSpeakerFilterKeptWhileRefining(t *testing.T) {
	page, _ := getHTML(t, "/search?q=missing&speaker="+url.QueryEscape("Anna Rowe"), 200)
	if v, ok := page.Find(`form.searchbox input[type=hidden][name=speaker]`).Attr("value"); !ok || v != "Anna Rowe" {
		t.Errorf("the search form does not keep the speaker: %q", v)
	}
	if n := page.Find(".hit").Length(); n != 1 || !strings.Contains(page.Find(".hit .speaker-line").Text(), "Detective Superintendent Anna Rowe") {
		t.Errorf("%d hits: %q", n, page.Find(".hit .speaker-line").Text())
	}
	if href, _ := page.Find(".hit .hit-title a").Attr("href"); !strings.HasPrefix(href, "/documents/"+corpus.IDFor(page.Find(".hit").AttrOr("data-cite-url", ""))) {
		t.Errorf("the result links to %q, not to its transcript", href)
	}
	if chip := page.Find(".active .chip").Text(); !strings.Contains(chip, "Speaker: Anna Rowe") {
		t.Errorf("active filters %q", chip)
	}
	var res struct {
		Total  int                         `json:"total"`
		Facets map[string][]map[string]any `json:"facets"`
	}
	getJSON(t, "/api/v1/search?q=missing&role=witness&hearing="+url.QueryEscape("Day 1"), &res)
	if res.Total != 2 || len(res.Facets["speaker"]) != 2 {
		t.Errorf("role and hearing parameters: %d results, speaker facet %v", res.Total, res.Facets["speaker"])
	}
}

// The hearing facet lists sittings in the order they were held.
func TestHearingFacetInDateOrder(t *testing.T) {
	page, _ := getHTML(t, "/search?q=&type=testimony", 200)
	var got []string
	page.Find(`#facet-hearing`).Parent().Find(".fv-label").Each(func(_ int, s *goquery.Selection) { got = append(got, s.Text()) })
	want := []string{"Day 2, 4 February 2019", "Day 1, 21 September 2020", "Day 2, 22 September 2020"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("hearing facet %q, want %q", got, want)
	}
}

// A witness page searched with a distance is weighed like a search: it
// takes a heavy place, so one address runs one such search at a time.
func TestSpeakerPageWeighedLikeSearch(t *testing.T) {
	s := mustServerWith(t, Options{})
	r := httptest.NewRequest("GET", "/speakers/Hale?q="+url.QueryEscape(`"the hearing"~5`), nil)
	if heavy, distance := s.weigh(r, "/speakers/{name}"); !heavy || !distance {
		t.Errorf("a distance search on a witness page weighs heavy %v, distance %v", heavy, distance)
	}
	r = httptest.NewRequest("GET", "/speakers/Hale?q=records", nil)
	if heavy, _ := s.weigh(r, "/speakers/{name}"); heavy {
		t.Error("an ordinary witness page is weighed heavy")
	}
}
