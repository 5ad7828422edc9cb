package main

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/crawl"
)

// defaultAddr is where serve listens and loadtest aims unless told
// otherwise: this machine only.
const defaultAddr = "127.0.0.1:8080"

// defaultDataDir is where the corpus and index live unless --data says
// otherwise; INQUIRYSEARCH_DATA overrides it.
func defaultDataDir() string {
	if d := os.Getenv("INQUIRYSEARCH_DATA"); d != "" {
		return d
	}
	return "inquirysearch-data"
}

// dataFlag adds --data, the data directory every subcommand but gen and
// loadtest reads, defaulting to defaultDataDir.
func dataFlag(fs *flag.FlagSet, p *string) {
	fs.StringVar(p, "data", defaultDataDir(), "data directory holding the corpus and the index (env INQUIRYSEARCH_DATA)")
}

// dataDirs names the parts of a data directory.
type dataDirs struct{ root string }

func (d dataDirs) corpus() string { return filepath.Join(d.root, "corpus") }
func (d dataDirs) index() string  { return filepath.Join(d.root, "index") }

// documents reads every document of the corpus; an empty corpus is an
// error, as nothing can be indexed or measured from it.
// A document that cannot be read is set aside (crawl.Store's
// ReadableDocuments) and logged, and the rest are returned without it.
func (d dataDirs) documents(log *slog.Logger) ([]*corpus.Document, error) {
	store, err := crawl.OpenStore(d.corpus())
	if err != nil {
		return nil, err
	}
	docs, aside, err := store.ReadableDocuments()
	if err != nil {
		return nil, err
	}
	for _, sa := range aside {
		log.Warn("an unreadable corpus document was set aside; crawl its page again to restore it",
			"id", sa.ID, "reason", sa.Reason, "moved_to", sa.Path)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("the corpus in %s holds no documents: run `inquirysearch crawl` first", d.corpus())
	}
	return docs, nil
}

// newFlagSet returns a flag set that prints its usage to stderr and
// reports --help as flag.ErrHelp.
func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: inquirysearch %s\n\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// newLogger logs text to a terminal and JSON lines elsewhere, where a log
// collector reads them.
func newLogger(stderr io.Writer, verbose bool) *slog.Logger {
	level := slog.LevelInfo
	if verbose {
		level = slog.LevelDebug
	}
	opts := &slog.HandlerOptions{Level: level}
	if isTerminal(stderr) {
		return slog.New(slog.NewTextHandler(stderr, opts))
	}
	return slog.New(slog.NewJSONHandler(stderr, opts))
}

// stringList is a repeatable string flag.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }
