package search

import (
	"math"
	"time"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// alignTimeout bounds one alignment; past it the diff library returns a
// coarser answer rather than a slower one.
const alignTimeout = 50 * time.Millisecond

// quotation is a quotation read once for every paragraph it is compared
// with: its words, and its marks by the number of words before them.
type quotation struct {
	text  string
	words []quoteToken
	marks map[int][]quoteToken
}

func newQuotation(text string) quotation {
	q := quotation{text: text, marks: map[int][]quoteToken{}}
	for _, t := range quoteTokens(text) {
		if t.mark != 0 {
			q.marks[len(q.words)] = append(q.marks[len(q.words)], t)
			continue
		}
		q.words = append(q.words, t)
	}
	return q
}

// alignment is a quotation compared with one paragraph.
type alignment struct {
	ops   []searchapi.QuoteOp
	score float64
	exact bool
	// start and end are the bytes of the paragraph's text that the
	// quotation was aligned with, from its first word to its last (both
	// -1 when it shares none): what a citation of the quotation covers.
	start, end int
}

// segment is a run of the word diff: source words [s0, s1) against
// quotation words [q0, q1).
type segment struct {
	kind           string
	s0, s1, q0, q1 int
}

// align compares a quotation with a paragraph's text word by word: the
// words are diffed as runes, one rune a distinct word, and stray matches
// of common words are joined to the changes around them. The paragraph's words before the first
// and after the last the quotation shares are context, not differences.
func align(q quotation, text string) alignment {
	src := paragraphTokens(text)
	codes := map[string]rune{}
	encode := func(ts []quoteToken) []rune {
		out := make([]rune, len(ts))
		for i, t := range ts {
			c, ok := codes[t.key]
			if !ok {
				c = wordRune(len(codes))
				codes[t.key] = c
			}
			out[i] = c
		}
		return out
	}
	a, b := encode(src), encode(q.words)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = alignTimeout
	segs := trimContext(mergeStrays(segments(dmp.DiffMainRunes(a, b, false))), q)
	out := q.render(segs, text, src)
	out.start, out.end = alignedSpan(segs, src)
	return out
}

// alignedSpan returns the bytes of the paragraph's words that segs cover,
// from the first to the last; -1, -1 when they cover none.
func alignedSpan(segs []segment, src []quoteToken) (start, end int) {
	first, last := -1, -1
	for _, s := range segs {
		if s.s0 >= s.s1 {
			continue
		}
		if first < 0 {
			first = s.s0
		}
		last = s.s1 - 1
	}
	if first < 0 {
		return -1, -1
	}
	return src[first].start, src[last].end
}

// Stray matches: a run of at most strayWords words in common between two
// changes of at least strayEdit words each is a common word matched out
// of its place ("the", "of"), and is read as part of one change.
const (
	strayWords = 2
	strayEdit  = 3
)

// mergeStrays joins stray matches to the changes around them. (The diff
// library's own semantic clean-up works on characters, and with one rune
// a word it joins whole quoted phrases to the paragraph's context.)
func mergeStrays(segs []segment) []segment {
	size := func(s segment) int { return max(s.s1-s.s0, s.q1-s.q0) }
	var out []segment
	for i := 0; i < len(segs); i++ {
		s := segs[i]
		if s.kind == searchapi.OpSame && size(s) <= strayWords && len(out) > 0 && i+1 < len(segs) &&
			out[len(out)-1].kind != searchapi.OpSame && size(out[len(out)-1]) >= strayEdit && size(segs[i+1]) >= strayEdit {
			prev := &out[len(out)-1]
			next := segs[i+1]
			prev.s1, prev.q1, prev.kind = next.s1, next.q1, searchapi.OpChanged
			i++
			continue
		}
		out = append(out, s)
	}
	return out
}

// wordRune is the rune standing for the n'th distinct word: one of the
// private-use planes, which no text holds, so every code is a valid rune.
func wordRune(n int) rune {
	const planeA, planeB, plane = 0xF0000, 0x100000, 0xFFFE
	if n < plane {
		return rune(planeA + n)
	}
	return rune(planeB + (n-plane)%plane)
}

// segments turns the diff into runs, a deletion beside an insertion
// being one change.
func segments(diffs []diffmatchpatch.Diff) []segment {
	var out []segment
	si, qi := 0, 0
	for _, d := range diffs {
		n := len([]rune(d.Text))
		var s segment
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			s = segment{kind: searchapi.OpSame, s0: si, s1: si + n, q0: qi, q1: qi + n}
			si, qi = si+n, qi+n
		case diffmatchpatch.DiffDelete:
			s = segment{kind: searchapi.OpDropped, s0: si, s1: si + n, q0: qi, q1: qi}
			si += n
		case diffmatchpatch.DiffInsert:
			s = segment{kind: searchapi.OpAdded, s0: si, s1: si, q0: qi, q1: qi + n}
			qi += n
		}
		if last := len(out) - 1; last >= 0 && s.kind != searchapi.OpSame && out[last].kind != searchapi.OpSame {
			out[last].s1, out[last].q1, out[last].kind = s.s1, s.q1, searchapi.OpChanged
			continue
		}
		out = append(out, s)
	}
	return out
}

// trimContext cuts the paragraph's words around the quoted part: before
// the quotation's first word and after its last, the paragraph's words
// are context. A change at either end keeps as many of the paragraph's
// words as the quotation has there, and a bracketed insertion at either
// end as many as it holds.
func trimContext(segs []segment, q quotation) []segment {
	if len(segs) == 0 {
		return segs
	}
	first := &segs[0]
	switch first.kind {
	case searchapi.OpDropped:
		first.s0 = max(first.s0, first.s1-bracketWords(q.marks[0]))
	case searchapi.OpChanged:
		first.s0 = max(first.s0, first.s1-(first.q1-first.q0))
	}
	last := &segs[len(segs)-1]
	switch last.kind {
	case searchapi.OpDropped:
		last.s1 = min(last.s1, last.s0+bracketWords(q.marks[len(q.words)]))
	case searchapi.OpChanged:
		last.s1 = min(last.s1, last.s0+(last.q1-last.q0))
	}
	out := segs[:0]
	for _, s := range segs {
		if s.s0 < s.s1 || s.q0 < s.q1 || len(q.marks[s.q0]) > 0 {
			out = append(out, s)
		}
	}
	return out
}

func bracketWords(marks []quoteToken) int {
	n := 0
	for _, m := range marks {
		if m.mark == '[' {
			n += max(m.words, 1)
		}
	}
	return n
}

// render turns the runs into ops, placing the quotation's marks: words
// dropped where it has an ellipsis are elided, and words dropped where it
// has a bracket are what the bracket replaces. It scores the alignment by
// the words in common: twice them over the quotation's and the quoted
// part's words (elided and bracketed words aside).
func (q quotation) render(segs []segment, text string, src []quoteToken) alignment {
	var out alignment
	done := map[int]bool{}
	srcText := func(s0, s1 int) string {
		if s0 >= s1 {
			return ""
		}
		return text[src[s0].from:src[s1-1].to]
	}
	quoteText := func(q0, q1 int) string {
		if q0 >= q1 {
			return ""
		}
		return q.text[q.words[q0].from:q.words[q1-1].to]
	}
	emit := func(op, quote, source string) {
		out.ops = append(out.ops, searchapi.QuoteOp{Op: op, Quote: quote, Source: source})
	}
	// marksAt emits the marks before quotation word j, giving the first
	// of them the paragraph's words s0..s1 that they stand for.
	marksAt := func(j, s0, s1 int) bool {
		if done[j] || len(q.marks[j]) == 0 {
			return false
		}
		done[j] = true
		for _, m := range q.marks[j] {
			src := srcText(s0, s1)
			s0 = s1
			if m.mark == '.' {
				emit(searchapi.OpElided, "", src)
			} else {
				emit(searchapi.OpBracketed, q.text[m.start:m.end], src)
			}
		}
		return true
	}
	same, quoted, compared := 0, 0, 0
	differs := false
	for _, s := range segs {
		switch s.kind {
		case searchapi.OpDropped:
			if marksAt(s.q0, s.s0, s.s1) {
				continue
			}
			differs = true
			compared += s.s1 - s.s0
			emit(searchapi.OpDropped, "", srcText(s.s0, s.s1))
		case searchapi.OpChanged:
			marksAt(s.q0, s.s0, s.s0)
			differs = true
			quoted += s.q1 - s.q0
			compared += s.s1 - s.s0
			emit(searchapi.OpChanged, quoteText(s.q0, s.q1), srcText(s.s0, s.s1))
		default: // same or added: split where the quotation has a mark
			marksAt(s.q0, 0, 0)
			from := s.q0
			for j := s.q0 + 1; j <= s.q1; j++ {
				if j < s.q1 && (len(q.marks[j]) == 0 || done[j]) {
					continue
				}
				q.emitRun(s, from, j, emit, srcText, quoteText)
				if j < s.q1 {
					marksAt(j, 0, 0)
				}
				from = j
			}
			n := s.q1 - s.q0
			quoted += n
			if s.kind == searchapi.OpSame {
				same += n
				compared += n
			} else {
				differs = true
			}
		}
	}
	marksAt(len(q.words), 0, 0)
	if quoted+compared > 0 {
		out.score = math.Round(2*float64(same)/float64(quoted+compared)*1000) / 1000
	}
	out.exact = !differs && same > 0
	return out
}

// emitRun emits quotation words [from, to) of a same or added run, after
// its marks at from.
func (q quotation) emitRun(s segment, from, to int, emit func(op, quote, source string),
	srcText func(s0, s1 int) string, quoteText func(q0, q1 int) string) {
	if from >= to {
		return
	}
	if s.kind == searchapi.OpSame {
		off := s.s0 - s.q0
		emit(searchapi.OpSame, quoteText(from, to), srcText(from+off, to+off))
		return
	}
	emit(searchapi.OpAdded, quoteText(from, to), "")
}
