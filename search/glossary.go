package search

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"os"
	"strings"
)

//go:embed glossary/default.txt
var defaultGlossary string

// Glossary maps acronyms to what they stand for, so that a search for one
// also finds the other. It is read-only once loaded and safe for
// concurrent use.
type Glossary struct {
	expansions map[string][]string // lower-cased acronym -> expansions as written
	acronyms   map[string][]string // expansion, lower-cased with single spaces -> acronyms as written
	entries    int
}

// DefaultGlossary returns the glossary built into the program: the
// acronyms of child-protection inquiries in England and Wales.
func DefaultGlossary() *Glossary {
	g, err := ParseGlossary(strings.NewReader(defaultGlossary))
	if err != nil {
		panic(fmt.Sprintf("the built-in glossary does not parse: %v", err)) // fixed at build time
	}
	return g
}

// LoadGlossary reads a glossary file (see ParseGlossary for its format).
func LoadGlossary(path string) (*Glossary, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("glossary: %w", err)
	}
	defer f.Close()
	g, err := ParseGlossary(f)
	if err != nil {
		return nil, fmt.Errorf("glossary %s: %w", path, err)
	}
	return g, nil
}

// ParseGlossary reads a glossary: one entry a line, "ACRONYM = expansion",
// with several expansions separated by "|"; blank lines and lines starting
// with # are skipped. The acronym must be one word.
func ParseGlossary(r io.Reader) (*Glossary, error) {
	g := &Glossary{expansions: map[string][]string{}, acronyms: map[string][]string{}}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		acronym, rest, ok := strings.Cut(line, "=")
		acronym = strings.TrimSpace(acronym)
		if !ok || acronym == "" || strings.ContainsAny(acronym, " \t") {
			return nil, fmt.Errorf("line %d: want \"ACRONYM = expansion\", got %q", n, line)
		}
		for _, e := range strings.Split(rest, "|") {
			e = strings.Join(strings.Fields(e), " ")
			if e == "" {
				return nil, fmt.Errorf("line %d: empty expansion of %s", n, acronym)
			}
			key := strings.ToLower(acronym)
			g.expansions[key] = append(g.expansions[key], e)
			g.acronyms[strings.ToLower(e)] = append(g.acronyms[strings.ToLower(e)], acronym)
		}
		g.entries++
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read glossary: %w", err)
	}
	return g, nil
}

// Len returns the number of acronyms in the glossary.
func (g *Glossary) Len() int {
	if g == nil {
		return 0
	}
	return g.entries
}

// Expansions returns what an acronym stands for (any case), or nil.
func (g *Glossary) Expansions(acronym string) []string {
	if g == nil {
		return nil
	}
	return g.expansions[strings.ToLower(acronym)]
}

// each calls f with every expansion and the acronyms it stands for.
func (g *Glossary) each(f func(expansion string, acronyms []string)) {
	if g == nil {
		return
	}
	for e, as := range g.acronyms {
		f(e, as)
	}
}
