package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A quoteToken is a word of a quotation or of a paragraph, or one of the
// marks a quotation uses to say it is not verbatim: an ellipsis (words
// left out) or a bracketed insertion (words put in by whoever quotes).
type quoteToken struct {
	key        string // the word compared: lower case, without apostrophes; "" for a mark
	start, end int    // the bytes of the text it spans
	from, to   int    // the same, widened to the punctuation touching it: what is shown
	mark       rune   // 0 for a word, '.' for an ellipsis, '[' for a bracketed insertion
	words      int    // for a bracketed insertion, the words it holds
}

// quoteTokens reads a quotation: its words, ellipses (`…`, `...`,
// `. . .`, `[...]`) and bracketed insertions (`[the council]`). A bracket
// joined to a word (`[T]he`, `support[s]`) is read as that word.
// Typographic quotes and every other punctuation mark separate words and
// are otherwise ignored.
func quoteTokens(text string) []quoteToken {
	return scanTokens(text, true)
}

// paragraphTokens reads a paragraph's words; its brackets and dots are
// punctuation like any other.
func paragraphTokens(text string) []quoteToken {
	return scanTokens(text, false)
}

func scanTokens(text string, marks bool) []quoteToken {
	out := scanBare(text, marks)
	for i := range out {
		t := &out[i]
		t.from, t.to = t.start, t.end
		if t.mark != 0 {
			continue
		}
		lo, hi := 0, len(text)
		if i > 0 {
			lo = out[i-1].end
		}
		if i+1 < len(out) {
			hi = out[i+1].start
		}
		for t.from > lo {
			r, n := utf8.DecodeLastRuneInString(text[:t.from])
			if unicode.IsSpace(r) {
				break
			}
			t.from -= n
		}
		for t.to < hi {
			r, n := utf8.DecodeRuneInString(text[t.to:])
			if unicode.IsSpace(r) {
				break
			}
			t.to += n
		}
	}
	return out
}

func scanBare(text string, marks bool) []quoteToken {
	var out []quoteToken
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case isWordRune(r) || (marks && r == '[' && bracketInWord(text, i)):
			end, key := scanWord(text, i, marks)
			out = append(out, quoteToken{key: key, start: i, end: end})
			i = end
		case marks && ellipsisAt(text, i) > 0:
			end := i + ellipsisAt(text, i)
			out = append(out, quoteToken{start: i, end: end, mark: '.'})
			i = end
		case marks && r == '[' && strings.IndexByte(text[i:], ']') > 0:
			end := i + strings.IndexByte(text[i:], ']') + 1
			inner := strings.TrimSpace(text[i+1 : end-1])
			if isEllipsis(inner) {
				out = append(out, quoteToken{start: i, end: end, mark: '.'})
			} else {
				out = append(out, quoteToken{start: i, end: end, mark: '[', words: len(scanBare(inner, false))})
			}
			i = end
		default:
			i += n
		}
	}
	return out
}

// scanWord reads the word starting at i: letters and digits, apostrophes
// between letters, and (when marks) short bracketed letters joined to it.
// It returns where the word ends and its key.
func scanWord(text string, i int, marks bool) (int, string) {
	var key strings.Builder
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case isWordRune(r):
			key.WriteRune(unicode.ToLower(r))
			i += n
		case isApostrophe(r) && i+n < len(text) && key.Len() > 0 && startsWord(text[i+n:]):
			i += n
		case marks && r == '[' && bracketInWord(text, i):
			end := i + strings.IndexByte(text[i:], ']')
			key.WriteString(strings.ToLower(text[i+1 : end]))
			i = end + 1
		default:
			return i, key.String()
		}
	}
	return i, key.String()
}

// bracketInWord tells whether the bracket at i holds at most a few letters
// and touches a letter on at least one side: a capital changed (`[T]he`)
// or an ending added (`support[s]`), part of the word.
func bracketInWord(text string, i int) bool {
	j := strings.IndexByte(text[i:], ']')
	if j < 2 || j > 4 {
		return false
	}
	inner := text[i+1 : i+j]
	for _, r := range inner {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	return isWordRune(before) || startsWord(text[i+j+1:])
}

// ellipsisAt returns the length in bytes of the ellipsis at i, or 0.
func ellipsisAt(text string, i int) int {
	if strings.HasPrefix(text[i:], "…") {
		return len("…")
	}
	for _, e := range []string{". . .", "..."} {
		if strings.HasPrefix(text[i:], e) {
			n := len(e)
			for n < len(text)-i && text[i+n] == '.' {
				n++
			}
			return n
		}
	}
	return 0
}

func isEllipsis(s string) bool {
	return s != "" && strings.Trim(s, ". …") == ""
}

func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }
