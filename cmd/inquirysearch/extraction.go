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
	imported := ""
	if sum.Unrecorded > 0 {
		// Documents imported as JSON lines came already split into
		// paragraphs: nothing here read them, so nothing can be said of
		// how well.
		imported = fmt.Sprintf(", %d imported already read (JSON lines, no record)", sum.Unrecorded)
	}
	fmt.Fprintf(w, "Extraction: %d pages, %d read cleanly, %d with warnings%s; %d numbered and %d unnumbered paragraphs, %d footnotes.\n",
		sum.Pages, sum.Clean, sum.Warned, imported, sum.Numbered, sum.Unnumbered, sum.Footnotes)
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
