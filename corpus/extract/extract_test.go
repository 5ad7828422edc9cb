package extract

import (
	"encoding/json"
	"flag"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/samplesite"
)

var update = flag.Bool("update", false, "rewrite golden files")

// samplePage renders one page of the sample site as the crawler would
// receive it.
func samplePage(t *testing.T, path string) []byte {
	t.Helper()
	rec := httptest.NewRecorder()
	samplesite.Handler().ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	if rec.Code != 200 {
		t.Fatalf("sample page %s: status %d", path, rec.Code)
	}
	b, _ := io.ReadAll(rec.Body)
	return b
}

func mustGazetteer(t *testing.T) *corpus.Gazetteer {
	t.Helper()
	g, err := corpus.DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func extractSample(t *testing.T, path string) *corpus.Document {
	t.Helper()
	d, err := Extract(samplePage(t, path), "https://"+corpus.SampleHost+path, mustGazetteer(t))
	if err != nil {
		t.Fatalf("extract %s: %v", path, err)
	}
	return d
}

const (
	onA2       = "/reports-recommendations/publications/investigation/organised-networks/part-introduction/a2-scope-investigation"
	lkB2       = "/reports-recommendations/publications/investigation/larkspur-council/part-b-childrens-homes/b2-oakridge-lodge"
	opSection  = "/reports-recommendations/publications/investigation/overseas-placements/part-c-detailed-examination-institutional-responses/section-one-department-overseas-welfare/did-department-take-sufficient-care-protect-children"
	ssLanding  = "/reports-recommendations/publications/investigation/specialist-schools"
	finalC4    = "/reports-recommendations/publications/inquiry/final-report/ii-inquirys-conclusions-and-recommendations-change/part-c-prioritising-protection-children/c4-child-protection-authorities"
	unsafePage = "/news/notice-unsafe-markup-in-imported-pages"
	ethicsPage = "/reports-recommendations/publications/research/safeguarding-specialist-schools/executive-summary/ethics"
	foPart2B1  = "/reports-recommendations/publications/investigation/faith-organisations/part-2-greyfriars-fellowship/part-b-response-greyfriars-fellowship-allegations/b1-structure-leadership-fellowship"
	onRecs     = "/reports-recommendations/publications/investigation/organised-networks/part-e-conclusions-and-recommendations/e2-recommendations"
)

// goldenPages are the representative sample pages kept as golden JSON.
var goldenPages = map[string]string{
	"organised-networks-a2":   onA2,
	"larkspur-b2":             lkB2,
	"overseas-1-3-shortcodes": opSection,
	"specialist-landing":      ssLanding,
	"final-report-c4":         finalC4,
	"unsafe-markup-news":      unsafePage,
	"research-ethics":         ethicsPage,
	"faith-part-2-b1":         foPart2B1,
	"organised-networks-e2":   onRecs,
}

// TestExtractGolden compares the extraction of representative sample pages
// with reviewed golden JSON. Run with -update after a deliberate change and
// review the diff.
func TestExtractGolden(t *testing.T) {
	for name, path := range goldenPages {
		t.Run(name, func(t *testing.T) {
			d := extractSample(t, path)
			got, err := json.MarshalIndent(d, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			file := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.WriteFile(file, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if strings.TrimSpace(string(want)) != strings.TrimSpace(string(got)) {
				t.Errorf("extraction of %s differs from %s; run with -update and review the diff", path, file)
			}
		})
	}
}

func TestExtractSectionPage(t *testing.T) {
	d := extractSample(t, lkB2)
	if d.Type != corpus.TypeSection || d.Section != "B.2" || d.Investigation != "Larkspur County Council" {
		t.Errorf("type/section/investigation = %q/%q/%q", d.Type, d.Section, d.Investigation)
	}
	if !strings.HasPrefix(strings.ToLower(d.Report), "children in the care of larkspur county council") {
		t.Errorf("report = %q", d.Report)
	}
	var numbers []string
	for _, p := range d.Paragraphs {
		if p.Numbered() {
			numbers = append(numbers, p.Number)
		}
		if markerPattern.MatchString(p.Text) {
			t.Errorf("paragraph %s keeps a footnote marker: %q", p.Number, p.Text)
		}
		for _, bp := range []string{"Back to top", "Skip to main content", "Sample content"} {
			if strings.Contains(p.Text, bp) {
				t.Errorf("paragraph %s holds boilerplate %q", p.Number, bp)
			}
		}
	}
	// B.2 continues B.1's numbering (11 onwards) and has sub-paragraphs.
	if len(numbers) == 0 || numbers[0] != "11" || !slices.Contains(numbers, "14.1") {
		t.Errorf("paragraph numbers = %v, want to start at 11 and include 14.1", numbers)
	}
	if len(d.Footnotes) == 0 {
		t.Fatal("no footnotes")
	}
	cited := 0
	for _, p := range d.Paragraphs {
		cited += len(p.Footnotes)
	}
	if cited != len(d.Footnotes) {
		t.Errorf("%d footnote markers for %d footnotes", cited, len(d.Footnotes))
	}
	for _, f := range d.Footnotes {
		if len(f.References) == 0 {
			t.Errorf("footnote %d has no evidence reference: %q", f.Number, f.Text)
		}
	}
}

func TestExtractExcludedPlacesAreNotTagged(t *testing.T) {
	d := extractSample(t, onA2)
	for _, want := range []string{"Ashcombe", "Brindleford", "Corrisham", "Dunmarsh", "Elsworth Vale", "Fenwick Bay"} {
		if !slices.Contains(d.Places, want) {
			t.Errorf("places %v lack case-study area %s", d.Places, want)
		}
	}
	text := ""
	for _, p := range d.Paragraphs {
		text += p.Text + " "
	}
	for _, excluded := range []string{"Glenholme", "Hartwell Cross", "Kingsmere"} {
		if !strings.Contains(text, excluded) {
			t.Fatalf("the page no longer names %s; the test needs its exclusion sentence", excluded)
		}
		if slices.Contains(d.Places, excluded) {
			t.Errorf("%s is named only as excluded but was tagged", excluded)
		}
	}
}

func TestExtractShortcodeFootnotes(t *testing.T) {
	d := extractSample(t, opSection)
	if d.Section != "1.3" || d.Type != corpus.TypeSection {
		t.Errorf("section/type = %q/%q, want 1.3/section", d.Section, d.Type)
	}
	if len(d.Footnotes) == 0 {
		t.Fatal("shortcodes gave no footnotes")
	}
	for _, p := range d.Paragraphs {
		if strings.Contains(p.Text, "iicsa-references") {
			t.Errorf("paragraph %s keeps a shortcode: %q", p.Number, p.Text)
		}
	}
	for _, f := range d.Footnotes {
		if len(f.References) == 0 {
			t.Errorf("shortcode footnote %d has no URN: %q", f.Number, f.Text)
		}
	}
}

func TestExtractLandingPageDate(t *testing.T) {
	d := extractSample(t, ssLanding)
	if d.Type != corpus.TypeInvestigationReport || d.Published != "2021-03-16" {
		t.Errorf("type/published = %q/%q", d.Type, d.Published)
	}
	if d.Report == "" || d.Investigation != "Specialist schools" {
		t.Errorf("report/investigation = %q/%q", d.Report, d.Investigation)
	}
	pdfs := 0
	for _, l := range d.Links {
		if strings.HasSuffix(l, ".pdf") {
			pdfs++
		}
	}
	if pdfs != 2 {
		t.Errorf("landing page links %d PDFs, want 2", pdfs)
	}
}

func TestExtractKeepsMarkupAsText(t *testing.T) {
	d := extractSample(t, unsafePage)
	if d.Title != "Notice on <b>markup</b> in imported pages" {
		t.Errorf("title = %q", d.Title)
	}
	all := ""
	for _, p := range d.Paragraphs {
		all += p.Text + "\n"
	}
	if !strings.Contains(all, `<script>alert("injected")</script>`) {
		t.Errorf("escaped markup in the text was lost: %q", all)
	}
	if strings.Contains(all, "injectedBySample") {
		t.Error("the page's own script element leaked into the text")
	}
	if !strings.Contains(all, "a javascript link") {
		t.Error("the text of a live link was lost")
	}
}

func TestExtractUnnumberedParagraphsGetStableLabels(t *testing.T) {
	d := extractSample(t, ethicsPage)
	if d.Heading != "" || d.Title == "" {
		t.Errorf("heading/title = %q/%q: an empty heading should fall back to the report title", d.Heading, d.Title)
	}
	seen := map[string]bool{}
	for i, p := range d.Paragraphs {
		if p.Number == "" || seen[p.Number] {
			t.Errorf("paragraph %d has label %q (empty or repeated)", i, p.Number)
		}
		seen[p.Number] = true
	}
	again := extractSample(t, ethicsPage)
	if !slices.EqualFunc(d.Paragraphs, again.Paragraphs, func(a, b corpus.Paragraph) bool { return a.Number == b.Number }) {
		t.Error("labels differ between two extractions of the same page")
	}
}

func TestExtractMalformedHTML(t *testing.T) {
	gaz := mustGazetteer(t)
	inputs := map[string]string{
		"unclosed tags": `<html><body><main id="main-content"><p class="report-title">A report<h1>B.3: Things<p>1. First paragraph text here<p>2. Second <b>bold <i>nested</p><div>3. Third`,
		"no main":       `<h1>Heading only</h1><p>Loose paragraph.</p><ul><li>Item one<li>Item two</ul>`,
		"empty":         ``,
		"binary junk":   "\x00\x01\x02<p>\xff\xfe text</p>",
		"doubled":       `<main><h1>Annex 1: Scope</h1><ol><li>1. 1. The first scope item.</li><li>2. 2. The second.</li></ol></main>`,
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			d, err := Extract([]byte(in), "https://example.org/reports/x", gaz)
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			if !corpus.ValidID(d.ID) {
				t.Errorf("id %q", d.ID)
			}
			if name == "unclosed tags" {
				if d.Section != "B.3" || len(d.Paragraphs) != 3 || d.Paragraphs[2].Number != "3" {
					t.Errorf("section %q, paragraphs %+v", d.Section, d.Paragraphs)
				}
			}
			if name == "doubled" && (len(d.Paragraphs) != 2 || d.Paragraphs[0].Number != "1" || d.Paragraphs[0].Text != "The first scope item.") {
				t.Errorf("doubled numbers: %+v", d.Paragraphs)
			}
		})
	}
}

func TestSectionCode(t *testing.T) {
	tests := map[string]string{
		"F.1: Introduction":       "F.1",
		"L.2: Recommendations":    "L.2",
		"Part A: Introduction":    "Part A",
		"Part C. Detailed":        "Part C",
		"1.3 Did HMG take care":   "1.3",
		"2.2 Investigations":      "2.2",
		"Annex 1: Overview":       "Annex 1",
		"Executive Summary":       "",
		"Conclusions":             "",
		"A.12: Twelfth section":   "A.12",
		"Appendix B: Glossary":    "Appendix B",
		"Part 1: Ealing Abbey":    "Part 1",
		"2019 in numbers":         "",
		"Recommendation 4: Title": "",
	}
	for in, want := range tests {
		if got := sectionCode(in); got != want {
			t.Errorf("sectionCode(%q) = %q, want %q", in, got, want)
		}
	}
}
