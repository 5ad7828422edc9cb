package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/crawl"
	"github.com/inquirysearch/inquirysearch/corpus/extract"
)

// maxExplainBody bounds the page extract reads, as the crawler's default does.
const maxExplainBody = 50 << 20

// extractConfig is one page to read and how to print it.
type extractConfig struct {
	Source  string // a URL or a file
	URL     string // the URL a file was published at; "": made from its name
	Explain bool   // print how the page was read, block by block
	JSON    bool   // print the document as JSON
}

func parseExtract(args []string, stderr io.Writer) (*extractConfig, error) {
	fs := newFlagSet("extract", "extract [--explain] [--json] [--url URL] URL-or-FILE", stderr)
	cfg := &extractConfig{}
	fs.BoolVar(&cfg.Explain, "explain", false, "print how the page was read, block by block")
	fs.BoolVar(&cfg.JSON, "json", false, "print the extracted document as JSON")
	fs.StringVar(&cfg.URL, "url", "", "the URL a FILE was published at (default: one made from its name)")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return nil, errors.New("extract needs one URL or FILE")
	}
	cfg.Source = fs.Arg(0)
	return cfg, nil
}

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseExtract(args, stderr)
	if err != nil {
		return err
	}
	body, u, err := readPage(ctx, cfg.Source, cfg.URL)
	if err != nil {
		return err
	}
	gaz, err := corpus.DefaultGazetteer()
	if err != nil {
		return err
	}
	var doc *corpus.Document
	var trace *extract.Trace
	if bytes.HasPrefix(body, []byte("%PDF-")) {
		doc, err = extract.ExtractPDF(body, u, gaz)
	} else {
		doc, trace, err = extract.Explain(body, u, gaz)
	}
	if err != nil {
		return err
	}
	if cfg.JSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(doc)
	}
	fmt.Fprintf(stdout, "%s\n%s\n", u, doc.Title)
	if cfg.Explain && trace != nil {
		trace.WriteTo(stdout)
	}
	printRecord(stdout, doc)
	return nil
}

// printRecord prints one document's extraction record.
func printRecord(w io.Writer, d *corpus.Document) {
	e := d.Extraction
	if e == nil {
		return
	}
	where := e.Format
	if e.Container != "" {
		where += " " + e.Container
	}
	fmt.Fprintf(w, "Read from %s as %s: %d paragraphs (%d numbered, %d unnumbered, %d sub-paragraphs), %d footnotes (%d cited), %d markers.\n",
		where, d.Type, e.Paragraphs, e.Numbered, e.Unnumbered, e.Subparagraphs, e.Footnotes, e.FootnotesLinked, e.Markers)
	if len(e.Warnings) == 0 {
		fmt.Fprintln(w, "No warnings.")
	}
	for _, wn := range e.Warnings {
		fmt.Fprintf(w, "Warning %s: %s\n", wn.Code, wn.Detail)
	}
}

// readPage fetches a URL or reads a file, and names the URL it is read as.
func readPage(ctx context.Context, src, pageURL string) ([]byte, string, error) {
	if strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://") {
		ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
		defer cancel()
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, src, nil)
		if err != nil {
			return nil, "", fmt.Errorf("extract %s: %w", src, err)
		}
		req.Header.Set("User-Agent", crawl.DefaultUserAgent)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return nil, "", fmt.Errorf("extract %s: %w", src, err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return nil, "", fmt.Errorf("extract %s: %s", src, resp.Status)
		}
		body, err := io.ReadAll(io.LimitReader(resp.Body, maxExplainBody+1))
		if err != nil {
			return nil, "", fmt.Errorf("extract %s: %w", src, err)
		}
		if len(body) > maxExplainBody {
			return nil, "", fmt.Errorf("extract %s: larger than %d bytes", src, maxExplainBody)
		}
		if pageURL == "" {
			pageURL = resp.Request.URL.String()
		}
		return crawlBody(body), pageURL, nil
	}
	body, err := os.ReadFile(src)
	if err != nil {
		return nil, "", fmt.Errorf("extract: %w", err)
	}
	if pageURL == "" {
		pageURL = "https://local.invalid/" + strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))
	}
	return crawlBody(body), pageURL, nil
}

// crawlBody removes what a web archive inserts between its comment
// markers, as the crawler does before extraction.
func crawlBody(b []byte) []byte { return extract.StripArchiveChrome(b) }
