package indexer

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// Reports address a recommendation in two ways: "The Inquiry recommends
// that the Home Office and the Department for Education jointly ..." and
// "The Home Office should ...". The addressees are the institutions named
// in the subject of such a clause, read from "recommends that" forwards or
// from "should" backwards, over names, capitalised words and a few linking
// words, up to the first other word. Institutions named elsewhere (the
// homes a council should search for records of, the partnership a report
// goes to) are not addressees.
var (
	recommendsThat = regexp.MustCompile(`(?i)\brecommends? that\b`)
	should         = regexp.MustCompile(`\bshould\b`)
	spaceWords     = regexp.MustCompile(`\S+`)
)

// linking words may sit inside a list of addressees.
var linking = map[string]bool{
	"the": true, "and": true, "of": true, "for": true, "with": true, "jointly": true, "working": true,
	"together": true, "each": true, "in": true, "partnership": true, "both": true, "all": true, "or": true,
}

// addressees returns the canonical names of the institutions a
// recommendation block is addressed to, in the order first named.
func addressees(block []corpus.Paragraph, rs *recipients) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, p := range block {
		if p.Heading {
			continue
		}
		mentions := rs.find(p.Text)
		if len(mentions) == 0 {
			continue
		}
		words := spaceWords.FindAllStringIndex(p.Text, -1)
		collect := func(ms []mention) {
			for _, m := range ms {
				if !seen[m.canonical] {
					seen[m.canonical] = true
					out = append(out, m.canonical)
				}
			}
		}
		for _, loc := range recommendsThat.FindAllStringIndex(p.Text, -1) {
			collect(subject(p.Text, words, mentions, loc[1], true))
		}
		for _, loc := range should.FindAllStringIndex(p.Text, -1) {
			ms := subject(p.Text, words, mentions, loc[0], false)
			slices.Reverse(ms) // read backwards: put them in the text's order
			collect(ms)
		}
	}
	return out
}

// subject walks the words of text from byte at (forwards or backwards)
// while they can belong to a list of addressees, and returns the
// institutions it passed.
func subject(text string, words [][]int, mentions []mention, at int, forward bool) []mention {
	var out []mention
	inMention := func(pos int) (mention, bool) {
		for _, m := range mentions {
			if pos >= m.start && pos < m.end {
				return m, true
			}
		}
		return mention{}, false
	}
	order := make([]int, 0, len(words))
	for i := range words {
		if forward && words[i][0] >= at {
			order = append(order, i)
		}
	}
	if !forward {
		for i := len(words) - 1; i >= 0; i-- {
			if words[i][1] <= at {
				order = append(order, i)
			}
		}
	}
	var last *mention
	for _, i := range order {
		w := text[words[i][0]:words[i][1]]
		if !forward && endsSentence(w) {
			break // the word ends the previous sentence
		}
		if m, ok := inMention(words[i][0]); ok {
			if last == nil || *last != m {
				out = append(out, m)
				last = &out[len(out)-1]
			}
			if forward && endsSentence(w) {
				break
			}
			continue
		}
		bare := strings.Trim(w, ",;:()“”\"'’")
		r, _ := utf8.DecodeRuneInString(bare)
		switch {
		case bare == "":
		case linking[strings.ToLower(bare)], unicode.IsUpper(r):
		default:
			return out
		}
		if forward && endsSentence(w) {
			break
		}
	}
	return out
}

func endsSentence(w string) bool {
	w = strings.TrimRight(w, "”\"’')")
	return strings.HasSuffix(w, ".") || strings.HasSuffix(w, "!") || strings.HasSuffix(w, "?") || strings.HasSuffix(w, ";") || strings.HasSuffix(w, ":")
}
