package corpus

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// The gazetteer: local authorities and territorial police forces of England
// and Wales, plus the sample site's fictional places and bodies.
var (
	//go:embed gazetteer.tsv
	gazetteerTSV string
	//go:embed gazetteer_sample.tsv
	gazetteerSampleTSV string
)

// Entry is one place or institution the gazetteer knows.
type Entry struct {
	Kind      string // council, police, body or place
	Name      string // the institution's name (or the place's, for kind place)
	Place     string // the area it stands for, used as the place facet
	Aliases   []string
	Ambiguous bool // the bare place name is also an ordinary word
}

// Gazetteer finds the places and institutions a text names. It is safe for
// concurrent use once built.
type Gazetteer struct {
	entries []Entry
	// needles maps each searchable name to what a match of it tags.
	needles []needle
}

type needle struct {
	text        string
	place       string // tagged as a place, if not empty
	institution string // tagged as an institution, if not empty
}

// ParseGazetteer reads tab-separated rows: kind, name, place, aliases
// (separated by "|"), status (a comma list that may include "ambiguous").
// The first row is a header.
func ParseGazetteer(r io.Reader) (*Gazetteer, error) {
	g := &Gazetteer{}
	if err := g.add(r); err != nil {
		return nil, err
	}
	g.index()
	return g, nil
}

func (g *Gazetteer) add(r io.Reader) error {
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		if line == 1 || strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 3 {
			return fmt.Errorf("gazetteer line %d: want at least 3 tab-separated fields, got %d", line, len(f))
		}
		for len(f) < 5 {
			f = append(f, "")
		}
		e := Entry{Kind: strings.TrimSpace(f[0]), Name: strings.TrimSpace(f[1]), Place: strings.TrimSpace(f[2])}
		for _, a := range strings.Split(f[3], "|") {
			if a = strings.TrimSpace(a); a != "" {
				e.Aliases = append(e.Aliases, a)
			}
		}
		e.Ambiguous = strings.Contains(f[4], "ambiguous")
		if e.Name == "" {
			return fmt.Errorf("gazetteer line %d: empty name", line)
		}
		g.entries = append(g.entries, e)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read gazetteer: %w", err)
	}
	return nil
}

func (g *Gazetteer) index() {
	seen := map[needle]bool{}
	addNeedle := func(n needle) {
		if n.text == "" || seen[n] {
			return
		}
		seen[n] = true
		g.needles = append(g.needles, n)
	}
	for _, e := range g.entries {
		switch e.Kind {
		case "place":
			addNeedle(needle{text: e.Name, place: e.Place})
			continue
		}
		for _, name := range append([]string{e.Name}, e.Aliases...) {
			// An acronym alias (WVS, ISSO) names the body but is too short
			// to say anything about a place.
			addNeedle(needle{text: name, place: e.Place, institution: e.Name})
		}
		if e.Kind == "council" && e.Place != "" && !e.Ambiguous {
			addNeedle(needle{text: e.Place, place: e.Place})
		}
	}
	// Longer names first, so that "Elsworth Vale District Council" claims its
	// words before "Elsworth Vale" or "Elsworth Police" could.
	sort.SliceStable(g.needles, func(i, j int) bool { return len(g.needles[i].text) > len(g.needles[j].text) })
}

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
	defaultErr  error
)

// DefaultGazetteer returns the embedded gazetteer.
func DefaultGazetteer() (*Gazetteer, error) {
	defaultOnce.Do(func() {
		g := &Gazetteer{}
		for _, src := range []string{gazetteerTSV, gazetteerSampleTSV} {
			if err := g.add(strings.NewReader(src)); err != nil {
				defaultErr = err
				return
			}
		}
		g.index()
		defaultGaz = g
	})
	return defaultGaz, defaultErr
}

// Entries returns the gazetteer's entries.
func (g *Gazetteer) Entries() []Entry { return g.entries }

// exclusion words mark a sentence that names places only to rule them out,
// such as "Rotherham and Oxford were excluded from the case studies".
var exclusion = regexp.MustCompile(`(?i)\b(exclud\w*|not (?:been )?(?:included|selected|chosen|examined)|outside (?:the|its|our) scope)\b`)

var sentenceEnd = regexp.MustCompile(`[.!?;]["”’)]*\s+`)

// Find returns the sorted, distinct places and institutions named in texts.
// A name that occurs only in sentences about exclusion is not tagged.
func (g *Gazetteer) Find(texts ...string) (places, institutions []string) {
	ps, is := map[string]bool{}, map[string]bool{}
	for _, text := range texts {
		for _, sentence := range splitSentences(text) {
			if exclusion.MatchString(sentence) {
				continue
			}
			g.findIn(sentence, ps, is)
		}
	}
	return sortedKeys(ps), sortedKeys(is)
}

func (g *Gazetteer) findIn(s string, places, institutions map[string]bool) {
	claimed := make([]bool, len(s))
	for _, n := range g.needles {
		from := 0
		for {
			i := strings.Index(s[from:], n.text)
			if i < 0 {
				break
			}
			start, end := from+i, from+i+len(n.text)
			from = end
			if !wordBoundary(s, start, end) || anyClaimed(claimed, start, end) {
				continue
			}
			for k := start; k < end; k++ {
				claimed[k] = true
			}
			if n.place != "" {
				places[n.place] = true
			}
			if n.institution != "" {
				institutions[n.institution] = true
			}
		}
	}
}

func splitSentences(text string) []string {
	var out []string
	last := 0
	for _, m := range sentenceEnd.FindAllStringIndex(text, -1) {
		out = append(out, text[last:m[1]])
		last = m[1]
	}
	return append(out, text[last:])
}

func wordBoundary(s string, start, end int) bool {
	return (start == 0 || !isWordByte(s[start-1])) && (end == len(s) || !isWordByte(s[end]))
}

func isWordByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

func anyClaimed(claimed []bool, start, end int) bool {
	for k := start; k < end; k++ {
		if claimed[k] {
			return true
		}
	}
	return false
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// SampleGazetteer returns a gazetteer of the sample site's fictional places
// and bodies alone, so tests can check the sample names nothing real.
func SampleGazetteer() (*Gazetteer, error) {
	return ParseGazetteer(strings.NewReader(gazetteerSampleTSV))
}
