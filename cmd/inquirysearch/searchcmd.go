package main

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"os"
	"strings"

	"github.com/inquirysearch/inquirysearch/indexer"
	"github.com/inquirysearch/inquirysearch/search"
)

func runSearch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("search", "search [--data DIR] [--json] [--page N] [--size N] [--sort relevance|newest|oldest] QUERY...", stderr)
	data := fs.String("data", defaultDataDir(), "data directory holding the corpus and the index (env INQUIRYSEARCH_DATA)")
	asJSON := fs.Bool("json", false, "print the search API's JSON instead of text")
	page := fs.Int("page", 1, "page of results")
	size := fs.Int("size", search.DefaultSize, "results per page")
	sortBy := fs.String("sort", search.SortRelevance, "relevance, newest or oldest")
	var filters [5]stringList
	for i, f := range search.Facets {
		fs.Var(&filters[i], f, "filter by "+f+" (repeatable)")
	}
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: inquirysearch search [flags] QUERY...\n\n%s\nFlags:\n", queryHelp)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	idx, meta, err := indexer.Open(dataDirs{root: *data}.index())
	if err != nil {
		return fmt.Errorf("%w (build one with `inquirysearch index`, or run `inquirysearch serve` once)", err)
	}
	s := search.New(idx, meta)
	defer s.Close()

	req := search.Request{Query: strings.Join(fs.Args(), " "), Page: *page, Size: *size, Sort: *sortBy, Filters: search.Filters{}}
	for i, f := range search.Facets {
		if len(filters[i]) > 0 {
			req.Filters[f] = filters[i]
		}
	}
	res, err := s.Search(ctx, req)
	if err != nil {
		return err
	}
	if *asJSON {
		return json.NewEncoder(stdout).Encode(res)
	}
	printResult(stdout, res, isTerminal(stdout))
	return nil
}

const queryHelp = `Query syntax:
  words          every word must appear (stemmed: "records" also finds "recorded")
  "a phrase"     the exact words in this order, within one paragraph
  a OR b         either word
  -word          leave out documents with this word (or -"a phrase")
  field:value    filter: investigation, type, place, year or institution,
                 e.g. place:Ashcombe type:recommendations year:2021
                 investigation:"Organised networks"
`

func printResult(w io.Writer, res *search.Result, color bool) {
	fmt.Fprintf(w, "%d documents", res.Total)
	if res.Parsed != "" {
		fmt.Fprintf(w, " for %s", res.Parsed)
	}
	fmt.Fprintf(w, " (page %d of %d, %.1f ms)\n\n", res.Page, max(res.Pages(), 1), res.TookMS)
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
