package search

import (
	"strings"
	"testing"
)

func TestSnippet(t *testing.T) {
	t.Parallel()
	text := "The council’s records were <b>incomplete</b> & scattered across several offices."
	at := func(word string) span {
		i := strings.Index(text, word)
		return span{start: i, end: i + len(word), term: word}
	}
	tests := []struct {
		name  string
		spans []span
		max   int
		want  string
	}{
		{"no match shows the opening", nil, 1000,
			"The council’s records were &lt;b&gt;incomplete&lt;/b&gt; &amp; scattered across several offices."},
		{"marks are added, text escaped", []span{at("records"), at("scattered")}, 1000,
			"The council’s <mark>records</mark> were &lt;b&gt;incomplete&lt;/b&gt; &amp; <mark>scattered</mark> across several offices."},
		{"overlapping spans merge", []span{at("records"), {start: at("records").start, end: at("records").end - 2}}, 1000,
			"The council’s <mark>records</mark> were &lt;b&gt;incomplete&lt;/b&gt; &amp; scattered across several offices."},
		{"window cut at words", []span{at("scattered")}, 24,
			"… &lt;b&gt;incomplete&lt;/b&gt; &amp; <mark>scattered</mark> across several …"},
		{"spans off rune boundaries are dropped", []span{{start: 12, end: 14}}, 1000,
			"The council’s records were &lt;b&gt;incomplete&lt;/b&gt; &amp; scattered across several offices."},
		{"spans out of range are dropped", []span{{start: -3, end: 2}, {start: 5, end: 500}}, 1000,
			"The council’s records were &lt;b&gt;incomplete&lt;/b&gt; &amp; scattered across several offices."},
	}
	for _, tt := range tests {
		if got := Snippet(text, tt.spans, tt.max); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}
