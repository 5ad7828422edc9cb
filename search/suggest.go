package search

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"

	"github.com/inquirysearch/inquirysearch/indexer"
)

// Suggestion limits.
const (
	MaxSuggestions     = 10
	MaxSuggestPrefix   = 100 // bytes
	minSuggestPrefixes = 1   // runes typed before anything is offered
)

// kindRank orders the kinds of completion: names before words.
var kindRank = map[string]int{
	indexer.KindTitle: 0, indexer.KindPlace: 1, indexer.KindInstitution: 2, indexer.KindSpeaker: 3, indexer.KindPhrase: 4, indexer.KindTerm: 5,
}

// suggester finds completions in the index's lexicon. Every word start of
// every entry is a key, so "keep" offers "Record keeping and information
// sharing"; the keys are sorted, and a prefix is a binary search away.
type suggester struct {
	entries []indexer.Entry
	keys    []suggestKey
	rank    []int    // by entry: its place in the order of kind, weight, text
	folded  []string // by entry: its folded text, which suggestions are told apart by
	err     error
}

type suggestKey struct {
	key   string // the entry's folded text from one of its word starts
	entry int
	start bool // the key is the whole entry, from its first word
}

func newSuggester(idx bleve.Index) *suggester {
	entries, err := indexer.ReadLexicon(idx)
	return buildSuggester(entries, err)
}

func buildSuggester(entries []indexer.Entry, err error) *suggester {
	sg := &suggester{entries: entries, err: err, folded: make([]string, len(entries))}
	for i, e := range entries {
		text := fold(e.Text)
		sg.folded[i] = text
		for j, r := range text {
			if j == 0 || (isWordRune(r) && !isWordRune(prevRune(text, j))) {
				sg.keys = append(sg.keys, suggestKey{key: text[j:], entry: i, start: j == 0})
			}
		}
	}
	slices.SortFunc(sg.keys, func(a, b suggestKey) int { return strings.Compare(a.key, b.key) })
	order := make([]int, len(entries))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		ea, eb := entries[a], entries[b]
		return cmp.Or(cmp.Compare(kindRank[ea.Kind], kindRank[eb.Kind]), cmp.Compare(eb.Weight, ea.Weight), strings.Compare(ea.Text, eb.Text))
	})
	sg.rank = make([]int, len(entries))
	for r, e := range order {
		sg.rank[e] = r
	}
	return sg
}

// Suggest returns up to MaxSuggestions completions of what has been typed
// so far: titles, places and institutions first, then frequent phrases and
// words; entries the prefix starts come before those where it starts a
// later word. Errors wrap ErrInvalidQuery or ErrUnavailable.
func (s *Searcher) Suggest(ctx context.Context, prefix string) (*Suggestions, error) {
	if !utf8.ValidString(prefix) {
		return nil, invalidf("the text is not valid UTF-8")
	}
	if len(prefix) > MaxSuggestPrefix {
		return nil, invalidf(fmt.Sprintf("the text is %d bytes long; suggestions take at most %d", len(prefix), MaxSuggestPrefix))
	}
	if err := ctx.Err(); err != nil {
		return nil, unavailable(ctx, err)
	}
	sg, err := s.suggester.get(ctx)
	if err != nil {
		return nil, unavailable(ctx, err)
	}
	if sg.err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnavailable, sg.err)
	}
	return &Suggestions{Query: prefix, Suggestions: sg.find(fold(prefix), MaxSuggestions)}, nil
}

// lazySuggester is a Searcher's suggester, built in the background from
// the moment the Searcher is made.
type lazySuggester struct {
	ready chan struct{} // closed once sg is set
	sg    *suggester
}

// get waits until the suggester is built.
func (l *lazySuggester) get(ctx context.Context) (*suggester, error) {
	select {
	case <-l.ready:
		return l.sg, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// find returns the best completions of prefix. A short prefix matches a
// large part of a large lexicon ("co" thousands of keys), so the scan keeps
// only the best limit candidates as it goes rather than sorting every
// match. Candidates are told apart by folded text, as suggestions are: each
// text keeps its best key (matched at the start of an entry, then the
// entry's rank), so the limit kept are exactly the limit shown.
func (sg *suggester) find(prefix string, limit int) []Suggestion {
	out := []Suggestion{}
	if utf8.RuneCountInString(prefix) < minSuggestPrefixes {
		return out
	}
	worse := func(a, b suggestCand) bool { // a ranks below b
		if a.start != b.start {
			return b.start
		}
		return a.rank > b.rank
	}
	var cands []suggestCand // best first, no two with the same folded text
	lo := sort.Search(len(sg.keys), func(i int) bool { return sg.keys[i].key >= prefix })
	for i := lo; i < len(sg.keys) && strings.HasPrefix(sg.keys[i].key, prefix); i++ {
		k := sg.keys[i]
		c := suggestCand{entry: k.entry, start: k.start, rank: sg.rank[k.entry]}
		text := sg.folded[k.entry]
		if text == prefix || (len(cands) == limit && !worse(cands[limit-1], c)) {
			continue
		}
		if j := slices.IndexFunc(cands, func(o suggestCand) bool { return sg.folded[o.entry] == text }); j >= 0 {
			if !worse(cands[j], c) {
				continue
			}
			cands = slices.Delete(cands, j, j+1)
		}
		at := sort.Search(len(cands), func(j int) bool { return worse(cands[j], c) })
		cands = slices.Insert(cands, at, c)
		if len(cands) > limit {
			cands = cands[:limit]
		}
	}
	for _, c := range cands {
		e := sg.entries[c.entry]
		out = append(out, Suggestion{Text: e.Text, Kind: e.Kind})
	}
	return out
}

// suggestCand is a lexicon entry a prefix matches.
type suggestCand struct {
	entry, rank int
	start       bool
}

// foldMarks is built once: fold runs on every lexicon entry at start-up.
var foldMarks = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u2011", "-")

// fold lower-cases text, straightens apostrophes and collapses spaces, as
// both the lexicon keys and the typed prefix are compared.
func fold(s string) string {
	s = foldMarks.Replace(strings.ToLower(s))
	trailing := strings.HasSuffix(s, " ")
	s = strings.Join(strings.Fields(s), " ")
	if trailing && s != "" {
		s += " " // "child " completes phrases, not "children"
	}
	return s
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func prevRune(s string, i int) rune {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}
