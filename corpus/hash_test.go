package corpus

import (
	"strings"
	"testing"
)

func TestContentHashNeverCollapsesEmptyPages(t *testing.T) {
	a := &Document{URL: "https://x.test/a", Heading: "B.1: Introduction"}
	b := &Document{URL: "https://x.test/b", Heading: "B.1: Introduction"}
	if ContentHash(a) == ContentHash(b) {
		t.Error("two pages with no body and one heading share a content hash")
	}
	long := strings.Repeat("The council kept its records in three places. ", 6)
	a.Paragraphs = []Paragraph{{Number: "1", Text: long}}
	b.Paragraphs = []Paragraph{{Number: "1", Text: long}}
	if ContentHash(a) != ContentHash(b) {
		t.Error("two pages with the same body under two URLs are not duplicates")
	}
	b.Heading = "C.1: Introduction"
	if ContentHash(a) == ContentHash(b) {
		t.Error("pages with different headings share a content hash")
	}
}
