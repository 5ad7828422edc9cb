package search

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"

	"github.com/inquirysearch/inquirysearch/indexer"
	"github.com/inquirysearch/inquirysearch/internal/engine"
)

// A word in this many documents is taken as meant; only rarer words are
// looked up among their neighbours, which keeps the lookups few.
const rareWord = 3

// A correction must be this many times as common as the word typed, so
// that a rare but real word is not "corrected" into a common one.
const correctionRatio = 10

// didYouMean returns a corrected form of q that finds more than total
// results, or "". Each word of a text term that the index holds rarely or
// not at all is replaced by the closest word it holds (fewest edits, then
// most documents).
func (s *Searcher) didYouMean(ctx context.Context, r Request, q *Query, total uint64) string {
	near := s.words.ready()
	if near == nil { // not read yet: look in the index itself
		s.words.start(s.idx)
		r, err := engine.Open(s.idx)
		if err != nil {
			return ""
		}
		defer r.Close()
		near = r
	}
	changed := false
	fixed := &Query{Exclude: q.Exclude}
	for _, g := range q.Groups {
		alts := make([]Term, len(g))
		for i, t := range g {
			alts[i] = t
			if t.Field != "" {
				continue
			}
			words := strings.Fields(t.Text)
			for j, w := range words {
				if c := s.correction(ctx, near, w); c != "" {
					words[j] = c
					changed = true
				}
			}
			alts[i].Text = strings.Join(words, " ")
		}
		fixed.Groups = append(fixed.Groups, alts)
	}
	if !changed || ctx.Err() != nil {
		return ""
	}
	try := r
	try.Query, try.Page, try.Size = fixed.String(), 1, 1
	res, err := s.Search(withoutSuggestions(ctx), try)
	if err != nil || res.Total <= total {
		return ""
	}
	return try.Query
}

type noSuggestKey struct{}

// withoutSuggestions marks a context so that the search trying a
// correction does not look for corrections of its own.
func withoutSuggestions(ctx context.Context) context.Context {
	return context.WithValue(ctx, noSuggestKey{}, true)
}

func suggestionsWanted(ctx context.Context) bool { return ctx.Value(noSuggestKey{}) == nil }

// correction returns the word the index holds that w was probably meant
// to be, in w's capitalisation, or "".
func (s *Searcher) correction(ctx context.Context, words lexicon, w string) string {
	toks := s.builder.tokens(indexer.AnalyzerExact, w)
	if len(toks) != 1 || utf8.RuneCountInString(toks[0]) < 4 || strings.IndexFunc(toks[0], unicode.IsDigit) >= 0 {
		return ""
	}
	word := toks[0]
	fuzziness := 1
	if utf8.RuneCountInString(word) > 6 {
		fuzziness = 2
	}
	own, err := words.DocFreq(ctx, indexer.FieldTextExact, word)
	if err != nil || own >= rareWord {
		return ""
	}
	// A correction keeps the word's first letter, as spelling checkers
	// commonly do (Lucene's DirectSpellChecker by default): few
	// misspellings change it, and the search for neighbours then stays in
	// the words that begin with it, a few per cent of the lexicon, instead
	// of running the automaton through all of it.
	_, first := utf8.DecodeRuneInString(word)
	keep := func(term string) bool {
		return term != word && !strings.Contains(term, " ") // " ": an indexed pair of words
	}
	// The closest neighbours win, so the words one edit away are looked
	// for first (a far smaller automaton); two edits only when there are
	// none.
	var near []engine.Neighbour
	for f := 1; f <= fuzziness && len(near) == 0; f++ {
		if near, err = words.Neighbours(ctx, indexer.FieldTextExact, word, word[:first], f, keep); err != nil {
			return ""
		}
	}
	if len(near) == 0 {
		return ""
	}
	best := slices.MinFunc(near, func(a, b engine.Neighbour) int {
		return cmp.Or(cmp.Compare(a.Edits, b.Edits), cmp.Compare(b.Docs, a.Docs), strings.Compare(a.Term, b.Term))
	})
	if own > 0 && best.Docs < correctionRatio*own {
		return ""
	}
	return matchCase(w, best.Term)
}

// matchCase gives word the capitalisation of typed: all capitals, a
// leading capital, or as it is.
func matchCase(typed, word string) string {
	switch {
	case typed == strings.ToUpper(typed) && typed != strings.ToLower(typed):
		return strings.ToUpper(word)
	case unicode.IsUpper([]rune(typed)[0]):
		r := []rune(word)
		r[0] = unicode.ToUpper(r[0])
		return string(r)
	}
	return word
}

// lexicon is where corrections are looked for: the index's own
// dictionaries, or the same words read once into memory (engine.Words).
type lexicon interface {
	DocFreq(ctx context.Context, field, term string) (uint64, error)
	Neighbours(ctx context.Context, field, word, prefix string, fuzziness int, keep func(term string) bool) ([]engine.Neighbour, error)
}

// lazyWords is the exact body field's words with their document counts,
// read into memory in the background (engine.Words says why). Reading
// them touches every segment's dictionary of the field, word pairs
// included (seconds at a million paragraphs), so nothing waits for it:
// until they are read, corrections are looked for in the index. It
// starts once the Searcher is warm (Warm), so that it does not hold up
// what readiness waits for, or at the first correction looked for by a
// Searcher that is never warmed.
type lazyWords struct {
	once sync.Once
	done chan struct{} // closed once w and err are set, or by Close before a start
	w    *engine.Words
	err  error
}

// start begins reading the words in the background, the first time.
func (l *lazyWords) start(idx bleve.Index) {
	l.once.Do(func() {
		go func() {
			defer close(l.done)
			r, err := engine.Open(idx)
			if err != nil {
				l.err = err
				return
			}
			defer r.Close()
			l.w, l.err = r.ReadWords(context.Background(), indexer.FieldTextExact, func(term string) bool {
				return !strings.Contains(term, " ") // " ": an indexed pair of words
			})
		}()
	})
}

// stop keeps the words from being read from now on, and waits for a read
// begun earlier to end, so that the index can be closed.
func (l *lazyWords) stop() {
	l.once.Do(func() { close(l.done) })
	<-l.done
}

// ready returns the words once read, or nil.
func (l *lazyWords) ready() lexicon {
	select {
	case <-l.done:
		if l.err == nil {
			return l.w
		}
	default:
	}
	return nil
}
