package indexer

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenRecommendation is what the golden file pins of each recommendation.
type goldenRecommendation struct {
	Report     string   `json:"report"`
	Number     int      `json:"number"`
	Title      string   `json:"title"`
	Recipients []string `json:"recipients"`
	Paragraphs []string `json:"paragraphs"`
}

func TestRecommendationsGolden(t *testing.T) {
	t.Parallel()
	docs := sampleDocs(t)
	corpus.Resolve(docs)
	recs, err := Recommendations(docs)
	if err != nil {
		t.Fatal(err)
	}
	var got []goldenRecommendation
	for _, r := range recs {
		g := goldenRecommendation{Report: r.Report, Number: r.Recommendation.Number,
			Title: r.Recommendation.Title, Recipients: r.Recommendation.Recipients}
		for _, p := range r.Paragraphs {
			g.Paragraphs = append(g.Paragraphs, p.Number)
		}
		got = append(got, g)
	}
	b, _ := json.MarshalIndent(got, "", "  ")
	path := filepath.Join("testdata", "recommendations.golden.json")
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if strings.TrimSpace(string(want)) != strings.TrimSpace(string(b)) {
		t.Errorf("recommendations differ from %s (run with -update after checking):\n%s", path, b)
	}

	// Every "Recommendation N:" heading of the corpus became one document.
	headings := 0
	for _, d := range docs {
		for _, p := range d.Paragraphs {
			if p.Heading && strings.HasPrefix(p.Text, "Recommendation ") {
				headings++
			}
		}
	}
	if headings != len(recs) || headings == 0 {
		t.Errorf("%d recommendation headings, %d recommendations", headings, len(recs))
	}
}

func TestRecipientNormalisation(t *testing.T) {
	t.Parallel()
	gaz, _ := corpus.DefaultGazetteer()
	rs, err := newRecipients(recipientsTable, gaz)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ in, want string }{
		{"the Home Office", "Home Office"},
		{"Home Office", "Home Office"},
		{"HO", "Home Office"},
		{"The  home office", "Home Office"},
		{"WVS", "Workforce Vetting Service"},
		{"the Children’s Safeguarding Inspectorate", "Children's Safeguarding Inspectorate"},
		{"Ashcombe Council", "Ashcombe Borough Council"},
		{"An Unknown Board", "An Unknown Board"},
	} {
		if got := rs.Canonical(tc.in); got != tc.want {
			t.Errorf("Canonical(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// "ho" in lower case is a word, not the Home Office.
	if ms := rs.find("who should ho the line"); len(ms) != 0 {
		t.Errorf("found %v in plain words", ms)
	}
}

func TestAddressees(t *testing.T) {
	t.Parallel()
	gaz, _ := corpus.DefaultGazetteer()
	rs, _ := newRecipients(recipientsTable, gaz)
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"The Inquiry recommends that the Home Office and the DfE jointly publish guidance to Larkspur County Council.", []string{"Home Office", "Department for Education"}},
		{"The HO should write to Ashcombe Council.", []string{"Home Office"}},
		{"Records held by Larkspur Constabulary. The Department for Community Safety should act.", []string{"Department for Community Safety"}},
		{"Where a council finds records, the inspectorate should review them.", []string{}},
	} {
		got := addressees([]corpus.Paragraph{{Number: "1", Text: tc.text}}, rs)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("addressees(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
