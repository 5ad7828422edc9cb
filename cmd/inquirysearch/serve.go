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

// serveConfig is the service as the command line asks for it.
type serveConfig struct {
	Addr string // to listen on; port 0 picks a free one
	Data string // the data directory
	// Server holds the options the flags set: deadlines, rate limits,
	// trusted proxies, the content notice, the public URL. serve adds the
	// rest (logger, readiness, admin jobs) when it starts.
	Server         server.Options
	Seeds          []string // what the admin crawl fetches; none: the sample site
	ConnsPerClient int      // open connections allowed from one address
	AdminToken     string   // from INQUIRYSEARCH_ADMIN_TOKEN; empty: no admin API
	Search         []search.Option
	Verbose        bool
	CPUProfile     string // a file for a CPU profile of the whole run, or ""
	// CacheEntries bounds the result cache; 0 turns it off, so that a
	// benchmark's repeated queries are really searched.
	CacheEntries int
}

// parseServe reads the serve subcommand's flags and environment into a
// serveConfig and checks them. Deadlines and the notice default to the
// server's own defaults.
func parseServe(args []string, stderr io.Writer) (*serveConfig, error) {
	fs := newFlagSet("serve", "serve [--addr HOST:PORT] [--data DIR]", stderr)
	cfg := &serveConfig{}
	o := &cfg.Server
	fs.StringVar(&cfg.Addr, "addr", defaultAddr, "address to listen on (port 0 picks a free port)")
	dataFlag(fs, &cfg.Data)
	fs.DurationVar(&o.SearchTimeout, "search-timeout", server.DefaultSearchTimeout, "longest time one request may take")
	fs.DurationVar(&o.ExportTimeout, "export-timeout", server.DefaultExportTimeout, "longest time one export may take")
	fs.Float64Var(&o.RateLimit.Rate, "rate-limit", server.DefaultRateLimit.Rate, "searches and pages per second allowed to one client address (0: no limit)")
	fs.IntVar(&o.RateLimit.Burst, "burst", server.DefaultRateLimit.Burst, "requests one client may make at once before the rate limit applies")
	proxies := fs.String("trusted-proxies", "", "comma-separated addresses or CIDR prefixes of proxies whose X-Forwarded-For is believed")
	var seeds stringList
	fs.Var(&seeds, "seed", "URL the admin crawl fetches (repeatable; default: the embedded sample site)")
	fs.StringVar(&o.Notice.Text, "notice", server.DefaultNotice.Text, `content notice shown on each page until dismissed ("-": none)`)
	fs.StringVar(&o.Notice.SupportURL, "support-url", server.DefaultNotice.SupportURL, "the content notice's link to support services")
	fs.StringVar(&o.Notice.SupportLabel, "support-label", server.DefaultNotice.SupportLabel, "the text of the support link")
	fs.StringVar(&o.PublicURL, "public-url", "", "the address clients reach this server at (http[s]://host[:port][/path]), for absolute links in feeds and exports; default: from each request's Host header")
	fs.IntVar(&cfg.ConnsPerClient, "max-conns-per-client", server.DefaultConnsPerClient, "open connections allowed from one address; more are closed at once")
	fs.StringVar(&cfg.CPUProfile, "cpuprofile", "", "write a CPU profile of the whole run to this file, for a load test's account of where the time went")
	fs.IntVar(&cfg.CacheEntries, "cache-entries", 2048, "search results kept in the result cache (0: no cache, every search is run)")
	fs.BoolVar(&cfg.Verbose, "verbose", false, "log debug detail")
	glossary := glossaryFlag(fs)
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("serve takes no arguments, got %q", fs.Args())
	}
	cfg.Seeds = seeds
	// Health checks, metrics and static files cost little: a looser limit.
	o.CheapRateLimit = server.RateLimit{Rate: 50 * max(o.RateLimit.Rate, 1), Burst: 10 * max(o.RateLimit.Burst, 1)}
	var err error
	if o.TrustedProxies, err = server.ParseTrustedProxies(*proxies); err != nil {
		return nil, fmt.Errorf("--trusted-proxies: %w", err)
	}
	if err := checkPublicURL(o.PublicURL); err != nil {
		return nil, err
	}
	cfg.AdminToken = os.Getenv(adminTokenEnv)
	if cfg.AdminToken != "" && len(cfg.AdminToken) < minAdminToken {
		return nil, fmt.Errorf("%s is %d bytes long; an admin token must have at least %d, so that it cannot be guessed", adminTokenEnv, len(cfg.AdminToken), minAdminToken)
	}
	if cfg.ConnsPerClient < 1 {
		return nil, fmt.Errorf("--max-conns-per-client must be 1 or more, not %d", cfg.ConnsPerClient)
	}
	if cfg.CacheEntries < 0 {
		return nil, fmt.Errorf("--cache-entries must be 0 (no cache) or more, not %d", cfg.CacheEntries)
	}
	if cfg.Search, err = glossary(); err != nil {
		return nil, err
	}
	return cfg, nil
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseServe(args, stderr)
	if err != nil {
		return err
	}
	log := newLogger(stderr, cfg.Verbose)
	opts := cfg.Search
	if cfg.CPUProfile != "" {
		stop, err := startCPUProfile(cfg.CPUProfile)
		if err != nil {
			return err
		}
		defer stop()
	}

	// Listen first, so that a bad or busy address fails at once.
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	defer ln.Close()

	dirs := dataDirs{root: cfg.Data}
	idx, meta, err := openOrPrepare(ctx, dirs, stdout, log)
	if err != nil {
		return err
	}
	reportStartup(stdout, dirs, meta)
	first := search.New(idx, meta, opts...)
	backend := &live{opts: opts, dirs: dirs, log: log, seeds: cfg.Seeds}
	backend.swap(first)
	defer backend.close()
	if err := first.Warm(ctx); err != nil {
		return err
	}
	if cfg.AdminToken != "" {
		log.Info("admin API enabled", "routes", "/api/v1/admin/reindex, /api/v1/admin/crawl")
	}

	var served server.Backend = backend
	if cfg.CacheEntries > 0 {
		if served, err = server.NewCached(backend, cfg.CacheEntries); err != nil {
			return err
		}
	}
	so := cfg.Server
	so.Logger, so.Ready = log, backend.ready
	so.Admin = server.Admin{Token: cfg.AdminToken, Reindex: backend.reindex, Crawl: backend.crawl, Context: ctx}
	so.CrawlReport, so.Extraction = backend.crawlReport, backend.extraction
	handler, err := server.New(served, so)
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
	go func() { errc <- srv.Serve(server.LimitConnections(ln, cfg.ConnsPerClient, log)) }()
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
