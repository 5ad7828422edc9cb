package indexer

import (
	_ "embed"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/inquirysearch/inquirysearch/corpus"
)

//go:embed recipients.txt
var recipientsTable string

// recipients names the institutions recommendations are addressed to, and
// maps every way a report names one ("the Home Office", "Home Office",
// "HO") to a single name. It is immutable once built.
type recipients struct {
	// names is every searchable name, longest first, so that "Department
	// for Community Safety" claims its words before a shorter name could.
	names []recipientName
}

type recipientName struct {
	text      string // as written; an acronym must match in its own case
	canonical string
	acronym   bool
}

// newRecipients reads the table (see recipients.txt) and adds the
// gazetteer's institutions under their own names.
func newRecipients(table string, gaz *corpus.Gazetteer) (*recipients, error) {
	r := &recipients{}
	seen := map[string]bool{}
	add := func(text, canonical string) {
		text = stripThe(strings.TrimSpace(text))
		if text == "" || seen[strings.ToLower(text)] {
			return
		}
		seen[strings.ToLower(text)] = true
		r.names = append(r.names, recipientName{text: text, canonical: canonical, acronym: isAcronym(text)})
	}
	for i, line := range strings.Split(table, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, aliases, _ := strings.Cut(line, "=")
		name = stripThe(strings.TrimSpace(name))
		if name == "" {
			return nil, fmt.Errorf("recipients line %d: no name", i+1)
		}
		add(name, name)
		for _, a := range strings.Split(aliases, "|") {
			add(a, name)
		}
	}
	if gaz != nil {
		for _, e := range gaz.Entries() {
			if e.Kind == "place" {
				continue
			}
			add(e.Name, e.Name)
			for _, a := range e.Aliases {
				add(a, e.Name)
			}
		}
	}
	sort.SliceStable(r.names, func(i, j int) bool { return len(r.names[i].text) > len(r.names[j].text) })
	return r, nil
}

var (
	defaultRecipientsOnce sync.Once
	defaultRecipients     *recipients
	defaultRecipientsErr  error
)

func loadRecipients() (*recipients, error) {
	defaultRecipientsOnce.Do(func() {
		gaz, err := corpus.DefaultGazetteer()
		if err != nil {
			defaultRecipientsErr = err
			return
		}
		defaultRecipients, defaultRecipientsErr = newRecipients(recipientsTable, gaz)
	})
	return defaultRecipients, defaultRecipientsErr
}

// CanonicalRecipient returns the name recommendations list an institution
// under, however s names it ("the Home Office", "HO"), or s itself without
// a leading "the" when it is not known.
func CanonicalRecipient(s string) string {
	rs, err := loadRecipients()
	if err != nil {
		return stripThe(strings.TrimSpace(s))
	}
	return rs.Canonical(s)
}

// Canonical returns the one name of the recipient s names, or s itself
// (without a leading "the") when the table does not know it.
func (r *recipients) Canonical(s string) string {
	s = stripThe(strings.Join(strings.Fields(s), " "))
	for _, n := range r.names {
		if n.matches(s) {
			return n.canonical
		}
	}
	return s
}

func (n recipientName) matches(s string) bool {
	if n.acronym {
		return s == n.text
	}
	return strings.EqualFold(foldApostrophes(s), foldApostrophes(n.text))
}

// mention is one institution named in a text, with its byte range.
type mention struct {
	start, end int
	canonical  string
}

// find returns the institutions text names, in text order, each byte of
// the text claimed by at most one (the longest) name.
func (r *recipients) find(text string) []mention {
	folded := foldApostrophes(text)
	lower := strings.ToLower(folded)
	if len(lower) != len(folded) {
		// A few letters change length when lower-cased; offsets must stay
		// those of text, so such a text is matched in its own case.
		lower = folded
	}
	claimed := make([]bool, len(text))
	var out []mention
	for _, n := range r.names {
		hay, needle := lower, strings.ToLower(foldApostrophes(n.text))
		if n.acronym {
			hay, needle = folded, n.text
		}
		for from := 0; ; {
			i := strings.Index(hay[from:], needle)
			if i < 0 {
				break
			}
			start, end := from+i, from+i+len(needle)
			from = end
			if !boundary(hay, start, end) || anyTrue(claimed[start:end]) {
				continue
			}
			for k := start; k < end; k++ {
				claimed[k] = true
			}
			out = append(out, mention{start: start, end: end, canonical: n.canonical})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// foldApostrophes writes curly apostrophes straight without changing byte
// offsets' meaning: both forms are replaced by a same-length run.
func foldApostrophes(s string) string {
	return strings.ReplaceAll(s, "’", "'\x00\x00")
}

var leadingThe = regexp.MustCompile(`(?i)^the\s+`)

func stripThe(s string) string { return leadingThe.ReplaceAllString(s, "") }

func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 6 {
		return false
	}
	upper := 0
	for _, c := range s {
		if !unicode.IsLetter(c) {
			return false
		}
		if unicode.IsUpper(c) {
			upper++
		}
	}
	return upper >= 2
}

func boundary(s string, start, end int) bool {
	word := func(i int) bool {
		c := s[i]
		return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	return (start == 0 || !word(start-1)) && (end == len(s) || !word(end))
}

func anyTrue(bs []bool) bool {
	for _, b := range bs {
		if b {
			return true
		}
	}
	return false
}
