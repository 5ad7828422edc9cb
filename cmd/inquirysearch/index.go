package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/crawl"
)

func runIndex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("index", "index [--data DIR]\n       inquirysearch index --from-warc FILE... [--data DIR]\n       inquirysearch index --from-jsonl FILE [--data DIR]", stderr)
	data := fs.String("data", defaultDataDir(), "data directory holding the corpus and the index (env INQUIRYSEARCH_DATA)")
	fromWARC := fs.Bool("from-warc", false, "first extract the pages archived in the WARC files named as arguments (ours, wget's, other crawlers') into the corpus")
	fromJSONL := fs.String("from-jsonl", "", "first add the documents of this JSON-lines file (see the README) to the corpus")
	replaceSample := fs.Bool("replace-sample", false, "remove the embedded sample site's pages from the data directory before importing real pages")
	memLimit := fs.String("memory-limit", "", "soft limit on the build's Go heap, such as 1300MiB or 2GiB: the collector works harder as it nears it, trading build time for peak memory (default: GOMEMLIMIT, else none)")
	verbose := fs.Bool("verbose", false, "log debug detail")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *memLimit != "" {
		n, err := parseBytes(*memLimit)
		if err != nil {
			return fmt.Errorf("--memory-limit: %w", err)
		}
		debug.SetMemoryLimit(n)
	}
	log := newLogger(stderr, *verbose)
	dirs := dataDirs{root: *data}
	switch {
	case *fromWARC && fs.NArg() == 0:
		return fmt.Errorf("index --from-warc needs at least one WARC file")
	case !*fromWARC && fs.NArg() > 0:
		return fmt.Errorf("index takes no arguments, got %q (WARC files need --from-warc)", fs.Args())
	case *fromJSONL != "":
		if err := importJSONL(ctx, dirs, *fromJSONL, *replaceSample, stdout); err != nil {
			return err
		}
	case *fromWARC:
		store, err := crawl.OpenStore(dirs.corpus())
		if err != nil {
			return err
		}
		if _, err := clearSample(store, dirs.root, "an import of WARC files", *replaceSample, stdout); err != nil {
			return err
		}
		gaz, err := corpus.DefaultGazetteer()
		if err != nil {
			return err
		}
		rep, err := crawl.ImportWARC(ctx, store, gaz, fs.Args(), log)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Read %d WARC files: %d pages stored, %d duplicates, %d skipped, %d failed.\n",
			fs.NArg(), rep.Stored, rep.Duplicates, rep.Skipped, rep.Failed)
	}
	return buildIndex(ctx, dirs, stdout, log)
}

// importJSONL adds a JSON-lines corpus to the store: every line is checked
// before any is written. Real documents go into no store holding the
// sample unless replaceSample removes it.
func importJSONL(ctx context.Context, dirs dataDirs, path string, replaceSample bool, stdout io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("from-jsonl: %w", err)
	}
	defer f.Close()
	docs, err := crawl.ReadJSONL(ctx, f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	store, err := crawl.OpenStore(dirs.corpus())
	if err != nil {
		return err
	}
	if slices.ContainsFunc(docs, func(d *corpus.Document) bool { return !corpus.IsSample(d.URL) }) {
		if _, err := clearSample(store, dirs.root, "an import of real documents", replaceSample, stdout); err != nil {
			return err
		}
	}
	for _, d := range docs {
		if err := store.PutDocument(d); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "Added %d documents from %s to the corpus.\n", len(docs), path)
	return nil
}
