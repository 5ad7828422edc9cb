package search

import (
	"context"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/inquirysearch/inquirysearch/corpus"
)

func TestEmptyQueryBrowsesEverything(t *testing.T) {
	t.Parallel()
	res := mustSearch(t, Request{})
	if int(res.Total) != len(testDocs) {
		t.Fatalf("empty query found %d of %d documents", res.Total, len(testDocs))
	}
	for _, f := range []string{FacetInvestigation, FacetType, FacetYear, FacetPlace} {
		if len(res.Facets[f]) == 0 {
			t.Errorf("facet %s is empty", f)
		}
	}
	// Every document has one type, so the type counts add up to the total.
	sum := 0
	for _, v := range res.Facets[FacetType] {
		sum += v.Count
	}
	if sum != int(res.Total) {
		t.Errorf("type facet counts add up to %d, total is %d", sum, res.Total)
	}
	// The year facet counts every year present, newest first.
	years := map[string]int{}
	for _, d := range testDocs {
		if d.Published != "" {
			years[d.Published[:4]]++
		}
	}
	if len(res.Facets[FacetYear]) != len(years) {
		t.Errorf("year facet %v, corpus years %v", res.Facets[FacetYear], years)
	}
	for i, v := range res.Facets[FacetYear] {
		if years[v.Value] != v.Count {
			t.Errorf("year %s: facet %d, corpus %d", v.Value, v.Count, years[v.Value])
		}
		if i > 0 && v.Value > res.Facets[FacetYear][i-1].Value {
			t.Errorf("years out of order: %v", res.Facets[FacetYear])
		}
	}
}

func TestWordsAreANDedAndStemmed(t *testing.T) {
	t.Parallel()
	for _, q := range []string{"records", "recorded", "council records", "inspectorate vetting", "LADO", "homes children", "the"} {
		words := strings.Fields(q)
		want := count(func(d *corpus.Document) bool {
			for _, w := range words {
				if !hasWord(d, w) && !(w == "the" && phraseIn(d, w)) {
					return false
				}
			}
			return true
		})
		res := mustSearch(t, Request{Query: q, Size: 1, NoExpand: true})
		if int(res.Total) != want {
			t.Errorf("%q: %d results, the corpus holds %d", q, res.Total, want)
		}
		if want == 0 {
			t.Errorf("%q: the corpus has no match; choose a query that tests something", q)
		}
	}
	// Stemming: "recorded" and "records" find the same documents.
	a, b := mustSearch(t, Request{Query: "recorded", Size: 100}), mustSearch(t, Request{Query: "records", Size: 100})
	if a.Total != b.Total {
		t.Errorf("recorded: %d, records: %d", a.Total, b.Total)
	}
}

// TestLiteralWordsAreExact: =word finds the word as typed, unstemmed, as
// a quoted word does, and =w1 =w2 finds documents holding both as typed.
func TestLiteralWordsAreExact(t *testing.T) {
	t.Parallel()
	for _, q := range []string{"=records", "=recorded", "=records =council", "=CSE", "=homes =children", "=the"} {
		words := strings.Fields(strings.ReplaceAll(q, "=", ""))
		want := count(func(d *corpus.Document) bool {
			for _, w := range words {
				if !phraseIn(d, w) {
					return false
				}
			}
			return true
		})
		res := mustSearch(t, Request{Query: q, Size: 1})
		if int(res.Total) != want || want == 0 {
			t.Errorf("%q: %d results, the corpus holds %d (which must not be 0)", q, res.Total, want)
		}
		if len(res.Expanded) > 0 {
			t.Errorf("%q: expanded %v", q, res.Expanded)
		}
	}
	// Unstemmed is narrower than stemmed: "records" also finds "record".
	exact, stemmed := mustSearch(t, Request{Query: "=records"}), mustSearch(t, Request{Query: "records", NoExpand: true})
	if exact.Total >= stemmed.Total {
		t.Errorf("=records found %d, records %d: the exact word should find fewer", exact.Total, stemmed.Total)
	}
}

func phraseIn(d *corpus.Document, phrase string) bool {
	paras, inTitle := phraseParagraphs(d, phrase)
	return len(paras) > 0 || inTitle
}

func TestPhrasesAreExact(t *testing.T) {
	t.Parallel()
	for _, phrase := range []string{"record keeping", "receiving homes", "receiving home", "children's homes", "children’s home", "multi-agency safeguarding hub", "of the council", "local authority designated officer"} {
		want := count(func(d *corpus.Document) bool { return phraseIn(d, phrase) })
		res := mustSearch(t, Request{Query: `"` + phrase + `"`, Size: 100, NoExpand: true})
		if int(res.Total) != want {
			t.Errorf("%q: %d results, the corpus holds %d", phrase, res.Total, want)
		}
		for _, h := range res.Hits {
			d := docByID(h.ID)
			paras, _ := phraseParagraphs(d, phrase)
			var nums []string
			for _, i := range paras {
				nums = append(nums, d.Paragraphs[i].Number)
			}
			if !slices.Equal(nums, paragraphNumbers(h.Paragraphs)) {
				t.Errorf("%q in %s: cited paragraphs %v, the document has it in %v", phrase, h.ID, h.Paragraphs, nums)
			}
		}
	}
	// An exact phrase is narrower than its words.
	exact := mustSearch(t, Request{Query: `"receiving home"`})
	words := mustSearch(t, Request{Query: `receiving home`})
	if exact.Total >= words.Total {
		t.Errorf(`"receiving home" found %d, receiving home %d: the phrase should be narrower`, exact.Total, words.Total)
	}
}

func docByID(id string) *corpus.Document {
	for _, d := range testDocs {
		if d.ID == id {
			return d
		}
	}
	return nil
}

// TestEveryParagraphIsFoundByAPhrase is the acceptance check: four
// consecutive words from any paragraph, searched as a phrase, find that
// document and cite that paragraph, with a highlight in the snippet.
func TestEveryParagraphIsFoundByAPhrase(t *testing.T) {
	t.Parallel()
	checked := 0
	for _, d := range testDocs {
		for _, p := range d.Paragraphs {
			words := strings.Fields(strings.ReplaceAll(p.Text, `"`, " "))
			if len(words) < 4 {
				continue
			}
			mid := len(words)/2 - 2
			// A phrase inside one item is cited by it ("13(a)"); one that
			// runs from the lead-in into an item, by the paragraph.
			label := p.CiteAt(wordOffset(p.Text, mid))
			if label != p.CiteAt(wordOffset(p.Text, mid+3)) {
				label = p.Number
			}
			phrase := strings.Join(words[mid:mid+4], " ")
			if len(analyze("inquiry_exact", phrase)) < 2 {
				continue // four words of punctuation and numbers prove nothing
			}
			res := mustSearch(t, Request{Query: `"` + phrase + `"`, Size: MaxSize})
			found := false
			for _, h := range res.Hits {
				if h.ID != d.ID {
					continue
				}
				found = true
				if !slices.Contains(h.Paragraphs, label) {
					t.Errorf("%q: %s found without paragraph %s (cited %v)", phrase, d.ID, label, h.Paragraphs)
				}
				if !strings.Contains(h.Snippet, "<mark>") {
					t.Errorf("%q: snippet has no highlight: %q", phrase, h.Snippet)
				}
			}
			if !found {
				t.Errorf("%q from %s ¶%s: document not found (%d results)", phrase, d.ID, p.Number, res.Total)
			}
			checked++
		}
	}
	if checked < 400 {
		t.Errorf("only %d paragraphs checked", checked)
	}
}

func TestOrAndExclusion(t *testing.T) {
	t.Parallel()
	or := mustSearch(t, Request{Query: "Wrenfield OR Larkspur"})
	want := count(func(d *corpus.Document) bool { return hasWord(d, "Wrenfield") || hasWord(d, "Larkspur") })
	if int(or.Total) != want {
		t.Errorf("Wrenfield OR Larkspur: %d, corpus %d", or.Total, want)
	}
	ex := mustSearch(t, Request{Query: "records -Larkspur"})
	want = count(func(d *corpus.Document) bool { return hasWord(d, "records") && !hasWord(d, "Larkspur") })
	if int(ex.Total) != want {
		t.Errorf("records -Larkspur: %d, corpus %d", ex.Total, want)
	}
	exPhrase := mustSearch(t, Request{Query: `records -"record keeping"`})
	want = count(func(d *corpus.Document) bool { return hasWord(d, "records") && !phraseIn(d, "record keeping") })
	if int(exPhrase.Total) != want {
		t.Errorf(`records -"record keeping": %d, corpus %d`, exPhrase.Total, want)
	}
	only := mustSearch(t, Request{Query: "-Larkspur"})
	want = count(func(d *corpus.Document) bool { return !hasWord(d, "Larkspur") })
	if int(only.Total) != want {
		t.Errorf("-Larkspur alone: %d, corpus %d", only.Total, want)
	}
}

func TestFacetDrillDown(t *testing.T) {
	t.Parallel()
	all := mustSearch(t, Request{Query: "safeguarding"})
	for _, v := range all.Facets[FacetInvestigation] {
		res := mustSearch(t, Request{Query: "safeguarding", Filters: Filters{FacetInvestigation: {v.Value}}})
		if int(res.Total) != v.Count {
			t.Errorf("investigation %q: facet said %d, filter found %d", v.Value, v.Count, res.Total)
		}
		// The selected facet keeps showing its other values.
		if len(res.Facets[FacetInvestigation]) != len(all.Facets[FacetInvestigation]) {
			t.Errorf("with %q selected the investigation facet shows %d values, not %d", v.Value, len(res.Facets[FacetInvestigation]), len(all.Facets[FacetInvestigation]))
		}
	}
	// Two values of one facet are ORed; two facets are ANDed.
	types := all.Facets[FacetType]
	if len(types) < 2 {
		t.Fatal("need two types")
	}
	two := mustSearch(t, Request{Query: "safeguarding", Filters: Filters{FacetType: {types[0].Value, types[1].Value}}})
	if int(two.Total) != types[0].Count+types[1].Count {
		t.Errorf("two types: %d, want %d", two.Total, types[0].Count+types[1].Count)
	}
	both := mustSearch(t, Request{Query: "safeguarding", Filters: Filters{FacetType: {"section"}, FacetPlace: {"ashcombe"}}})
	want := count(func(d *corpus.Document) bool {
		return hasWord(d, "safeguarding") && d.Type == corpus.TypeSection && slices.Contains(d.Places, "Ashcombe")
	})
	if int(both.Total) != want || want == 0 {
		t.Errorf("type section AND place ashcombe: %d, corpus %d", both.Total, want)
	}
	// Filters typed in the query box work the same, in any case.
	typed := mustSearch(t, Request{Query: "safeguarding type:section place:ASHCOMBE"})
	if typed.Total != both.Total {
		t.Errorf("typed filters found %d, parameters %d", typed.Total, both.Total)
	}
	for _, d := range []Filters{{FacetYear: {"2021"}}, {FacetPlace: {"Elsworth Vale"}}} {
		res := mustSearch(t, Request{Filters: d, Size: 100})
		for _, h := range res.Hits {
			doc := docByID(h.ID)
			if y := d[FacetYear]; y != nil && !strings.HasPrefix(doc.Published, y[0]) {
				t.Errorf("year filter 2021 returned %s published %s", h.ID, doc.Published)
			}
			if p := d[FacetPlace]; p != nil && !slices.Contains(doc.Places, p[0]) {
				t.Errorf("place filter returned %s with places %v", h.ID, doc.Places)
			}
		}
	}
}

func TestSortOrders(t *testing.T) {
	t.Parallel()
	for _, sort := range []string{SortNewest, SortOldest, SortRelevance} {
		res := mustSearch(t, Request{Query: "council", Sort: sort, Size: MaxSize})
		dated := true
		for i := 1; i < len(res.Hits); i++ {
			a, b := res.Hits[i-1], res.Hits[i]
			switch sort {
			case SortNewest, SortOldest:
				if b.Published != "" && !dated {
					t.Errorf("%s: a dated hit follows an undated one", sort)
				}
				if b.Published == "" {
					dated = false
					continue
				}
				if (sort == SortNewest && a.Published < b.Published) || (sort == SortOldest && a.Published > b.Published) {
					t.Errorf("%s: %s before %s", sort, a.Published, b.Published)
				}
			default:
				if a.Score < b.Score {
					t.Errorf("relevance: score %f before %f", a.Score, b.Score)
				}
			}
		}
		again := mustSearch(t, Request{Query: "council", Sort: sort, Size: MaxSize})
		for i := range res.Hits {
			if res.Hits[i].ID != again.Hits[i].ID {
				t.Errorf("%s: the order changed between two runs at %d", sort, i)
				break
			}
		}
	}
}

func TestPagination(t *testing.T) {
	t.Parallel()
	whole := mustSearch(t, Request{Query: "council", Size: 10})
	p2 := mustSearch(t, Request{Query: "council", Size: 5, Page: 2})
	for i, h := range p2.Hits {
		if h.ID != whole.Hits[5+i].ID {
			t.Errorf("page 2 hit %d is %s, want %s", i, h.ID, whole.Hits[5+i].ID)
		}
	}
	if p2.Pages() != int((whole.Total+4)/5) {
		t.Errorf("Pages() = %d for %d results", p2.Pages(), whole.Total)
	}
	beyond := mustSearch(t, Request{Query: "council", Size: 10, Page: 999})
	if len(beyond.Hits) != 0 || beyond.Total != whole.Total {
		t.Errorf("a page past the end: %d hits, total %d", len(beyond.Hits), beyond.Total)
	}
}

func TestInvalidRequests(t *testing.T) {
	t.Parallel()
	for name, r := range map[string]Request{
		"negative page":              {Page: -1},
		"size too large":             {Size: MaxSize + 1},
		"negative size":              {Size: -5},
		"past window":                {Page: MaxWindow/10 + 1, Size: 10},
		"largest page":               {Page: math.MaxInt},
		"largest page, newest":       {Page: math.MaxInt, Sort: SortNewest},
		"largest page, size 100":     {Page: math.MaxInt/100 + 1, Size: 100},
		"year before the index's":    {Query: "published:0001..9999"},
		"year after the index's":     {Query: "published:>2262"},
		"before the first year":      {Query: "published:<0001"},
		"from before the first year": {From: "1500"},
		"to after the last year":     {To: "2262-01"},
		"unknown sort":               {Sort: "popular"},
		"unknown type":               {Filters: Filters{FacetType: {"podcast"}}},
		"bad year":                   {Filters: Filters{FacetYear: {"last year"}}},
		"unknown facet":              {Filters: Filters{"colour": {"red"}}},
		"bad utf-8":                  {Query: "\xff"},
	} {
		_, err := testSearcher.Search(context.Background(), r)
		if !errors.Is(err, ErrInvalidQuery) {
			t.Errorf("%s: err = %v, want ErrInvalidQuery", name, err)
		}
	}
}

func TestLenientQueries(t *testing.T) {
	t.Parallel()
	for _, q := range []string{`"unbalanced`, `((care))`, `OR care`, `care OR`, `!!!`, `-`, `"`, `:`, `place:`, `care AND AND homes`, `£ – ‒`, `*`, `care~2`, `title^3`} {
		if _, err := testSearcher.Search(context.Background(), Request{Query: q}); err != nil {
			t.Errorf("%q: %v", q, err)
		}
	}
}

func TestSearchHonoursContext(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := testSearcher.Search(ctx, Request{Query: "council"})
	if !errors.Is(err, ErrUnavailable) {
		t.Errorf("search with a cancelled context: %v, want ErrUnavailable", err)
	}
}

func TestSnippetsEscapeCrawledMarkup(t *testing.T) {
	t.Parallel()
	res := mustSearch(t, Request{Query: "script injected"})
	if res.Total == 0 {
		t.Fatal("the sample page with markup was not found")
	}
	for _, h := range res.Hits {
		s := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(h.Snippet)
		if strings.ContainsAny(s, "<>") {
			t.Errorf("snippet holds raw markup: %q", h.Snippet)
		}
		if !strings.Contains(h.Snippet, "&lt;") {
			t.Errorf("snippet lost the escaped markup: %q", h.Snippet)
		}
	}
}

func TestDocument(t *testing.T) {
	t.Parallel()
	d, err := testSearcher.Document(context.Background(), testDocs[0].ID)
	if err != nil || d.ID != testDocs[0].ID || len(d.Paragraphs) != len(testDocs[0].Paragraphs) {
		t.Fatalf("Document: %v, %+v", err, d)
	}
	for _, id := range []string{"0000000000000000", "../../secret", ""} {
		if _, err := testSearcher.Document(context.Background(), id); !errors.Is(err, ErrNotFound) {
			t.Errorf("Document(%q): %v, want ErrNotFound", id, err)
		}
	}
}

// wordOffset returns the byte offset in text of its nth word, words being
// split as strings.Fields splits them once quotation marks are spaces.
func wordOffset(text string, n int) int {
	in := false
	for i, r := range text {
		space := unicode.IsSpace(r) || r == '"'
		if !space && !in {
			if n == 0 {
				return i
			}
			n--
		}
		in = !space
	}
	return -1
}
