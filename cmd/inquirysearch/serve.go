package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"time"

	"github.com/inquirysearch/inquirysearch/corpus/crawl"
	"github.com/inquirysearch/inquirysearch/indexer"
	"github.com/inquirysearch/inquirysearch/search"
	"github.com/inquirysearch/inquirysearch/server"
)

// minAdminToken is the shortest admin token serve accepts, in bytes.
const minAdminToken = 16

// checkPublicURL accepts an empty value or an absolute http(s) URL without
// a query or fragment.
func checkPublicURL(v string) error {
	if v == "" {
		return nil
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("--public-url %q is not an absolute http or https URL such as https://search.example.org", v)
	}
	return nil
}

// adminTokenEnv names the environment variable holding the admin API's
// bearer token; without it the admin API is off.
const adminTokenEnv = "INQUIRYSEARCH_ADMIN_TOKEN"

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", "serve [--addr HOST:PORT] [--data DIR]", stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (port 0 picks a free port)")
	data := fs.String("data", defaultDataDir(), "data directory holding the corpus and the index (env INQUIRYSEARCH_DATA)")
	timeout := fs.Duration("search-timeout", server.DefaultSearchTimeout, "longest time one request may take")
	exportTimeout := fs.Duration("export-timeout", server.DefaultExportTimeout, "longest time one export may take")
	rateLimit := fs.Float64("rate-limit", 10, "searches and pages per second allowed to one client address (0: no limit)")
	burst := fs.Int("burst", 30, "requests one client may make at once before the rate limit applies")
	proxies := fs.String("trusted-proxies", "", "comma-separated addresses or CIDR prefixes of proxies whose X-Forwarded-For is believed")
	var seeds stringList
	fs.Var(&seeds, "seed", "URL the admin crawl fetches (repeatable; default: the embedded sample site)")
	notice := fs.String("notice", server.DefaultNotice.Text, `content notice shown on each page until dismissed ("-": none)`)
	supportURL := fs.String("support-url", server.DefaultNotice.SupportURL, "the content notice's link to support services")
	supportLabel := fs.String("support-label", server.DefaultNotice.SupportLabel, "the text of the support link")
	publicURL := fs.String("public-url", "", "the address clients reach this server at (http[s]://host[:port][/path]), for absolute links in feeds and exports; default: from each request's Host header")
	connsPerClient := fs.Int("max-conns-per-client", 64, "open connections allowed from one address; more are closed at once")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the whole run to this file, for a load test's account of where the time went")
	verbose := fs.Bool("verbose", false, "log debug detail")
	glossary := glossaryFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("serve takes no arguments, got %q", fs.Args())
	}
	trusted, err := server.ParseTrustedProxies(*proxies)
	if err != nil {
		return fmt.Errorf("--trusted-proxies: %w", err)
	}
	log := newLogger(stderr, *verbose)
	if err := checkPublicURL(*publicURL); err != nil {
		return err
	}
	adminToken := os.Getenv(adminTokenEnv)
	if adminToken != "" && len(adminToken) < minAdminToken {
		return fmt.Errorf("%s is %d bytes long; an admin token must have at least %d, so that it cannot be guessed", adminTokenEnv, len(adminToken), minAdminToken)
	}
	if *connsPerClient < 1 {
		return fmt.Errorf("--max-conns-per-client must be 1 or more, not %d", *connsPerClient)
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
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
	reportStartup(stdout, dataDirs{root: *data}, meta)
	first := search.New(idx, meta, opts...)
	backend := &live{opts: opts, dirs: dataDirs{root: *data}, log: log, seeds: seeds}
	backend.swap(first)
	defer backend.close()
	if err := first.Warm(ctx); err != nil {
		return err
	}
	if adminToken != "" {
		log.Info("admin API enabled", "routes", "/api/v1/admin/reindex, /api/v1/admin/crawl")
	}

	cached, err := server.NewCached(backend, 2048)
	if err != nil {
		return err
	}
	handler, err := server.New(cached, server.Options{
		SearchTimeout:  *timeout,
		ExportTimeout:  *exportTimeout,
		Logger:         log,
		RateLimit:      server.RateLimit{Rate: *rateLimit, Burst: *burst},
		CheapRateLimit: server.RateLimit{Rate: 50 * max(*rateLimit, 1), Burst: 10 * max(*burst, 1)},
		TrustedProxies: trusted,
		Ready:          backend.ready,
		Admin:          server.Admin{Token: adminToken, Reindex: backend.reindex, Crawl: backend.crawl, Context: ctx},
		CrawlReport:    backend.crawlReport,
		Extraction:     backend.extraction,
		Notice:         server.Notice{Text: *notice, SupportURL: *supportURL, SupportLabel: *supportLabel},
		PublicURL:      *publicURL,
	})
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		// An idle keep-alive connection holds a file descriptor: it is
		// closed after a while, and one address holds a bounded number.
		IdleTimeout: 30 * time.Second,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(server.LimitConnections(ln, *connsPerClient, log)) }()
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

// reportStartup says what the server found: the index it serves and
// whether the corpus has changed since it was built.
func reportStartup(w io.Writer, dirs dataDirs, meta *indexer.Meta) {
	fmt.Fprintf(w, "Index %s: %d documents, %d paragraphs, %d recommendations, built %s.\n",
		meta.Version, meta.Documents, meta.Paragraphs, meta.Recommendations, meta.BuiltAt.Format(time.RFC3339))
	store, err := crawl.OpenStore(dirs.corpus())
	if err != nil {
		fmt.Fprintf(w, "The corpus cannot be read (%v); serving the index as it is.\n", err)
		return
	}
	n, err := store.Len()
	switch {
	case err != nil:
		fmt.Fprintf(w, "The corpus cannot be read (%v); serving the index as it is.\n", err)
	case n != meta.Documents:
		fmt.Fprintf(w, "The corpus holds %d documents but the index %d: run `inquirysearch index` (or the admin reindex) to bring it up to date.\n", n, meta.Documents)
	default:
		fmt.Fprintf(w, "The corpus holds the same %d documents.\n", n)
	}
}
