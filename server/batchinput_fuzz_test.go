package server

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// FuzzBatchInput: whatever a list holds, reading it either returns an
// error or terms that are trimmed, non-empty, distinct, valid UTF-8, at
// most MaxBatchTerms, each found in the input; it never panics.
func FuzzBatchInput(f *testing.F) {
	for _, s := range []string{"records\nAnna Rowe\n", "term,note\nrecords,a\n\"\"\"x\"\"\",b\n", "\ufeffname\r\nElmwood\r\n",
		"a,\"b\nc", "\n\n  \n", "caf\xe9", strings.Repeat("x\n", 1002), "\"a\nb\",c\n"} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, data []byte, asCSV bool) {
		terms, err := readBatchTerms(bytes.NewReader(data), asCSV)
		if err != nil {
			if terms != nil {
				t.Errorf("an error and terms: %v, %q", err, terms)
			}
			return
		}
		if len(terms) == 0 || len(terms) > searchapi.MaxBatchTerms {
			t.Fatalf("%d terms", len(terms))
		}
		seen := map[string]bool{}
		for _, term := range terms {
			if term == "" || term != strings.TrimSpace(term) || !utf8.ValidString(term) || seen[term] {
				t.Errorf("term %q (seen %v)", term, seen[term])
			}
			seen[term] = true
			if !asCSV && !bytes.Contains(data, []byte(term)) {
				t.Errorf("term %q is not in the input", term)
			}
		}
	})
}
