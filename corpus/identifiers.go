package corpus

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// CipherPattern matches an anonymised person's cipher code such as
// "FO-A3" or "RC-F167". Pages print the hyphen as a plain, non-breaking or
// figure hyphen, all of which are read as "-".
var CipherPattern = regexp.MustCompile(`\b[A-Z]{2,3}[-\x{2010}\x{2011}\x{2012}][A-Z]\d{1,4}\b`)

// urnParts splits an evidence reference into its source-and-number and its
// optional first and last page.
var urnParts = regexp.MustCompile(`^([a-z]{3}\d{6})(?:_(\d{3})(?:_(\d{3}))?)?$`)

// maxRangePages bounds how many single pages a page range such as
// "_010_093" is indexed under, so that a malformed range cannot blow up a
// record.
const maxRangePages = 200

// URNTerms returns the lower-cased terms an evidence reference is indexed
// under: itself, the document it belongs to, and each page of a page range,
// so that "HOM003339" finds every page of the document and "HOM003339_080"
// finds a citation of pages 078 to 093. It returns nil for text that is not
// a reference.
func URNTerms(urn string) []string {
	m := urnParts.FindStringSubmatch(strings.ToLower(urn))
	if m == nil {
		return nil
	}
	out := []string{m[0]}
	if m[2] == "" {
		return out
	}
	out = append(out, m[1])
	if m[3] == "" {
		return out
	}
	out = append(out, m[1]+"_"+m[2])
	first, _ := strconv.Atoi(m[2])
	last, _ := strconv.Atoi(m[3])
	if last > first && last-first <= maxRangePages {
		for p := first + 1; p <= last; p++ {
			out = append(out, fmt.Sprintf("%s_%03d", m[1], p))
		}
	}
	return out
}

// NormaliseCipher returns a cipher code in the form the index holds
// (lower case, plain hyphen), or "" if s is not a cipher.
func NormaliseCipher(s string) string {
	c := CipherPattern.FindString(s)
	if c == "" || len(c) != len(s) {
		return ""
	}
	return strings.ToLower(cipherHyphens.Replace(c))
}

// cipherHyphens is built once: NormaliseCipher runs on every cipher the
// indexer reads.
var cipherHyphens = strings.NewReplacer("\u2010", "-", "\u2011", "-", "\u2012", "-")
