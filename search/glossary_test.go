package search

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
)

func TestParseGlossary(t *testing.T) {
	t.Parallel()
	g, err := ParseGlossary(strings.NewReader("# comment\n\nABC = a big cat | another big cat\nXY=  x   y \n"))
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != 2 || !slices.Equal(g.Expansions("abc"), []string{"a big cat", "another big cat"}) ||
		!slices.Equal(g.Expansions("XY"), []string{"x y"}) {
		t.Errorf("parsed %+v", g)
	}
	for _, bad := range []string{"no equals sign", "TWO WORDS = x", "ABC = ", " = x", "ABC = x ||"} {
		if _, err := ParseGlossary(strings.NewReader(bad)); err == nil {
			t.Errorf("ParseGlossary(%q) accepted it", bad)
		}
	}
	if DefaultGlossary().Len() < 25 {
		t.Errorf("the built-in glossary has %d entries", DefaultGlossary().Len())
	}
	path := filepath.Join(t.TempDir(), "glossary.txt")
	if err := os.WriteFile(path, []byte("ABC = a big cat\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if g, err := LoadGlossary(path); err != nil || g.Len() != 1 {
		t.Errorf("LoadGlossary: %v, %d entries", err, g.Len())
	}
	if _, err := LoadGlossary("/does/not/exist"); err == nil {
		t.Error("LoadGlossary of a missing file succeeded")
	}
}

// TestAcronymExpansion: an acronym finds the documents that hold it or
// spell it out, says so, and =ACRONYM or NoExpand find only the acronym.
func TestAcronymExpansion(t *testing.T) {
	t.Parallel()
	for acronym, spelled := range map[string]string{
		"CSE": "child sexual exploitation", "LADO": "local authority designated officer",
		"MASH": "multi-agency safeguarding hub", "DSL": "designated safeguarding lead",
	} {
		either := count(func(d *corpus.Document) bool { return hasWord(d, acronym) || phraseIn(d, spelled) })
		only := count(func(d *corpus.Document) bool { return hasWord(d, acronym) })
		spelledOnly := count(func(d *corpus.Document) bool { return !hasWord(d, acronym) && phraseIn(d, spelled) })
		res := mustSearch(t, Request{Query: acronym, Size: MaxSize})
		if int(res.Total) != either {
			t.Errorf("%s: %d results, %d documents hold it or %q", acronym, res.Total, either, spelled)
		}
		if len(res.Expanded) != 1 || res.Expanded[0].Term != acronym || !slices.Equal(res.Expanded[0].With, []string{spelled}) {
			t.Errorf("%s: expanded = %+v", acronym, res.Expanded)
		}
		for _, q := range []Request{{Query: "=" + acronym}, {Query: acronym, NoExpand: true}} {
			lit := mustSearch(t, q)
			if int(lit.Total) != only || len(lit.Expanded) != 0 {
				t.Errorf("%+v: %d results (expanded %v), %d documents hold the acronym", q, lit.Total, lit.Expanded, only)
			}
		}
		// The reverse: the phrase also finds the acronym.
		rev := mustSearch(t, Request{Query: `"` + spelled + `"`, Size: MaxSize})
		if int(rev.Total) != either || len(rev.Expanded) != 1 || rev.Expanded[0].With[0] != acronym {
			t.Errorf("%q: %d results, expanded %+v; want %d", spelled, rev.Total, rev.Expanded, either)
		}
		if acronym == "CSE" && spelledOnly == 0 {
			t.Errorf("no sample document spells out %s without using it: the test proves nothing", acronym)
		}
	}
	// Spelled out without quotes, the words are found as words or as the acronym.
	words := mustSearch(t, Request{Query: "child sexual exploitation", Size: MaxSize})
	want := count(func(d *corpus.Document) bool {
		return (hasWord(d, "child") && hasWord(d, "sexual") && hasWord(d, "exploitation")) || hasWord(d, "CSE")
	})
	if int(words.Total) != want || len(words.Expanded) != 1 {
		t.Errorf("child sexual exploitation: %d results, expanded %+v; want %d", words.Total, words.Expanded, want)
	}
}

func TestCustomGlossary(t *testing.T) {
	t.Parallel()
	g, err := ParseGlossary(strings.NewReader("RKIS = record-keeping and information sharing"))
	if err != nil {
		t.Fatal(err)
	}
	s := New(testSearcher.idx, testSearcher.meta, WithGlossary(g))
	res, err := s.Search(t.Context(), Request{Query: "RKIS"})
	if err != nil || res.Total == 0 || len(res.Expanded) != 1 {
		t.Errorf("a loaded glossary: %v, %+v", err, res)
	}
	// The default glossary is gone from this searcher.
	if res, _ := s.Search(t.Context(), Request{Query: "CSE"}); len(res.Expanded) != 0 {
		t.Errorf("CSE expanded with a custom glossary: %+v", res.Expanded)
	}
	if res, err := New(testSearcher.idx, testSearcher.meta, WithGlossary(nil)).Search(t.Context(), Request{Query: "CSE"}); err != nil || len(res.Expanded) != 0 {
		t.Errorf("no glossary: %v %+v", err, res)
	}
}
