// Command inquirysearch crawls, indexes and serves full-text search over
// published public inquiry reports.
//
// Usage:
//
//	inquirysearch [serve] [--addr 127.0.0.1:8080] [--data DIR]
//	inquirysearch crawl --seed URL ... [--data DIR]
//	inquirysearch index [--data DIR]
//	inquirysearch search [--data DIR] [--json] QUERY...
//	inquirysearch loadtest [--target URL] [--rate N] [--duration D]
//
// With no arguments it serves; with an empty data directory, serve first
// crawls and indexes the embedded sample site, so there is something to
// search at once.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, "inquirysearch:", err)
		os.Exit(1)
	}
}

const usage = `inquirysearch: full-text search over published public inquiry reports.

Usage:
  inquirysearch [command] [flags]

Commands:
  serve    serve the search page and JSON API (the default command)
  crawl    fetch pages from seed URLs into the corpus
  index    build the search index from the corpus
  extract  read one page or file and say how it was read (--explain)
  search   search the index from the terminal
  gen      write a synthetic corpus of a given size, for benchmarks
  bench    measure a data directory: hit counts, latency by query kind
  loadtest drive a running server on this machine at a fixed rate

Run "inquirysearch COMMAND --help" for a command's flags.
`

// run is the whole program, apart from process signals and exit codes, so
// that tests can run it in-process.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cmd := "serve"
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return runServe(ctx, args, stdout, stderr)
	case "crawl":
		return runCrawl(ctx, args, stdout, stderr)
	case "index":
		return runIndex(ctx, args, stdout, stderr)
	case "extract":
		return runExtract(ctx, args, stdout, stderr)
	case "search":
		return runSearch(ctx, args, stdout, stderr)
	case "bench":
		return runBench(ctx, args, stdout, stderr)
	case "gen":
		return runGen(ctx, args, stdout, stderr)
	case "loadtest":
		return runLoadtest(ctx, args, stdout, stderr)
	case "help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", cmd)
}
