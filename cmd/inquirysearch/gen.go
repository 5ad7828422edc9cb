package main

import (
	"context"
	"fmt"
	"io"
	"math/rand"
	"strings"
	"time"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/crawl"
)

// Gen's defaults: a corpus the size of a small inquiry's reports, and the
// seed the benchmarks in BENCHMARKS.md were generated with.
const (
	defaultGenParagraphs = 10000
	defaultGenSeed       = 1
)

// genConfig is one synthetic corpus.
type genConfig struct {
	Paragraphs int    // how many numbered paragraphs, at least
	Out        string // the data directory to write into
	Seed       int64  // the same seed and size give the same corpus
}

func parseGen(args []string, stderr io.Writer) (*genConfig, error) {
	fs := newFlagSet("gen", "gen --paragraphs N --out DIR [--seed S]", stderr)
	cfg := &genConfig{}
	fs.IntVar(&cfg.Paragraphs, "paragraphs", defaultGenParagraphs, "how many numbered paragraphs to generate")
	fs.StringVar(&cfg.Out, "out", "", "data directory to write the corpus into (its corpus/ folder)")
	fs.Int64Var(&cfg.Seed, "seed", defaultGenSeed, "random seed: the same seed and size give the same corpus")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("gen takes no arguments, got %q", fs.Args())
	}
	if cfg.Out == "" || cfg.Paragraphs <= 0 {
		fs.Usage()
		return nil, fmt.Errorf("gen needs --out and a positive --paragraphs")
	}
	return cfg, nil
}

func runGen(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseGen(args, stderr)
	if err != nil {
		return err
	}
	return generate(ctx, cfg, stdout)
}

// generate writes cfg's corpus into its data directory's corpus.
func generate(ctx context.Context, cfg *genConfig, stdout io.Writer) error {
	store, err := crawl.OpenStore(dataDirs{root: cfg.Out}.corpus())
	if err != nil {
		return err
	}
	start := time.Now()
	g, err := newGenerator(cfg.Seed)
	if err != nil {
		return err
	}
	docs, paras := 0, 0
	for paras < cfg.Paragraphs {
		if err := ctx.Err(); err != nil {
			return err
		}
		for _, d := range g.report(cfg.Paragraphs - paras) {
			if err := store.PutDocument(d); err != nil {
				return err
			}
			docs++
			paras += len(d.Paragraphs)
		}
	}
	fmt.Fprintf(stdout, "Generated %d documents with %d paragraphs into %s in %s.\n",
		docs, paras, store.Dir(), time.Since(start).Round(time.Millisecond))
	return nil
}

// generator writes a deterministic synthetic corpus shaped like inquiry
// reports: reports of lettered parts and sections, numbered paragraphs of
// 40-200 words drawn from a Zipf-distributed vocabulary, and skewed
// investigations, types, dates, places and evidence references.
type generator struct {
	rng     *rand.Rand
	words   []string // vocabulary, most frequent first
	zipf    *rand.Zipf
	invZipf *rand.Zipf
	placeZ  *rand.Zipf
	reports int
}

func newGenerator(seed int64) (*generator, error) {
	words, err := vocabulary()
	if err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewSource(seed))
	return &generator{
		rng:     rng,
		words:   words,
		zipf:    rand.NewZipf(rng, 1.07, 2, uint64(len(words)-1)),
		invZipf: rand.NewZipf(rng, 1.3, 1, uint64(len(genInvestigations)-1)),
		placeZ:  rand.NewZipf(rng, 1.2, 1, uint64(len(genPlaces)-1)),
	}, nil
}

var genInvestigations = []string{
	"Organised networks", "Larkspur County Council", "Faith organisations", "Specialist schools",
	"Overseas placements", "Residential care", "Sport and leisure", "Healthcare settings",
	"Custodial settings", "Online exploitation", "Voluntary organisations", "Local government",
	"Policing and prosecution", "Accountability and redress", "Leadership of child protection",
}

var genPlaces = []string{
	"Ashcombe", "Brindleford", "Corrisham", "Dunmarsh", "Elsworth Vale", "Fenwick Bay", "Larkspur",
	"Amberfold", "Stowbridge Heath", "Wessingham", "Portlow", "Wrenfield", "Northmarch",
	"Glenholme", "Hartwell Cross", "Kingsmere",
}

var urnPrefixes = []string{"ONS", "LCC", "LKP", "SAA", "GFF", "WSM", "CAD", "INQ", "DOW", "NCS", "ASH", "BRC"}

// report generates one report's documents, holding at most budget
// paragraphs in all (but always at least one section).
func (g *generator) report(budget int) []*corpus.Document {
	g.reports++
	r := g.rng
	inv := genInvestigations[g.invZipf.Uint64()]
	year := 2015 + int(7*r.Float64()*r.Float64()+0.5) // skewed towards the early years
	published := fmt.Sprintf("%d-%02d-%02d", year, 1+r.Intn(12), 1+r.Intn(28))
	title := fmt.Sprintf("%s investigation report %d", inv, g.reports)
	base := fmt.Sprintf("https://generated.test/reports-recommendations/publications/investigation/report-%05d", g.reports)
	var docs []*corpus.Document
	add := func(path, heading, section string, typ corpus.Type, paras []corpus.Paragraph, notes []corpus.Footnote) {
		url := base + path
		d := &corpus.Document{
			ID: corpus.IDFor(url), URL: url, Title: heading, Report: title, Investigation: inv, Type: typ,
			Section: section, Heading: heading, Published: published, Paragraphs: paras, Footnotes: notes,
		}
		for i := 0; i < 1+r.Intn(3); i++ {
			d.Places = appendUnique(d.Places, genPlaces[g.placeZ.Uint64()])
		}
		d.ContentHash = fmt.Sprintf("gen-%s", d.ID)
		docs = append(docs, d)
		budget -= len(paras)
	}
	add("", title, "", corpus.TypeInvestigationReport, g.paragraphs(0, 3, false), nil)
	add("/executive-summary", "Executive Summary", "", corpus.TypeExecutiveSummary, g.paragraphs(0, 6, false), nil)
	for part := 'A'; part <= 'F' && budget > 0; part++ {
		next := 1
		for s := 1; s <= 2+r.Intn(3) && budget > 0; s++ {
			n := min(6+r.Intn(12), max(budget, 1))
			paras := g.paragraphs(next, n, true)
			next += n
			notes := g.footnotes(paras)
			typ, heading := corpus.TypeSection, fmt.Sprintf("%c.%d: %s", part, s, g.heading())
			if part == 'F' && s == 2 {
				typ, heading = corpus.TypeRecommendations, fmt.Sprintf("%c.%d: Recommendations", part, s)
			}
			add(fmt.Sprintf("/part-%c/%c%d", part+32, part+32, s), heading, fmt.Sprintf("%c.%d", part, s), typ, paras, notes)
		}
	}
	if budget > 0 {
		n := min(5+r.Intn(10), budget)
		add("/annexes/annex-1", "Annex 1: Overview of process and evidence", "Annex 1", corpus.TypeAnnex, g.paragraphs(1, n, true), nil)
	}
	return docs
}

// paragraphs makes n paragraphs numbered from first (unnumbered if not
// numbered), each of 40-200 words.
func (g *generator) paragraphs(first, n int, numbered bool) []corpus.Paragraph {
	out := make([]corpus.Paragraph, n)
	for i := range out {
		label := fmt.Sprintf("u%d", i+1)
		if numbered {
			label = fmt.Sprint(first + i)
		}
		out[i] = corpus.Paragraph{Number: label, Text: g.sentence(40 + g.rng.Intn(161))}
	}
	return out
}

func (g *generator) footnotes(paras []corpus.Paragraph) []corpus.Footnote {
	var notes []corpus.Footnote
	for i := range paras {
		if g.rng.Intn(3) != 0 {
			continue
		}
		n := len(notes) + 1
		urn := fmt.Sprintf("%s%06d_%03d", urnPrefixes[g.rng.Intn(len(urnPrefixes))], g.rng.Intn(4000), 1+g.rng.Intn(60))
		notes = append(notes, corpus.Footnote{Number: n, Text: urn, References: []string{urn}})
		paras[i].Footnotes = []int{n}
	}
	return notes
}

func (g *generator) heading() string {
	return strings.TrimRight(g.sentence(3+g.rng.Intn(4)), ".,")
}

// sentence returns n words drawn from the vocabulary, as sentences.
func (g *generator) sentence(n int) string {
	b := make([]byte, 0, n*7)
	start := true
	for i := 0; i < n; i++ {
		w := g.words[g.zipf.Uint64()]
		if start && len(w) > 0 && w[0] >= 'a' && w[0] <= 'z' {
			b = append(b, w[0]-32)
			b = append(b, w[1:]...)
		} else {
			b = append(b, w...)
		}
		start = false
		switch {
		case i == n-1 || g.rng.Intn(18) == 0:
			b = append(b, '.')
			start = true
		case g.rng.Intn(12) == 0:
			b = append(b, ',')
		}
		if i < n-1 {
			b = append(b, ' ')
		}
	}
	return string(b)
}

func appendUnique(list []string, v string) []string {
	for _, x := range list {
		if x == v {
			return list
		}
	}
	return append(list, v)
}
