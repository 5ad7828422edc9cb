package crawl

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/extract"
)

// JSONLDocument is one line of a bring-your-own corpus: documents made by
// another pipeline, or another benchmark's corpus, given as JSON lines.
// Either Body (paragraphs separated by blank lines) or Paragraphs is set.
type JSONLDocument struct {
	ID            string             `json:"id"`
	Title         string             `json:"title"`
	Body          string             `json:"body"`
	Paragraphs    []corpus.Paragraph `json:"paragraphs"`
	Investigation string             `json:"investigation"`
	Type          string             `json:"type"`
	Published     string             `json:"published"`
	Places        []string           `json:"places"`
	URL           string             `json:"url"`
	Report        string             `json:"report"`
}

// maxJSONLLine bounds one line of a JSON-lines corpus.
const maxJSONLLine = 64 << 20

// ReadJSONL reads a JSON-lines corpus into documents, checking every line
// first: a bad line is an error naming its line number, and nothing is
// returned, so a failed import stores nothing.
func ReadJSONL(ctx context.Context, r io.Reader) ([]*corpus.Document, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxJSONLLine)
	var docs []*corpus.Document
	seen := map[string]int{}
	for line := 1; sc.Scan(); line++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		var in JSONLDocument
		if err := json.Unmarshal([]byte(text), &in); err != nil {
			return nil, fmt.Errorf("jsonl line %d: %w", line, err)
		}
		d, err := in.document()
		if err != nil {
			return nil, fmt.Errorf("jsonl line %d: %w", line, err)
		}
		if first, dup := seen[d.ID]; dup {
			return nil, fmt.Errorf("jsonl line %d: id %q repeats line %d", line, in.ID, first)
		}
		seen[d.ID] = line
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read jsonl: %w", err)
	}
	return docs, nil
}

func (in JSONLDocument) document() (*corpus.Document, error) {
	if strings.TrimSpace(in.ID) == "" {
		return nil, fmt.Errorf("no id")
	}
	if in.Body != "" && len(in.Paragraphs) > 0 {
		return nil, fmt.Errorf("both body and paragraphs")
	}
	typ := corpus.Type(strings.TrimSpace(in.Type))
	if typ == "" {
		typ = corpus.TypeOther
	}
	if !slices.Contains(corpus.Types, typ) {
		return nil, fmt.Errorf("unknown type %q", in.Type)
	}
	if in.Published != "" {
		if _, err := time.Parse("2006-01-02", in.Published); err != nil {
			return nil, fmt.Errorf("published %q is not YYYY-MM-DD", in.Published)
		}
	}
	// Ids of our store are hashes; the given id keeps the document's
	// identity, so re-importing the same corpus replaces its documents.
	key := in.URL
	if key == "" {
		key = "jsonl:" + in.ID
	}
	d := &corpus.Document{
		ID: corpus.IDFor(key), URL: in.URL, Title: in.Title, Report: in.Report, Investigation: in.Investigation,
		Type: typ, Published: in.Published, Places: in.Places,
	}
	if d.Title == "" {
		d.Title = in.ID
	}
	if len(in.Paragraphs) > 0 {
		labels := map[string]bool{}
		for i, p := range in.Paragraphs {
			p.Text = strings.TrimSpace(p.Text)
			if p.Number == "" {
				p.Number = fmt.Sprintf("u%d", i+1)
			}
			if labels[p.Number] {
				return nil, fmt.Errorf("paragraph number %q repeats", p.Number)
			}
			labels[p.Number] = true
			d.Paragraphs = append(d.Paragraphs, corpus.Paragraph{Number: p.Number, Text: p.Text})
		}
	} else {
		for i, block := range strings.Split(strings.ReplaceAll(in.Body, "\r\n", "\n"), "\n\n") {
			if t := extract.NormaliseSpace(block); t != "" {
				d.Paragraphs = append(d.Paragraphs, corpus.Paragraph{Number: fmt.Sprintf("u%d", i+1), Text: t})
			}
		}
	}
	d.ContentHash = corpus.ContentHash(d)
	return d, nil
}
