package indexer

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// Suggestion kinds, in the order the search box offers them.
const (
	KindTitle       = "title"
	KindPlace       = "place"
	KindInstitution = "institution"
	KindSpeaker     = "speaker" // a person who spoke at a hearing; chosen, it searches speaker:"…"
	KindPhrase      = "phrase"
	KindTerm        = "term"
)

// Entry is one completion the search box can offer: a report or page
// title, a place, an institution, a frequent phrase or a word, with the
// number of documents that hold it.
type Entry struct {
	Text   string `json:"text"`
	Kind   string `json:"kind"`
	Weight int    `json:"weight"`
}

// Limits on the lexicon, so that a large corpus keeps it small enough to
// load at start and scan per keystroke.
const (
	maxPhrases     = 5000
	maxTerms       = 20000
	minPhraseDocs  = 2
	minTermDocs    = 2
	maxPhraseWords = 4
	// phraseSample is how many paragraphs phrases are counted on, at most
	// (about).
	phraseSample = 30_000
	// maxPhraseCandidates bounds the phrases counted at once.
	maxPhraseCandidates = 1_000_000
)

var lexiconKey = []byte("inquirysearch.lexicon")

// ReadLexicon returns the completions kept inside an index (none for an
// index built before it kept them).
func ReadLexicon(idx bleve.Index) ([]Entry, error) {
	b, err := idx.GetInternal(lexiconKey)
	if err != nil {
		return nil, fmt.Errorf("read lexicon: %w", err)
	}
	if b == nil {
		return nil, nil
	}
	var out []Entry
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, fmt.Errorf("read lexicon: %w", err)
	}
	return out, nil
}

// buildLexicon collects the completions of a corpus. Phrases are runs of
// two to four words inside one clause that neither start nor end with a
// stop word and occur in at least minPhraseDocs documents.
func buildLexicon(docs []*corpus.Document) []Entry {
	titles := map[string]int{}
	places := map[string]int{}
	institutions := map[string]int{}
	speakers := map[string]int{} // by sittings spoken at
	phrases := map[string]int{}
	terms := map[string]int{}
	floor := 0
	// Phrases and words are counted on an even sample of about
	// phraseSample paragraphs (titles, places and institutions on every
	// document): anything common enough to suggest shows in a large
	// sample, and counting every run of words in a big corpus would cost a
	// good part of indexing it.
	paras := 0
	for _, d := range docs {
		paras += len(d.Paragraphs)
	}
	step := max(1, paras/phraseSample)
	for di, d := range docs {
		for _, t := range distinct(d.Title, d.Report) {
			titles[t]++
		}
		for _, p := range distinct(d.Places...) {
			places[p]++
		}
		for _, in := range distinct(d.Institutions...) {
			institutions[in]++
		}
		if d.Type == corpus.TypeTranscript {
			for _, sp := range distinct(d.Speakers...) {
				speakers[sp]++
			}
		}
		if di%step != 0 {
			continue
		}
		seenPhrase, seenTerm := map[string]bool{}, map[string]bool{}
		for _, p := range d.Paragraphs {
			for _, words := range clauses(p.Text) {
				for i, w := range words {
					if len(w) >= 3 && !isStopWord(w) && !allDigits(w) {
						seenTerm[w] = true
					}
					for n := 2; n <= maxPhraseWords && i+n <= len(words); n++ {
						run := words[i : i+n]
						if isStopWord(run[0]) || isStopWord(run[n-1]) || allDigits(run[0]) || allDigits(run[n-1]) {
							continue
						}
						seenPhrase[strings.Join(run, " ")] = true
					}
				}
			}
		}
		for p := range seenPhrase {
			phrases[p]++
		}
		if len(phrases) > maxPhraseCandidates {
			// Lossy counting: forget the rarest candidates so that memory
			// stays bounded on a large corpus; a phrase frequent enough to
			// suggest survives, since it keeps coming back.
			floor++
			for p, n := range phrases {
				if n <= floor {
					delete(phrases, p)
				}
			}
		}
		for t := range seenTerm {
			terms[t]++
		}
	}
	dropEnclosed(phrases)
	var out []Entry
	out = appendTop(out, titles, KindTitle, 1, 0)
	out = appendTop(out, places, KindPlace, 1, 0)
	out = appendTop(out, institutions, KindInstitution, 1, 0)
	out = appendTop(out, speakers, KindSpeaker, 1, 0)
	out = appendTop(out, phrases, KindPhrase, minPhraseDocs, maxPhrases)
	out = appendTop(out, terms, KindTerm, minTermDocs, maxTerms)
	return out
}

// dropEnclosed removes each phrase that only ever occurs inside one longer
// phrase ("designated safeguarding" when every document with it has
// "designated safeguarding lead"), so that completions offer the whole.
func dropEnclosed(phrases map[string]int) {
	var drop []string
	for p, n := range phrases {
		words := strings.Fields(p)
		if len(words) < 3 {
			continue
		}
		for _, part := range []string{strings.Join(words[1:], " "), strings.Join(words[:len(words)-1], " ")} {
			if phrases[part] == n {
				drop = append(drop, part)
			}
		}
	}
	for _, p := range drop {
		delete(phrases, p)
	}
}

var (
	stopWords = func() map[string]bool {
		tm := analysis.NewTokenMap()
		if err := tm.LoadBytes(en.EnglishStopWords); err != nil {
			panic(err) // bleve's own list always loads
		}
		m := make(map[string]bool, len(tm))
		for w := range tm {
			m[w] = true
		}
		return m
	}()
)

func isStopWord(w string) bool { return stopWords[w] }

// clauses splits text into clauses (at punctuation) of lower-cased words.
// A word is a run of letters and digits, with an apostrophe or hyphen
// allowed between two of them ("children's", "multi-agency"). It is a
// hand-written scanner because the regular expressions it replaced were a
// tenth of the whole build's time.
func clauses(text string) [][]string {
	var out [][]string
	var words []string
	rs := []rune(text)
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case isWord(r):
			start := i
			for i < len(rs) {
				if isWord(rs[i]) {
					i++
					continue
				}
				if joiner(rs[i]) && i+1 < len(rs) && isWord(rs[i+1]) && i > start {
					i += 2
					continue
				}
				break
			}
			words = append(words, strings.ToLower(string(rs[start:i])))
		case unicode.IsSpace(r):
			i++
		default:
			// Any other mark ends the clause, so that phrases never run
			// across punctuation.
			if len(words) > 0 {
				out = append(out, words)
				words = nil
			}
			i++
		}
	}
	if len(words) > 0 {
		out = append(out, words)
	}
	return out
}

func joiner(r rune) bool { return r == '\'' || r == '’' || r == '-' || r == '\u2011' }

func allDigits(w string) bool {
	return strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) }) < 0
}

// appendTop adds the values counted at least min times, the most frequent
// first, at most limit of them (0: no limit).
func appendTop(out []Entry, counts map[string]int, kind string, min, limit int) []Entry {
	var es []Entry
	for text, n := range counts {
		if n >= min {
			es = append(es, Entry{Text: text, Kind: kind, Weight: n})
		}
	}
	sort.Slice(es, func(i, j int) bool {
		if es[i].Weight != es[j].Weight {
			return es[i].Weight > es[j].Weight
		}
		return es[i].Text < es[j].Text
	})
	if limit > 0 && len(es) > limit {
		es = es[:limit]
	}
	return append(out, es...)
}

func distinct(vs ...string) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range vs {
		if v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}
