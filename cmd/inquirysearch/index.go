package main

import (
	"context"
	"fmt"
	"io"
)

func runIndex(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("index", "index [--data DIR]", stderr)
	data := fs.String("data", defaultDataDir(), "data directory holding the corpus and the index (env INQUIRYSEARCH_DATA)")
	verbose := fs.Bool("verbose", false, "log debug detail")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("index takes no arguments, got %q", fs.Args())
	}
	return buildIndex(ctx, dataDirs{root: *data}, stdout, newLogger(stderr, *verbose))
}
