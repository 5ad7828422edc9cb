package search

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// Limits on what the search box accepts.
const (
	MaxQueryBytes = 1024
	MaxTerms      = 64
)

// MaxWithin bounds the N of a proximity search "a b"~N.
const MaxWithin = 50

// Term is one thing the query asks for: a word, a quoted phrase, a
// proximity search, an identifier, or a field:value filter.
type Term struct {
	Field   string // a filter field ("place", "type", ...), FieldURN, FieldCipher or FieldPublished; empty for text
	Text    string
	Phrase  bool
	Within  int  // for a phrase of two or more words: they lie within this many positions, in any order; 0 = exactly in order
	Literal bool // =word: as typed, without glossary expansion
	// Para marks a term of a para:(...) group: the groups so marked must
	// all match in one paragraph.
	Para bool
}

// Fields a query may name beside the facets.
const (
	FieldURN       = "urn"       // an evidence reference, or the document part of one
	FieldCipher    = "cipher"    // an anonymised cipher code
	FieldPublished = "published" // a publication date or range
)

// Query is a parsed search-box query: every group must match (AND), any
// term of a group may (OR), and no excluded term may. The groups whose
// terms are marked Para must match within one paragraph.
type Query struct {
	Groups  [][]Term
	Exclude []Term
}

// paraOpen begins a same-paragraph group, which a ")" ends.
const paraOpen = "para:("

// Empty reports whether the query asks for nothing, which browses all.
func (q *Query) Empty() bool { return len(q.Groups) == 0 && len(q.Exclude) == 0 }

// Fields a query may name with field:value. "investigation" and the others
// match the facets; "institution" matches named bodies.
var filterFields = map[string]string{
	"investigation": "investigation",
	"report":        "report",
	"type":          "type",
	"place":         "place",
	"year":          "year",
	"institution":   "institution",
	"speaker":       "speaker",
	"hearing":       "hearing",
	"role":          "role",
	FieldURN:        FieldURN,
	FieldCipher:     FieldCipher,
	FieldPublished:  FieldPublished,
}

// Parse reads what a person typed into the search box. The syntax: words
// are ANDed; "quoted phrases" match exactly; "two words"~N finds them
// within N positions of each other in one paragraph; OR between two terms
// makes either do; -word and -"phrase" exclude; =word turns off glossary
// expansion; field:value and field:"two words" filter on investigation,
// type, place, year or institution; urn:, cipher: and published: search
// identifiers and dates, and a bare word shaped like an evidence reference
// or a cipher code is read as one. It is lenient
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
		if term.Field == "" && !term.Phrase && hasPrefixFold([]rune(term.Text), "para:") {
			return nil, invalidf(fmt.Sprintf("%s: para: takes the words that must share a paragraph in parentheses, as in para:(police school)", term.Text))
		}
		if term.Field == "" && !term.Phrase {
			term = identifierTerm(term)
		}
		if term.Field != "" {
			v, err := normaliseTerm(term.Field, term.Text)
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
		case t.negate && term.Para:
			return nil, invalidf(fmt.Sprintf("para:(...) finds words that are all in one paragraph, so it cannot leave one out: put -%s outside the parentheses", term.String()))
		case t.negate:
			q.Exclude = append(q.Exclude, term)
			pendingOr = false
		case pendingOr && q.Groups[len(q.Groups)-1][0].Para != term.Para:
			return nil, invalidf("OR cannot join a term inside para:(...) to one outside it: put both inside the parentheses, or both outside")
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
	para := false // inside para:(...)
	add := func(t token) {
		t.term.Para = para && !t.or
		toks = append(toks, t)
	}
	for i < len(rs) {
		if r := rs[i]; unicode.IsSpace(r) || r == '(' || r == ')' {
			if r == ')' {
				para = false
			}
			i++
			continue
		}
		if hasPrefixFold(rs[i:], paraOpen) {
			para = true
			i += len(paraOpen)
			continue
		}
		// A run of signs before a term: the last one counts ("+" is the
		// default, "-" excludes).
		negate, literal := false, false
		for i+1 < len(rs) && (rs[i] == '-' || rs[i] == '+') && !unicode.IsSpace(rs[i+1]) {
			negate = rs[i] == '-'
			i++
		}
		if i+1 < len(rs) && rs[i] == '=' && !unicode.IsSpace(rs[i+1]) {
			literal = true
			i++
		}
		if i < len(rs) && rs[i] == '"' {
			text, next := readPhrase(rs, i+1)
			var within int
			within, i = readWithin(rs, next)
			if strings.TrimSpace(text) != "" {
				if len(strings.Fields(text)) < 2 {
					within = 0
				}
				add(token{term: Term{Text: text, Phrase: true, Within: within, Literal: literal}, negate: negate})
			}
			continue
		}
		start := i
		for i < len(rs) && !unicode.IsSpace(rs[i]) && rs[i] != '"' && rs[i] != '(' && rs[i] != ')' {
			i++
		}
		word := string(rs[start:i])
		if word == "OR" && !negate {
			add(token{or: true})
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
					add(token{term: Term{Field: field, Text: strings.TrimSpace(value)}, negate: negate})
				}
				continue
			}
		}
		if word != "" {
			add(token{term: Term{Text: word, Literal: literal}, negate: negate})
		}
	}
	return toks
}

// hasPrefixFold reports whether rs begins with prefix, case aside.
func hasPrefixFold(rs []rune, prefix string) bool {
	p := []rune(prefix)
	return len(rs) >= len(p) && strings.EqualFold(string(rs[:len(p)]), prefix)
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

// readWithin reads the "~N" after a closing quote, if any, and returns N
// (capped at MaxWithin) and the position after it. A tilde without a
// number is skipped.
func readWithin(rs []rune, i int) (int, int) {
	if i >= len(rs) || rs[i] != '~' {
		return 0, i
	}
	i++
	n := 0
	for i < len(rs) && rs[i] >= '0' && rs[i] <= '9' {
		n = min(n*10+int(rs[i]-'0'), MaxWithin)
		i++
	}
	return n, i
}

// identifierTerm reads a bare word that has the shape of an evidence
// reference or a cipher code as a search for that identifier.
// An identifier is never expanded, so a "=" before one changes nothing and
// is dropped: "urn:=…" would not read back.
func identifierTerm(t Term) Term {
	switch {
	case corpus.URNTerms(t.Text) != nil:
		t.Field, t.Literal = FieldURN, false
	case corpus.NormaliseCipher(strings.ToUpper(t.Text)) != "":
		t.Field, t.Literal = FieldCipher, false
	}
	return t
}

// normaliseTerm checks the value of a field:value term and puts it in
// normal form.
func normaliseTerm(field, value string) (string, error) {
	v := strings.TrimSpace(value)
	switch field {
	case FieldURN:
		if corpus.URNTerms(v) == nil {
			return "", invalidf(fmt.Sprintf("urn:%s is not an evidence reference: write three letters and six digits, with optional page parts, as in HOM003339 or HOM003339_078", value))
		}
		return strings.ToUpper(v), nil
	case FieldCipher:
		if corpus.NormaliseCipher(strings.ToUpper(v)) == "" {
			return "", invalidf(fmt.Sprintf("cipher:%s is not a cipher code: write two or three letters, a hyphen, a letter and a number, as in AB-A12", value))
		}
		return strings.ToUpper(v), nil
	case FieldPublished:
		return normaliseDates(v)
	}
	return searchapi.NormaliseFilter(field, v)
}

// String returns the query in normalised search-box syntax, so that a
// search can be quoted and re-run.
func (q *Query) String() string {
	var parts, para []string
	for _, g := range q.Groups {
		alts := make([]string, len(g))
		for i, t := range g {
			alts[i] = t.String()
		}
		if g[0].Para {
			para = append(para, strings.Join(alts, " OR "))
			continue
		}
		parts = append(parts, strings.Join(alts, " OR "))
	}
	if len(para) > 0 {
		parts = append([]string{paraOpen + strings.Join(para, " ") + ")"}, parts...)
	}
	for _, t := range q.Exclude {
		parts = append(parts, "-"+t.String())
	}
	return strings.Join(parts, " ")
}

// String returns the term in search-box syntax.
func (t Term) String() string {
	v := t.Text
	// A field's value is quoted where lex would otherwise end it early:
	// at a space or a bracket.
	if t.Phrase || (t.Field != "" && (strings.ContainsFunc(v, unicode.IsSpace) || strings.ContainsAny(v, ":()"))) {
		v = `"` + v + `"`
	}
	if t.Within > 0 {
		v += "~" + strconv.Itoa(t.Within)
	}
	if t.Literal {
		v = "=" + v
	}
	if t.Field != "" {
		return t.Field + ":" + v
	}
	return v
}
