package search

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/indexer"
)

// The speaker, hearing and role facets count the testimony documents (one
// speaker's turns at one sitting) exactly: the counts are those of the
// testimonies derived from the corpus, and a few are checked by hand.
func TestHearingFacetsCountExactly(t *testing.T) {
	res := mustSearch(t, Request{Query: "", Size: 50, Filters: Filters{FacetType: {string(corpus.TypeTestimony)}}})
	ts := indexer.Testimonies(corpusDocs)
	if int(res.Total) != len(ts) || len(ts) != 17 {
		t.Fatalf("%d testimony results, %d derived, want 17", res.Total, len(ts))
	}
	want := map[string]map[string]int{FacetSpeaker: {}, FacetHearing: {}, FacetRole: {}}
	for _, d := range ts {
		want[FacetSpeaker][d.Testimony.Speaker]++
		want[FacetHearing][d.Testimony.Hearing.Label()]++
		want[FacetRole][d.Testimony.Role]++
	}
	for facet, counts := range want {
		got := map[string]int{}
		for _, v := range res.Facets[facet] {
			got[v.Value] = v.Count
		}
		if len(got) != len(counts) {
			t.Errorf("%s facet %v, want %v", facet, got, counts)
		}
		for v, n := range counts {
			if got[v] != n {
				t.Errorf("%s %q counted %d, want %d", facet, v, got[v], n)
			}
		}
	}
	for facet, vs := range map[string]map[string]int{
		FacetSpeaker: {"Professor Marian Hale": 3, "Detective Superintendent Anna Rowe": 2, "Ms Jane Elmwood": 1},
		FacetHearing: {"Day 1, 21 September 2020": 6, "Day 2, 22 September 2020": 6, "Day 2, 4 February 2019": 5},
		FacetRole:    {"witness": 6, "counsel": 5, "chair": 3, "panel": 3},
	} {
		for v, n := range vs {
			if want[facet][v] != n {
				t.Errorf("%s %q: %d, want %d", facet, v, want[facet][v], n)
			}
		}
	}
}

// A speaker, hearing or role filter, as a request filter or typed in the
// box, keeps to what was said by that person, at that sitting or in that
// role; each filter's total is the count its facet showed.
func TestHearingFilters(t *testing.T) {
	for _, c := range []struct {
		name    string
		r       Request
		total   int
		speaker string
	}{
		{"speaker by name without title", Request{Filters: Filters{FacetSpeaker: {"Anna Rowe"}}}, 2, "Detective Superintendent Anna Rowe"},
		{"speaker by surname, in any case", Request{Filters: Filters{FacetSpeaker: {"ROWE"}}}, 2, "Detective Superintendent Anna Rowe"},
		{"speaker in the box", Request{Query: `speaker:"Jane Elmwood" records`}, 1, "Ms Jane Elmwood"},
		{"speaker in the box, words outside her turns", Request{Query: `speaker:Elmwood inspectors`}, 0, ""},
		{"hearing by day", Request{Filters: Filters{FacetHearing: {"Day 2"}}}, 11, ""},
		{"hearing by date", Request{Query: "hearing:2020-09-21"}, 6, ""},
		{"hearing by label", Request{Filters: Filters{FacetHearing: {"Day 2, 4 February 2019"}}}, 5, ""},
		{"role", Request{Query: "role:witness"}, 6, ""},
		{"role and words", Request{Query: "role:witness missing"}, 3, ""},
		{"speaker and hearing", Request{Filters: Filters{FacetSpeaker: {"Professor Marian Hale"}, FacetHearing: {"4 February 2019"}}}, 1, "Professor Marian Hale"},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.r.Size = 50
			res := mustSearch(t, c.r)
			if int(res.Total) != c.total {
				t.Errorf("total %d, want %d", res.Total, c.total)
			}
			for _, h := range res.Hits {
				if h.Type != string(corpus.TypeTestimony) || (c.speaker != "" && !strings.HasPrefix(h.Title, c.speaker+", ")) {
					t.Errorf("hit %q (%s)", h.Title, h.Type)
				}
			}
		})
	}
	_, err := testSearcher.Search(context.Background(), Request{Query: "", Filters: Filters{FacetRole: {"judge"}}})
	if !errors.Is(err, ErrInvalidQuery) {
		t.Errorf("an unknown role: %v", err)
	}
}

// A hit in testimony cites its turn as the record does, and ordinary
// searches show testimony, not the whole transcript it came from.
func TestTestimonyHits(t *testing.T) {
	res := mustSearch(t, Request{Query: `"return home interview"`, Size: 50})
	found := false
	for _, h := range res.Hits {
		if h.Type == string(corpus.TypeTranscript) {
			t.Errorf("a split transcript is a hit: %q", h.Title)
		}
		if h.Type == string(corpus.TypeTestimony) {
			found = true
			if !strings.Contains(h.Citation.Text, "Day 1, 21 September 2020, page ") || !strings.Contains(h.Citation.Text, "(Mr Graham Whittle)") {
				t.Errorf("citation %+v", h.Citation)
			}
			// The answer is shown with the question it answers, and links
			// to the turn in the whole transcript.
			if h.Speaker != "Mr Graham Whittle" || h.Role != corpus.RoleWitness || h.Hearing != "Day 1, 21 September 2020" ||
				h.Question == nil || h.Question.Speaker != "Ms Helen Ashdown" || !strings.HasPrefix(h.Question.Text, "Q. What has changed") {
				t.Errorf("testimony hit %+v, question %+v", h, h.Question)
			}
			id := strings.TrimPrefix(strings.Split(h.Permalink, "#")[0], "/documents/")
			if i := slices.IndexFunc(corpusDocs, func(d *corpus.Document) bool { return d.ID == id }); i < 0 || corpusDocs[i].Type != corpus.TypeTranscript {
				t.Errorf("permalink %s is not to the transcript", h.Permalink)
			}
		}
	}
	if !found {
		t.Errorf("no testimony among %d hits", len(res.Hits))
	}
	whole := mustSearch(t, Request{Query: `"return home interview"`, Filters: Filters{FacetType: {string(corpus.TypeTranscript)}}})
	if whole.Total != 1 {
		t.Errorf("type=transcript finds %d whole transcripts, want 1", whole.Total)
	}
}

// The people who spoke at the hearings are offered as the box is typed.
func TestSpeakersSuggested(t *testing.T) {
	got := mustSuggest(t, "elmw")
	found := false
	for _, s := range got {
		if s.Text == "Ms Jane Elmwood" && s.Kind == indexer.KindSpeaker {
			found = true
		}
	}
	if !found {
		t.Errorf("no speaker among %+v", got)
	}
}
