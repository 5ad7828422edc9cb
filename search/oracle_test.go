package search

import (
	"slices"

	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/indexer"
)

// The oracle answers queries by brute force over the corpus, with the
// index's own analyzers, so that search results can be checked against an
// independent count rather than against numbers written into the tests.

var oracleMapping = func() *mapping.IndexMappingImpl {
	m, err := indexer.NewMapping()
	if err != nil {
		panic(err)
	}
	return m
}()

func analyze(analyzer, text string) []string {
	var out []string
	for _, tok := range oracleMapping.AnalyzerNamed(analyzer).Analyze([]byte(text)) {
		out = append(out, string(tok.Term))
	}
	return out
}

// docTexts returns a document's paragraph texts and its title texts.
func docTexts(d *corpus.Document) (paras, titles []string) {
	for _, p := range d.Paragraphs {
		paras = append(paras, p.Text)
	}
	for _, t := range []string{d.Title, d.Report, d.Subtitle} {
		if t != "" {
			titles = append(titles, t)
		}
	}
	return paras, titles
}

// hasWord reports whether d contains every stemmed token of word.
func hasWord(d *corpus.Document, word string) bool {
	want := analyze(indexer.AnalyzerText, word)
	paras, titles := docTexts(d)
	for _, field := range [][]string{paras, titles} {
		for _, text := range field {
			toks := analyze(indexer.AnalyzerText, text)
			all := true
			for _, w := range want {
				if !slices.Contains(toks, w) {
					all = false
				}
			}
			if all && len(want) > 0 {
				return true
			}
		}
	}
	return false
}

// phraseParagraphs returns the indices of d's paragraphs holding the exact
// phrase, and whether a title holds it.
func phraseParagraphs(d *corpus.Document, phrase string) (paras []int, inTitle bool) {
	want := analyze(indexer.AnalyzerExact, phrase)
	ps, titles := docTexts(d)
	for i, text := range ps {
		if containsRun(analyze(indexer.AnalyzerExact, text), want) {
			paras = append(paras, i)
		}
	}
	for _, text := range titles {
		if containsRun(analyze(indexer.AnalyzerExact, text), want) {
			inTitle = true
		}
	}
	return paras, inTitle
}

func containsRun(toks, run []string) bool {
	if len(run) == 0 {
		return false
	}
	for i := 0; i+len(run) <= len(toks); i++ {
		if slices.Equal(toks[i:i+len(run)], run) {
			return true
		}
	}
	return false
}

func count(pred func(*corpus.Document) bool) int {
	n := 0
	for _, d := range testDocs {
		if pred(d) {
			n++
		}
	}
	return n
}
