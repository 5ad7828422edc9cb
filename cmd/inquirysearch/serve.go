package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/inquirysearch/inquirysearch/search"
	"github.com/inquirysearch/inquirysearch/server"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", "serve [--addr HOST:PORT] [--data DIR]", stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (port 0 picks a free port)")
	data := fs.String("data", defaultDataDir(), "data directory holding the corpus and the index (env INQUIRYSEARCH_DATA)")
	timeout := fs.Duration("search-timeout", 5*time.Second, "longest time one search may take")
	verbose := fs.Bool("verbose", false, "log debug detail")
	glossary := glossaryFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("serve takes no arguments, got %q", fs.Args())
	}
	log := newLogger(stderr, *verbose)
	opts, err := glossary()
	if err != nil {
		return err
	}

	// Listen first, so that a bad or busy address fails at once.
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	defer ln.Close()

	idx, meta, err := openOrPrepare(ctx, dataDirs{root: *data}, stdout, log)
	if err != nil {
		return err
	}
	searcher := search.New(idx, meta, opts...)
	defer searcher.Close()

	handler, err := server.New(searcher, server.Options{SearchTimeout: *timeout, Logger: log})
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	fmt.Fprintf(stdout, "Inquiry Search is ready at http://%s/ (%d documents; press Ctrl-C to stop)\n", ln.Addr(), meta.Documents)

	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	fmt.Fprintln(stdout, "Shutting down...")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}
