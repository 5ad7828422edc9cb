package search

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/indexer"
)

// nearParagraphs is the oracle for "words"~n: the paragraphs of d (and
// whether a title) in which every word lies within n+k-2 positions.
func nearParagraphs(d *corpus.Document, words string, n int) (paras []int, inTitle bool) {
	want := analyze(indexer.AnalyzerExact, words)
	span := n + len(want) - 2
	holds := func(text string) bool {
		toks := analyze(indexer.AnalyzerExact, text)
		for i := range toks {
			rest := slices.Clone(want)
			for j := i; j < len(toks) && j-i <= span; j++ {
				if k := slices.Index(rest, toks[j]); k >= 0 {
					rest = slices.Delete(rest, k, k+1)
				}
			}
			if len(rest) == 0 {
				return true
			}
		}
		return false
	}
	ps, titles := docTexts(d)
	for i, text := range ps {
		if holds(text) {
			paras = append(paras, i)
		}
	}
	return paras, slices.ContainsFunc(titles, holds)
}

func checkProximity(t *testing.T, words string, n int) int {
	t.Helper()
	q := fmt.Sprintf("%q~%d", words, n)
	want := map[string][]string{}
	for _, d := range testDocs {
		paras, inTitle := nearParagraphs(d, words, n)
		if len(paras) > 0 || inTitle {
			nums := []string{}
			for _, i := range paras {
				nums = append(nums, d.Paragraphs[i].Number)
			}
			want[d.ID] = nums
		}
	}
	res := mustSearch(t, Request{Query: q, Size: MaxSize, NoExpand: true})
	if int(res.Total) != len(want) {
		t.Errorf("%s: %d results, the corpus holds %d", q, res.Total, len(want))
	}
	for _, h := range res.Hits {
		nums, ok := want[h.ID]
		if !ok {
			t.Errorf("%s: found %s, which does not hold it", q, h.ID)
			continue
		}
		if !slices.Equal(nums, paragraphNumbers(h.Paragraphs)) {
			t.Errorf("%s in %s: cited %v, the words are near in %v", q, h.ID, h.Paragraphs, nums)
		}
	}
	return len(want)
}

func TestProximityMatchesOracle(t *testing.T) {
	t.Parallel()
	found := 0
	for _, c := range []struct {
		words string
		n     int
	}{
		{"council records", 3}, {"records council", 3}, {"children homes", 5}, {"safeguarding lead", 2},
		{"police council", 10}, {"abbey school", 4}, {"inquiry evidence", 3}, {"local authority officer", 4},
		{"care care", 5}, {"the of", 1}, {"safeguarding school", 1},
	} {
		found += checkProximity(t, c.words, c.n)
	}
	if found < 20 {
		t.Errorf("the proximity cases found only %d documents: choose words that test something", found)
	}
}

// TestProximityDistance is the acceptance check, taken from the corpus
// itself: two words with one or two words between them are found by ~3,
// and two words with ten between them are not, unless the paragraph also
// holds them closer.
func TestProximityDistance(t *testing.T) {
	t.Parallel()
	checked := 0
	for _, d := range testDocs[:min(len(testDocs), 30)] {
		for pi, p := range d.Paragraphs {
			toks := analyze(indexer.AnalyzerExact, p.Text)
			if len(toks) < 30 || pi%3 != 0 || checked >= 15 {
				continue
			}
			a, near, far := toks[10], toks[12], toks[21]
			if a == near || a == far || strings.ContainsAny(a+near+far, "0123456789") {
				continue
			}
			res := mustSearch(t, Request{Query: fmt.Sprintf("%q~3", a+" "+near), Size: MaxSize, NoExpand: true})
			if !citesParagraph(res, d.ID, p.Number) {
				t.Errorf(`"%s %s"~3 does not cite %s ¶%s, where one word separates them`, a, near, d.ID, p.Number)
			}
			paras, _ := nearParagraphs(d, a+" "+far, 3)
			res = mustSearch(t, Request{Query: fmt.Sprintf("%q~3", a+" "+far), Size: MaxSize, NoExpand: true})
			if got := citesParagraph(res, d.ID, p.Number); got != slices.Contains(paras, pi) {
				t.Errorf(`"%s %s"~3 cites %s ¶%s: %v; ten words separate them and the oracle says %v`, a, far, d.ID, p.Number, got, !got)
			}
			checked++
		}
	}
	if checked < 10 {
		t.Errorf("only %d paragraphs checked", checked)
	}
}

func citesParagraph(res *Result, id, number string) bool {
	for _, h := range res.Hits {
		if h.ID == id && citesLabel(h.Paragraphs, number) {
			return true
		}
	}
	return false
}

// Proximity terms combine with everything else: totals, OR, exclusion and
// facets stay consistent with the plain word searches.
func TestProximityCombines(t *testing.T) {
	t.Parallel()
	prox := mustSearch(t, Request{Query: `"council records"~3`, NoExpand: true})
	with := mustSearch(t, Request{Query: `"council records"~3 safeguarding`, NoExpand: true})
	without := mustSearch(t, Request{Query: `"council records"~3 -safeguarding`, NoExpand: true})
	if with.Total+without.Total != prox.Total {
		t.Errorf("with %d + without %d != %d", with.Total, without.Total, prox.Total)
	}
	sum := 0
	for _, v := range prox.Facets[FacetType] {
		sum += v.Count
	}
	if sum != int(prox.Total) {
		t.Errorf("type facet sums to %d, total %d", sum, prox.Total)
	}
	p1 := mustSearch(t, Request{Query: `"council records"~10`, Size: 2, NoExpand: true})
	p2 := mustSearch(t, Request{Query: `"council records"~10`, Size: 2, Page: 2, NoExpand: true})
	all := mustSearch(t, Request{Query: `"council records"~10`, Size: 4, NoExpand: true})
	if len(all.Hits) < 4 || p1.Hits[1].ID != all.Hits[1].ID || p2.Hits[0].ID != all.Hits[2].ID {
		t.Errorf("paging through a proximity search is not stable")
	}
}

func TestFits(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		occs  []any // position, word, ...
		words []string
		span  uint64
		want  bool
	}{
		{[]any{1, "a", 4, "b"}, []string{"a", "b"}, 3, true},
		{[]any{1, "a", 5, "b"}, []string{"a", "b"}, 3, false},
		{[]any{1, "a", 9, "b", 12, "a"}, []string{"a", "b"}, 3, true}, // any order
		{[]any{1, "a", 3, "a"}, []string{"a", "a"}, 2, true},
		{[]any{1, "a"}, []string{"a", "a"}, 9, false},
		{[]any{1, "a", 1, "a"}, []string{"a", "a"}, 9, false}, // one place counts once
		{[]any{1, "a", 1, "a", 2, "a"}, []string{"a", "a"}, 1, true},
		{[]any{1, "a", 1, "a", 5, "b", 7, "a"}, []string{"a", "b"}, 1, false},
		{[]any{1, "a", 1, "a", 5, "b", 6, "b", 6, "a"}, []string{"a", "b", "b"}, 1, true},
		{[]any{1, "a", 2, "c", 20, "b"}, []string{"a", "b", "c"}, 4, false},
	} {
		n := newNearness(c.words, c.span)
		var occs []occurrence
		for i := 0; i < len(c.occs); i += 2 {
			occs = append(occs, occurrence{pos: uint64(c.occs[i].(int)), word: n.index[c.occs[i+1].(string)]})
		}
		if got := n.fits(occs); got != c.want {
			t.Errorf("fits(%v, %v, %d) = %v", c.occs, c.words, c.span, got)
		}
	}
}
