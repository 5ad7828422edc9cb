package search

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on what the search box accepts.
const (
	MaxQueryBytes = 1024
	MaxTerms      = 64
)

// Term is one thing the query asks for: a word, a quoted phrase, or a
// field:value filter.
type Term struct {
	Field  string // a filter field ("place", "type", ...); empty for text
	Text   string
	Phrase bool
}

// Query is a parsed search-box query: every group must match (AND), any
// term of a group may (OR), and no excluded term may.
type Query struct {
	Groups  [][]Term
	Exclude []Term
}

// Empty reports whether the query asks for nothing, which browses all.
func (q *Query) Empty() bool { return len(q.Groups) == 0 && len(q.Exclude) == 0 }

// Fields a query may name with field:value. "investigation" and the others
// match the facets; "institution" matches named bodies.
var filterFields = map[string]string{
	"investigation": "investigation",
	"type":          "type",
	"place":         "place",
	"year":          "year",
	"institution":   "institution",
}

// Parse reads what a person typed into the search box. The syntax: words
// are ANDed; "quoted phrases" match exactly; OR between two terms makes
// either do; -word and -"phrase" exclude; field:value and field:"two words"
// filter on investigation, type, place, year or institution. It is lenient
// the way a search box must be: an unclosed quote runs to the end, stray
// punctuation and parentheses are ignored, a dangling OR is dropped, and an
// unknown field name is read as words. It rejects only what it cannot read:
// text that is not UTF-8, a query over MaxQueryBytes or MaxTerms, or a bad
// filter value.
func Parse(input string) (*Query, error) {
	if !utf8.ValidString(input) {
		return nil, invalidf("the query is not valid UTF-8 text")
	}
	if len(input) > MaxQueryBytes {
		return nil, invalidf(fmt.Sprintf("the query is %d bytes long; the limit is %d", len(input), MaxQueryBytes))
	}
	toks := lex(input)
	q := &Query{}
	pendingOr := false
	count := 0
	for _, t := range toks {
		if t.or {
			pendingOr = len(q.Groups) > 0
			continue
		}
		term := t.term
		if term.Field != "" {
			v, err := normaliseFilter(term.Field, term.Text)
			if err != nil {
				return nil, err
			}
			term.Text = v
		}
		count++
		if count > MaxTerms {
			return nil, invalidf(fmt.Sprintf("the query has more than %d terms", MaxTerms))
		}
		switch {
		case t.negate:
			q.Exclude = append(q.Exclude, term)
			pendingOr = false
		case pendingOr:
			last := len(q.Groups) - 1
			q.Groups[last] = append(q.Groups[last], term)
			pendingOr = false
		default:
			q.Groups = append(q.Groups, []Term{term})
		}
	}
	return q, nil
}

type token struct {
	term   Term
	negate bool
	or     bool
}

// lex splits input into terms, phrases, field filters and OR operators.
func lex(input string) []token {
	var toks []token
	rs := []rune(input)
	i := 0
	for i < len(rs) {
		if r := rs[i]; unicode.IsSpace(r) || r == '(' || r == ')' {
			i++
			continue
		}
		// A run of signs before a term: the last one counts ("+" is the
		// default, "-" excludes).
		negate := false
		for i+1 < len(rs) && (rs[i] == '-' || rs[i] == '+') && !unicode.IsSpace(rs[i+1]) {
			negate = rs[i] == '-'
			i++
		}
		if i < len(rs) && rs[i] == '"' {
			text, next := readPhrase(rs, i+1)
			i = next
			if strings.TrimSpace(text) != "" {
				toks = append(toks, token{term: Term{Text: text, Phrase: true}, negate: negate})
			}
			continue
		}
		start := i
		for i < len(rs) && !unicode.IsSpace(rs[i]) && rs[i] != '"' && rs[i] != '(' && rs[i] != ')' {
			i++
		}
		word := string(rs[start:i])
		if word == "OR" && !negate {
			toks = append(toks, token{or: true})
			continue
		}
		if word == "AND" && !negate {
			continue
		}
		if name, value, ok := strings.Cut(word, ":"); ok {
			if field, known := filterFields[strings.ToLower(name)]; known {
				if value == "" && i < len(rs) && rs[i] == '"' {
					value, i = readPhrase(rs, i+1)
				}
				if strings.TrimSpace(value) != "" {
					toks = append(toks, token{term: Term{Field: field, Text: strings.TrimSpace(value)}, negate: negate})
				}
				continue
			}
		}
		if word != "" {
			toks = append(toks, token{term: Term{Text: word}, negate: negate})
		}
	}
	return toks
}

// readPhrase reads up to the closing quote, or to the end of the input if
// the quote is never closed.
func readPhrase(rs []rune, from int) (string, int) {
	for j := from; j < len(rs); j++ {
		if rs[j] == '"' {
			return strings.Join(strings.Fields(string(rs[from:j])), " "), j + 1
		}
	}
	return strings.Join(strings.Fields(string(rs[from:])), " "), len(rs)
}

// String returns the query in normalised search-box syntax, so that a
// search can be quoted and re-run.
func (q *Query) String() string {
	var parts []string
	for _, g := range q.Groups {
		alts := make([]string, len(g))
		for i, t := range g {
			alts[i] = t.String()
		}
		parts = append(parts, strings.Join(alts, " OR "))
	}
	for _, t := range q.Exclude {
		parts = append(parts, "-"+t.String())
	}
	return strings.Join(parts, " ")
}

func (t Term) String() string {
	v := t.Text
	if t.Phrase || (t.Field != "" && strings.ContainsAny(v, " \t:")) {
		v = `"` + v + `"`
	}
	if t.Field != "" {
		return t.Field + ":" + v
	}
	return v
}
