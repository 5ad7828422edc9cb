package indexer

import (
	"slices"
	"strings"
	"testing"
)

func TestLexicon(t *testing.T) {
	t.Parallel()
	docs := sampleDocs(t)
	lex := buildLexicon(docs)
	has := func(kind, text string) bool {
		return slices.ContainsFunc(lex, func(e Entry) bool { return e.Kind == kind && e.Text == text })
	}
	for _, d := range docs {
		if d.Title != "" && !has(KindTitle, d.Title) {
			t.Errorf("title %q missing", d.Title)
		}
		for _, p := range d.Places {
			if !has(KindPlace, p) {
				t.Errorf("place %q missing", p)
			}
		}
	}
	kinds := map[string]int{}
	for _, e := range lex {
		kinds[e.Kind]++
		if e.Kind == KindPhrase {
			w := strings.Fields(e.Text)
			if len(w) < 2 || isStopWord(w[0]) || isStopWord(w[len(w)-1]) || e.Weight < minPhraseDocs {
				t.Errorf("bad phrase %+v", e)
			}
		}
	}
	for _, k := range []string{KindTitle, KindPlace, KindInstitution, KindPhrase, KindTerm} {
		if kinds[k] == 0 {
			t.Errorf("no %s entries", k)
		}
	}
	if !has(KindPhrase, "designated safeguarding lead") {
		t.Error(`the frequent phrase "designated safeguarding lead" is missing`)
	}
}
