package main

import (
	"context"
	"fmt"
	"io"

	"github.com/inquirysearch/inquirysearch/corpus"
)

func runIndex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("index", "index [--data DIR]\n       inquirysearch index --from-warc FILE... [--data DIR]", stderr)
	data := fs.String("data", defaultDataDir(), "data directory holding the corpus and the index (env INQUIRYSEARCH_DATA)")
	fromWARC := fs.Bool("from-warc", false, "first extract the pages archived in the WARC files named as arguments (ours, wget's, other crawlers') into the corpus")
	verbose := fs.Bool("verbose", false, "log debug detail")
	if err := fs.Parse(args); err != nil {
		return err
	}
	log := newLogger(stderr, *verbose)
	dirs := dataDirs{root: *data}
	switch {
	case *fromWARC && fs.NArg() == 0:
		return fmt.Errorf("index --from-warc needs at least one WARC file")
	case !*fromWARC && fs.NArg() > 0:
		return fmt.Errorf("index takes no arguments, got %q (WARC files need --from-warc)", fs.Args())
	case *fromWARC:
		store, err := corpus.OpenStore(dirs.corpus())
		if err != nil {
			return err
		}
		gaz, err := corpus.DefaultGazetteer()
		if err != nil {
			return err
		}
		rep, err := corpus.ImportWARC(ctx, store, gaz, fs.Args(), log)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Read %d WARC files: %d pages stored, %d duplicates, %d skipped, %d failed.\n",
			fs.NArg(), rep.Stored, rep.Duplicates, rep.Skipped, rep.Failed)
	}
	return buildIndex(ctx, dirs, stdout, log)
}
