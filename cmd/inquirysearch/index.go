package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/crawl"
)

const indexSynopsis = `index [--data DIR]
       inquirysearch index --from-warc FILE... [--data DIR]
       inquirysearch index --from-jsonl FILE [--data DIR]`

// indexConfig is one index build as the command line asks for it.
type indexConfig struct {
	Data        string   // the data directory
	WARCs       []string // WARC files to extract into the corpus first
	JSONL       string   // a JSON-lines file to add to the corpus first, or ""
	MemoryLimit int64    // soft limit on the Go heap in bytes; 0: GOMEMLIMIT's
	// ReplaceSample removes the sample's pages before real ones are
	// imported into a data directory holding them.
	ReplaceSample bool
	Verbose       bool
	CPUProfile    string // write a CPU profile of the import and build here, or ""
}

// parseIndex reads the index subcommand's flags and checks that the
// arguments agree with them.
func parseIndex(args []string, stderr io.Writer) (*indexConfig, error) {
	fs := newFlagSet("index", indexSynopsis, stderr)
	cfg := &indexConfig{}
	dataFlag(fs, &cfg.Data)
	fromWARC := fs.Bool("from-warc", false, "first extract the pages archived in the WARC files named as arguments (ours, wget's, other crawlers') into the corpus")
	fs.StringVar(&cfg.JSONL, "from-jsonl", "", "first add the documents of this JSON-lines file (see the README) to the corpus")
	fs.BoolVar(&cfg.ReplaceSample, "replace-sample", false, "remove the embedded sample site's pages from the data directory before importing real pages")
	memLimit := fs.String("memory-limit", "", "soft limit on the build's Go heap, such as 1300MiB or 2GiB: the collector works harder as it nears it, trading build time for peak memory (default: GOMEMLIMIT, else none)")
	fs.BoolVar(&cfg.Verbose, "verbose", false, "log debug detail")
	fs.StringVar(&cfg.CPUProfile, "cpuprofile", "", "write a CPU profile of the import and the build to this file")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	switch {
	case *fromWARC && fs.NArg() == 0:
		return nil, errors.New("index --from-warc needs at least one WARC file")
	case !*fromWARC && fs.NArg() > 0:
		return nil, fmt.Errorf("index takes no arguments, got %q (WARC files need --from-warc)", fs.Args())
	case *fromWARC && cfg.JSONL != "":
		return nil, errors.New("index takes --from-warc or --from-jsonl, not both")
	}
	if *fromWARC {
		cfg.WARCs = fs.Args()
	}
	if *memLimit != "" {
		n, err := parseBytes(*memLimit)
		if err != nil {
			return nil, fmt.Errorf("--memory-limit: %w", err)
		}
		cfg.MemoryLimit = n
	}
	return cfg, nil
}

func runIndex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseIndex(args, stderr)
	if err != nil {
		return err
	}
	if cfg.MemoryLimit > 0 {
		debug.SetMemoryLimit(cfg.MemoryLimit)
	}
	if cfg.CPUProfile != "" {
		stop, err := startCPUProfile(cfg.CPUProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	log := newLogger(stderr, cfg.Verbose)
	dirs := dataDirs{root: cfg.Data}
	switch {
	case cfg.JSONL != "":
		docs, whole, err := importJSONL(ctx, dirs, cfg.JSONL, cfg.ReplaceSample, stdout)
		if err != nil {
			return err
		}
		if whole {
			// The corpus is what was just imported: index it as read,
			// rather than read every document back from its file (at 100k
			// documents that took longer than writing them).
			return buildIndexOf(ctx, dirs, docs, stdout, log)
		}
	case len(cfg.WARCs) > 0:
		store, err := crawl.OpenStore(dirs.corpus())
		if err != nil {
			return err
		}
		if _, err := clearSample(store, dirs.root, "an import of WARC files", cfg.ReplaceSample, stdout); err != nil {
			return err
		}
		gaz, err := corpus.DefaultGazetteer()
		if err != nil {
			return err
		}
		rep, err := crawl.ImportWARC(ctx, store, gaz, cfg.WARCs, log)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Read %d WARC files: %d pages stored, %d duplicates, %d skipped, %d failed.\n",
			len(cfg.WARCs), rep.Stored, rep.Duplicates, rep.Skipped, rep.Failed)
	}
	return buildIndex(ctx, dirs, stdout, log)
}

// importJSONL adds a JSON-lines corpus to the store: every line is checked
// before any is written. Real documents go into no store holding the
// sample unless replaceSample removes it. It returns the documents, and
// whether they are the whole corpus (the store held none before).
func importJSONL(ctx context.Context, dirs dataDirs, path string, replaceSample bool, stdout io.Writer) ([]*corpus.Document, bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false, fmt.Errorf("from-jsonl: %w", err)
	}
	defer f.Close()
	docs, err := crawl.ReadJSONL(ctx, f)
	if err != nil {
		return nil, false, fmt.Errorf("%s: %w", path, err)
	}
	store, err := crawl.OpenStore(dirs.corpus())
	if err != nil {
		return nil, false, err
	}
	if slices.ContainsFunc(docs, func(d *corpus.Document) bool { return !corpus.IsSample(d.URL) }) {
		if _, err := clearSample(store, dirs.root, "an import of real documents", replaceSample, stdout); err != nil {
			return nil, false, err
		}
	}
	before, err := store.Len()
	if err != nil {
		return nil, false, err
	}
	if err := store.PutDocuments(ctx, docs); err != nil {
		return nil, false, err
	}
	fmt.Fprintf(stdout, "Added %d documents from %s to the corpus.\n", len(docs), path)
	return docs, before == 0, nil
}
