package search

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// alteredQuotation is a passage of a sample paragraph as a writer might
// quote it: in typographic quotes, with words left out at an ellipsis in
// the middle, a bracketed insertion in place of a word, and one word
// changed.
type alteredQuotation struct {
	doc  *corpus.Document
	para corpus.Paragraph
	text string
}

// alteredQuotations draws n quotations from the sample's paragraphs of at
// least 24 words whose text is in no other paragraph, with a fixed seed:
// which paragraphs, which passage and which words are altered are
// chosen at random, not by hand.
func alteredQuotations(n int) []alteredQuotation {
	seen := map[string]int{}
	for _, d := range corpusDocs {
		for _, p := range d.Paragraphs {
			seen[p.Text]++
		}
	}
	var pool []alteredQuotation
	for _, d := range corpusDocs {
		if d.Type == corpus.TypeRecommendation {
			continue
		}
		for _, p := range d.Paragraphs {
			if seen[p.Text] == 1 && len(strings.Fields(p.Text)) >= 24 {
				pool = append(pool, alteredQuotation{doc: d, para: p})
			}
		}
	}
	sort.Slice(pool, func(i, j int) bool {
		if pool[i].doc.ID != pool[j].doc.ID {
			return pool[i].doc.ID < pool[j].doc.ID
		}
		return pool[i].para.Number < pool[j].para.Number
	})
	rng := rand.New(rand.NewPCG(15, 2))
	rng.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	var out []alteredQuotation
	for _, q := range pool {
		if len(out) == n {
			break
		}
		passage, text := alter(rng, strings.Fields(q.para.Text))
		// A passage printed in several paragraphs (the sample notice
		// begins alike on every page) has several sources: not a test
		// of ranking.
		if quotedIn(passage) == 1 {
			q.text = text
			out = append(out, q)
		}
	}
	return out
}

// quotedIn counts the sample's paragraphs that hold passage.
func quotedIn(passage string) int {
	n := 0
	for _, d := range corpusDocs {
		for _, p := range d.Paragraphs {
			if d.Type != corpus.TypeRecommendation && strings.Contains(strings.Join(strings.Fields(p.Text), " "), passage) {
				n++
			}
		}
	}
	return n
}

// alter takes 18 to 30 words of words and alters them; it returns the
// passage and the altered quotation.
func alter(rng *rand.Rand, words []string) (string, string) {
	n := min(len(words), 18+rng.IntN(13))
	start := rng.IntN(len(words) - n + 1)
	passage := strings.Join(words[start:start+n], " ")
	w := append([]string(nil), words[start:start+n]...)
	for i := range w {
		w[i] = strings.ReplaceAll(w[i], "'", "’")
	}
	// One word changed, in the first third.
	w[1+rng.IntN(n/3)] = "considerably"
	// A bracketed insertion in place of a word, in the second third.
	w[n/3+rng.IntN(n/3)] = "[the organisation]"
	// Two or three words left out at an ellipsis, in the last third.
	at := 2*n/3 + rng.IntN(n/3-3)
	cut := 2 + rng.IntN(2)
	ellipsis := []string{"…", "...", ". . ."}[rng.IntN(3)]
	w = append(w[:at], append([]string{ellipsis}, w[at+cut:]...)...)
	return passage, "“" + strings.Join(w, " ") + "”"
}

func TestQuoteFindsAlteredQuotations(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	quotes := alteredQuotations(50)
	if len(quotes) < 50 {
		t.Fatalf("the sample has only %d paragraphs to quote", len(quotes))
	}
	first := 0
	for _, q := range quotes {
		res, err := testSearcher.Quote(ctx, q.text, 5)
		if err != nil {
			t.Fatalf("Quote(%q): %v", q.text, err)
		}
		if len(res.Results) > 0 && res.Results[0].DocumentID == q.doc.ID && quotedNumber(res.Results[0]) == q.para.Number {
			first++
			checkQuoteDiff(t, q.text, res.Results[0])
			continue
		}
		got := "nothing"
		if len(res.Results) > 0 {
			got = fmt.Sprintf("%s ¶%s (%.3f)", res.Results[0].DocumentID, res.Results[0].Paragraph, res.Results[0].Score)
		}
		t.Logf("%q: want %s ¶%s first, got %s", q.text, q.doc.ID, q.para.Number, got)
	}
	t.Logf("%d of %d altered quotations ranked their paragraph first", first, len(quotes))
	if first < 48 {
		t.Errorf("only %d of %d altered quotations ranked their paragraph first; want at least 48", first, len(quotes))
	}
}

// checkQuoteDiff checks that an altered quotation's diff spells the
// quotation on one side, marks the changed word, the ellipsis and the
// bracket, and is not exact.
func checkQuoteDiff(t *testing.T, quote string, m searchapi.QuoteMatch) {
	t.Helper()
	var spelled []string
	kinds := map[string]bool{}
	for _, op := range m.Diff {
		kinds[op.Op] = true
		if op.Quote != "" {
			spelled = append(spelled, op.Quote)
		}
	}
	if got, want := wordKeys(strings.Join(spelled, " ")), wordKeys(quote); got != want {
		t.Errorf("the diff's quotation side spells %q, want %q", got, want)
	}
	for _, k := range []string{searchapi.OpSame, searchapi.OpChanged, searchapi.OpElided, searchapi.OpBracketed} {
		if !kinds[k] {
			t.Errorf("%q against ¶%s: no %s op in %+v", quote, m.Paragraph, k, m.Diff)
		}
	}
	if m.Exact || m.Score >= 1 || m.Score <= 0 {
		t.Errorf("%q: exact %v, score %v", quote, m.Exact, m.Score)
	}
}

func wordKeys(text string) string {
	var keys []string
	for _, tk := range quoteTokens(text) {
		if tk.mark == 0 {
			keys = append(keys, tk.key)
		}
	}
	return strings.Join(keys, " ")
}

func TestQuoteExactPassage(t *testing.T) {
	t.Parallel()
	q := alteredQuotations(1)[0]
	words := strings.Fields(q.para.Text)
	passage := strings.Join(words[2:min(len(words), 22)], " ")
	res, err := testSearcher.Quote(context.Background(), passage, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Results) == 0 || res.Results[0].DocumentID != q.doc.ID || res.Results[0].Paragraph != q.para.Number {
		t.Fatalf("Quote(%q) = %+v, want %s ¶%s first", passage, res.Results, q.doc.ID, q.para.Number)
	}
	top := res.Results[0]
	if !top.Exact || top.Score != 1 || len(top.Diff) != 1 || top.Diff[0].Op != searchapi.OpSame {
		t.Errorf("an exact passage: exact %v, score %v, diff %+v", top.Exact, top.Score, top.Diff)
	}
	if top.Citation.Paragraph != q.para.Number || top.Citation.Permalink == "" {
		t.Errorf("citation %+v", top.Citation)
	}
}

// quotedNumber is the number of the paragraph a result cites: a passage
// drawn from one lettered item is cited by the item.
func quotedNumber(m searchapi.QuoteMatch) string {
	number, _ := corpus.SplitCitation(m.Paragraph)
	return number
}

// TestQuoteInASubparagraphIsCitedByItsLetter checks a quotation by the
// rule a search's matches are cited by: the words of item (c) of
// paragraph 13 of the organised networks recommendations are cited
// "13(c)", and a passage running from the lead-in into item (a) is cited
// by the paragraph.
func TestQuoteInASubparagraphIsCitedByItsLetter(t *testing.T) {
	t.Parallel()
	var para corpus.Paragraph
	var doc *corpus.Document
	for _, d := range corpusDocs {
		if strings.HasSuffix(d.URL, "/organised-networks/part-e-conclusions-and-recommendations/e2-recommendations") {
			for _, p := range d.Paragraphs {
				if p.Number == "13" {
					doc, para = d, p
				}
			}
		}
	}
	if doc == nil {
		t.Fatal("the sample has no paragraph 13 in the organised networks recommendations")
	}
	spans := para.SubparagraphSpans()
	if len(spans) < 3 || spans[2].Label != "c" || spans[0].Start == 0 {
		t.Fatalf("paragraph 13's items %+v, want (a) to (c) after a lead-in", spans)
	}
	item := strings.TrimSpace(para.Text[spans[2].Start:spans[2].End])
	across := para.Text[:spans[0].End]
	for _, c := range []struct{ quote, want string }{
		{item, "13(c)"},
		{"“" + item + "”", "13(c)"},
		{across, "13"},
	} {
		res, err := testSearcher.Quote(context.Background(), c.quote, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Results) == 0 || res.Results[0].DocumentID != doc.ID {
			t.Errorf("Quote(%q) = %+v, want %s first", c.quote, res.Results, doc.ID)
			continue
		}
		top := res.Results[0]
		if top.Paragraph != c.want || top.Citation.Paragraph != c.want ||
			!strings.HasSuffix(top.Citation.Permalink, "#"+corpus.Anchor(c.want)) {
			t.Errorf("Quote(%q) cites %s (citation %+v), want %s", c.quote, top.Paragraph, top.Citation, c.want)
		}
	}
}

func TestQuoteRefusesBadQuotations(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("word ", searchapi.MaxQuoteWords+1)
	for _, text := range []string{"", "  … [] ", long, strings.Repeat("x", searchapi.MaxQuoteBytes+1), "\xff\xfe"} {
		_, err := testSearcher.Quote(context.Background(), text, 5)
		if !errors.Is(err, ErrInvalidQuery) {
			t.Errorf("Quote(%.30q): %v, want an invalid query", text, err)
		}
	}
}

func TestAlignMarksDifferences(t *testing.T) {
	t.Parallel()
	source := "In 2014 the council decided that it would review every referral made by the police within a month of receiving it."
	for _, tc := range []struct {
		quote string
		want  []searchapi.QuoteOp
	}{
		{"“the council decided that it would review every referral”", []searchapi.QuoteOp{
			{Op: "same", Quote: "“the council decided that it would review every referral”", Source: "the council decided that it would review every referral"}}},
		{"[T]he council decided that it would review … referral made by the police",
			[]searchapi.QuoteOp{
				{Op: "same", Quote: "[T]he council decided that it would review", Source: "the council decided that it would review"},
				{Op: "elided", Source: "every"},
				{Op: "same", Quote: "referral made by the police", Source: "referral made by the police"}}},
		{"the council decided that [the council] would review every referral made",
			[]searchapi.QuoteOp{
				{Op: "same", Quote: "the council decided that", Source: "the council decided that"},
				{Op: "bracketed", Quote: "[the council]", Source: "it"},
				{Op: "same", Quote: "would review every referral made", Source: "would review every referral made"}}},
		{"the council decided that it would examine every referral made by the police",
			[]searchapi.QuoteOp{
				{Op: "same", Quote: "the council decided that it would", Source: "the council decided that it would"},
				{Op: "changed", Quote: "examine", Source: "review"},
				{Op: "same", Quote: "every referral made by the police", Source: "every referral made by the police"}}},
		{"the council decided that it would review every single referral made by the police",
			[]searchapi.QuoteOp{
				{Op: "same", Quote: "the council decided that it would review every", Source: "the council decided that it would review every"},
				{Op: "added", Quote: "single"},
				{Op: "same", Quote: "referral made by the police", Source: "referral made by the police"}}},
		{"the council decided that it would review every referral by the police",
			[]searchapi.QuoteOp{
				{Op: "same", Quote: "the council decided that it would review every referral", Source: "the council decided that it would review every referral"},
				{Op: "dropped", Source: "made"},
				{Op: "same", Quote: "by the police", Source: "by the police"}}},
	} {
		a := align(newQuotation(tc.quote), source)
		if fmt.Sprint(a.ops) != fmt.Sprint(tc.want) {
			t.Errorf("align(%q):\n got %+v\nwant %+v", tc.quote, a.ops, tc.want)
		}
		exact := true
		for _, op := range tc.want {
			exact = exact && op.Op != "changed" && op.Op != "added" && op.Op != "dropped"
		}
		if a.exact != exact || (a.score == 1) != exact {
			t.Errorf("align(%q): exact %v score %v, want exact %v", tc.quote, a.exact, a.score, exact)
		}
	}
}
