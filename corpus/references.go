package corpus

import (
	"regexp"
)

// URNPattern matches an evidence reference: three capital letters, six
// digits and optional page parts (HOM003339, HOM003339_078_093).
var URNPattern = regexp.MustCompile(`\b[A-Z]{3}\d{6}(?:_\d{3}(?:_\d{3})?)?\b`)

// References returns the distinct evidence references in text, in order.
func References(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range URNPattern.FindAllString(text, -1) {
		if !seen[m] {
			seen[m] = true
			out = append(out, m)
		}
	}
	return out
}
