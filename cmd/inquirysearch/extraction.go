package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// worstShown is how many of the worst-read pages a summary prints; the
// JSON file keeps more.
const worstShown = 10

// printExtraction prints how the corpus's pages were read: the counts, the
// warnings by kind, and the worst pages, so an operator pointing the tool
// at a new site sees at once which pages it could not read.
func printExtraction(w io.Writer, sum *corpus.ExtractionSummary, path string) {
	if sum == nil {
		return
	}
	fmt.Fprintf(w, "Extraction: %d pages read, %d cleanly, %d with warnings; %d numbered and %d unnumbered paragraphs, %d footnotes.\n",
		sum.Pages, sum.Clean, sum.Warned, sum.Numbered, sum.Unnumbered, sum.Footnotes)
	if sum.Sample {
		fmt.Fprintln(w, "The corpus holds the embedded sample site (fictional pages).")
	}
	if len(sum.ByWarning) > 0 {
		fmt.Fprintf(w, "Warnings: %s.\n", countList(sum.ByWarning))
	}
	for i, p := range sum.Worst {
		if i == worstShown {
			fmt.Fprintf(w, "  ... and %d more in the report\n", len(sum.Worst)-worstShown)
			break
		}
		codes := make([]string, len(p.Warnings))
		for j, wn := range p.Warnings {
			codes[j] = wn.Code
		}
		fmt.Fprintf(w, "  %s  %s: %s\n", strings.Join(codes, ","), p.URL, p.Warnings[0].Detail)
	}
	if path != "" {
		fmt.Fprintf(w, "Extraction report: %s (see `inquirysearch extract --explain URL` for one page)\n", path)
	}
}
