package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"io"
	"os"
	"strings"

	"github.com/inquirysearch/inquirysearch/indexer"
	"github.com/inquirysearch/inquirysearch/search"
	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

const searchSynopsis = "search [--data DIR] [--json] [--page N] [--size N] [--sort relevance|newest|oldest] [--from DATE] [--to DATE] [--no-expand] [--glossary FILE] QUERY..."

// searchConfig is one search from the terminal.
type searchConfig struct {
	Data    string         // the data directory
	JSON    bool           // print the API's JSON
	Request search.Request // the query (the arguments) and its flags
	Search  []search.Option
}

// parseSearch reads the search subcommand's flags; the page size and sort
// default to the search package's own defaults.
func parseSearch(args []string, stderr io.Writer) (*searchConfig, error) {
	fs := newFlagSet("search", searchSynopsis, stderr)
	cfg := &searchConfig{}
	r := &cfg.Request
	dataFlag(fs, &cfg.Data)
	fs.BoolVar(&cfg.JSON, "json", false, "print the search API's JSON instead of text")
	fs.IntVar(&r.Page, "page", 1, "page of results")
	fs.IntVar(&r.Size, "size", search.DefaultSize, "results per page")
	fs.StringVar(&r.Sort, "sort", search.SortRelevance, "relevance, newest or oldest")
	fs.StringVar(&r.From, "from", "", "published on or after: a year, month or day (2019, 2019-06, 2019-06-01)")
	fs.StringVar(&r.To, "to", "", "published on or before: a year, month or day")
	fs.BoolVar(&r.NoExpand, "no-expand", false, "do not expand acronyms from the glossary")
	glossary := glossaryFlag(fs)
	filters := make([]stringList, len(search.Facets))
	for i, f := range search.Facets {
		fs.Var(&filters[i], f, "filter by "+f+" (repeatable)")
	}
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: inquirysearch search [flags] QUERY...\n\n%s\nFlags:\n", searchapi.HelpText())
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	r.Query = strings.Join(fs.Args(), " ")
	r.Filters = search.Filters{}
	for i, f := range search.Facets {
		if len(filters[i]) > 0 {
			r.Filters[f] = filters[i]
		}
	}
	var err error
	if cfg.Search, err = glossary(); err != nil {
		return nil, err
	}
	return cfg, nil
}

func runSearch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseSearch(args, stderr)
	if err != nil {
		return err
	}
	idx, meta, err := indexer.Open(dataDirs{root: cfg.Data}.index())
	if err != nil {
		return fmt.Errorf("%w (build one with `inquirysearch index`, or run `inquirysearch serve` once)", err)
	}
	s := search.New(idx, meta, cfg.Search...)
	defer s.Close()
	res, err := s.Search(ctx, cfg.Request)
	if err != nil {
		return err
	}
	if cfg.JSON {
		return json.NewEncoder(stdout).Encode(res)
	}
	printResult(stdout, res, isTerminal(stdout))
	return nil
}

// glossaryFlag adds --glossary to fs and returns a function giving the
// search options it asks for, once the flags are parsed.
func glossaryFlag(fs *flag.FlagSet) func() ([]search.Option, error) {
	path := fs.String("glossary", "", "file of acronyms and their expansions (ACRONYM = expansion | ...), instead of the built-in one")
	return func() ([]search.Option, error) {
		if *path == "" {
			return nil, nil
		}
		g, err := search.LoadGlossary(*path)
		if err != nil {
			return nil, err
		}
		return []search.Option{search.WithGlossary(g)}, nil
	}
}

func printResult(w io.Writer, res *search.Result, color bool) {
	fmt.Fprintf(w, "%d documents", res.Total)
	if res.Parsed != "" {
		fmt.Fprintf(w, " for %s", res.Parsed)
	}
	fmt.Fprintf(w, " (page %d of %d, %.1f ms)\n", res.Page, max(res.Pages(), 1), res.TookMS)
	for _, e := range res.Expanded {
		fmt.Fprintf(w, "Also searched for %s as %q (use =%s to search for it alone)\n", e.Term, strings.Join(e.With, `" or "`), e.Term)
	}
	if res.DidYouMean != "" {
		fmt.Fprintf(w, "Did you mean: %s\n", res.DidYouMean)
	}
	fmt.Fprintln(w)
	for i, h := range res.Hits {
		fmt.Fprintf(w, "%d. %s\n", (res.Page-1)*res.Size+i+1, h.Title)
		var meta []string
		for _, m := range []string{h.Report, h.Published, h.Type} {
			if m != "" {
				meta = append(meta, m)
			}
		}
		fmt.Fprintf(w, "   %s\n   %s\n", strings.Join(meta, " · "), h.URL)
		if len(h.Paragraphs) > 0 {
			fmt.Fprintf(w, "   paragraphs: %s\n", strings.Join(h.Paragraphs, ", "))
		}
		if h.Snippet != "" {
			fmt.Fprintf(w, "   %s\n", plainSnippet(h.Snippet, color))
		}
		fmt.Fprintln(w)
	}
}

// plainSnippet turns the HTML snippet into terminal text: matches in bold
// on a terminal, between asterisks elsewhere.
func plainSnippet(s string, color bool) string {
	on, off := "*", "*"
	if color {
		on, off = "\x1b[1m", "\x1b[0m"
	}
	s = strings.NewReplacer("<mark>", on, "</mark>", off).Replace(s)
	return html.UnescapeString(s)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
