package server

import (
	"embed"
	"io/fs"
	"log/slog"
	"net/http"
	"net/netip"
	"runtime"
	"strings"
	"time"

	"github.com/gorilla/mux"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/crawl"
	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

//go:embed templates static
var assets embed.FS

// Backend is what the server needs of the search layer: its one
// interface, so that the server depends on no index.
type Backend = searchapi.Service

// Deadlines of a request: the adapters (api, page) run every handler
// under one, so that no request's cost is unbounded.
const (
	DefaultSearchTimeout = 5 * time.Second
	// Exports read every result, a batch at a time, and write as they go.
	DefaultExportTimeout = 20 * time.Second
)

// Options configures a Server.
type Options struct {
	SearchTimeout  time.Duration // per request; default DefaultSearchTimeout
	ExportTimeout  time.Duration // per export; default DefaultExportTimeout
	Logger         *slog.Logger
	RateLimit      RateLimit      // per client, for searches and pages; zero means no limit
	CheapRateLimit RateLimit      // per client, for health, metrics and static files
	TrustedProxies []netip.Prefix // proxies whose X-Forwarded-For is believed
	Ready          func() error   // nil error when the service can answer searches
	Admin          Admin          // the authenticated admin API; off without a token
	PublicURL      string         // base URL for absolute links in feeds; default: from the request
	MaxInFlight    int            // searches and pages served at once; default 4 per CPU
	QueueWait      time.Duration  // how long a request waits for a slot before a 503; default 1 s
	// MaxHeavy is how many of the costliest requests (exports reading the
	// index, searches with a distance term) run at once, within
	// MaxInFlight; default half the CPUs, at least 1. One client has at
	// most one distance search in flight (429 past it).
	MaxHeavy int
	// ExportsPerClient bounds the exports one client address runs at once
	// (429 past it); default 2.
	ExportsPerClient int
	// ExportWriteTimeout is how long an export waits for its client to
	// take one buffer of rows before it gives up on the client; default 10 s.
	ExportWriteTimeout time.Duration
	// CrawlReport returns the last crawl's report for the status route;
	// nil, or crawl.ErrNotFound, when there is none.
	CrawlReport func() (*crawl.CrawlReport, error)
	// Extraction returns the summary of how the corpus's pages were read,
	// for the status route and the sample footer; nil when there is none.
	Extraction func() (*corpus.ExtractionSummary, error)
	Notice     Notice // the content notice; zero means DefaultNotice, Text "-" none
}

// Server is the HTTP handler of the service. It is safe for concurrent use.
type Server struct {
	backend    Backend
	opts       Options
	log        *slog.Logger
	router     *mux.Router
	pages      *templates
	metrics    *metrics
	limit      *limiter
	cheapLimit *limiter
	jobs       jobs
	coll       collectionCache // the home page's summary of the index
	slots      chan struct{}
	extraction *extractionCache
	exports    gate          // exports in flight, by client
	heavyUse   gate          // distance searches in flight, by client
	heavy      chan struct{} // the heavy pool (Server.isHeavy)
}

// New returns the server's handler over a search backend.
func New(backend Backend, opts Options) (*Server, error) {
	if opts.SearchTimeout <= 0 {
		opts.SearchTimeout = DefaultSearchTimeout
	}
	if opts.ExportTimeout <= 0 {
		opts.ExportTimeout = DefaultExportTimeout
	}
	if opts.MaxInFlight <= 0 {
		opts.MaxInFlight = 4 * runtime.NumCPU()
	}
	if opts.QueueWait <= 0 {
		opts.QueueWait = time.Second
	}
	if opts.MaxHeavy <= 0 {
		opts.MaxHeavy = max(1, runtime.NumCPU()/2)
	}
	if opts.ExportsPerClient <= 0 {
		opts.ExportsPerClient = 2
	}
	if opts.ExportWriteTimeout <= 0 {
		opts.ExportWriteTimeout = 10 * time.Second
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	extraction := &extractionCache{read: opts.Extraction}
	t, err := parseTemplates(noticeFor(opts.Notice), extraction.holdsSample)
	if err != nil {
		return nil, err
	}
	docs := func() float64 { return float64(backend.Info().Documents) }
	m := newMetrics(docs)
	if c, ok := backend.(interface{ collectors() []prometheus.Collector }); ok {
		m.registry.MustRegister(c.collectors()...)
	}
	s := &Server{backend: backend, opts: opts, log: opts.Logger, router: mux.NewRouter(), pages: t, extraction: extraction,
		slots: make(chan struct{}, opts.MaxInFlight), metrics: m, limit: newLimiter(opts.RateLimit), cheapLimit: newLimiter(opts.CheapRateLimit)}
	s.exports.max = opts.ExportsPerClient
	s.heavyUse.max = 1
	s.heavy = make(chan struct{}, opts.MaxHeavy)
	s.routes()
	return s, nil
}

func (s *Server) routes() {
	r := s.router
	r.HandleFunc("/healthz", s.healthz).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/readyz", s.readyz).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/metrics", s.metrics.handler()).Methods(http.MethodGet, http.MethodHead)
	s.registerAPIRoutes(r)
	s.registerPageRoutes(r)
	static, _ := fs.Sub(assets, "static")
	r.PathPrefix("/static/").Handler(http.StripPrefix("/static/", cacheFor(s.noListing(http.FileServerFS(static)), time.Hour))).
		Methods(http.MethodGet, http.MethodHead)
	r.Use(s.guard)
	r.NotFoundHandler = s.guard(http.HandlerFunc(s.notFound))
	r.MethodNotAllowedHandler = s.guard(http.HandlerFunc(s.methodNotAllowed))
}

// registerAPIRoutes adds the JSON API. Unknown paths and methods under
// /api/ get JSON errors from the router's own not-found and
// method-not-allowed handlers, which tell API paths from pages.
func (s *Server) registerAPIRoutes(r *mux.Router) {
	r.HandleFunc("/api/v1/search", s.api(s.apiSearch)).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/api/v1/documents/{id}", s.api(s.apiDocument)).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/api/v1/documents/{id}/similar", s.api(s.apiSimilar)).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/api/v1/documents/{id}/matches", s.api(s.apiDocumentMatches)).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/api/v1/status", s.api(s.status)).Methods(http.MethodGet, http.MethodHead)
	if s.opts.Admin.Token != "" {
		r.HandleFunc("/api/v1/admin/reindex", s.api(s.adminJob("reindex", s.opts.Admin.Reindex))).Methods(http.MethodPost)
		r.HandleFunc("/api/v1/admin/crawl", s.api(s.adminJob("crawl", s.opts.Admin.Crawl))).Methods(http.MethodPost)
	}
	r.HandleFunc("/api/v1/suggest", s.api(s.apiSuggest)).Methods(http.MethodGet, http.MethodHead)

	// Recommendations, evidence and exports.
	r.HandleFunc("/api/v1/recommendations", s.api(s.apiRecommendations)).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/api/v1/recommendations.csv", s.api(s.apiRecommendationsCSV)).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/api/v1/evidence/{urn}", s.api(s.apiEvidence)).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/api/v1/search.csv", s.apiWithin(s.opts.ExportTimeout, s.exportCSV)).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/api/v1/search.ndjson", s.apiWithin(s.opts.ExportTimeout, s.exportNDJSON)).Methods(http.MethodGet, http.MethodHead)

	// Checks of a quotation, and of a list of terms.
	r.HandleFunc("/api/v1/quote", s.api(s.apiQuote)).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/api/v1/batch", s.apiWithin(s.opts.ExportTimeout, s.apiBatch)).Methods(http.MethodPost)
	r.HandleFunc("/api/v1/batch.csv", s.apiWithin(s.opts.ExportTimeout, s.apiBatchCSV)).Methods(http.MethodPost)
}

func (s *Server) registerPageRoutes(r *mux.Router) {
	r.HandleFunc("/", s.page(s.searchPage)).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/search", s.page(s.searchPage)).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/documents/{id}", s.page(s.documentPage)).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/documents/{id}/similar", s.page(s.similarPage)).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/feed.atom", s.api(s.feed)).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/help", s.page(s.helpPage)).Methods(http.MethodGet, http.MethodHead)

	// Recommendations and evidence.
	r.HandleFunc("/recommendations", s.page(s.recommendationsPage)).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/evidence", s.page(s.evidenceLookupPage)).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/evidence/{urn}", s.page(s.evidencePage)).Methods(http.MethodGet, http.MethodHead)

	// Hearings: every sitting at which one person spoke.
	r.HandleFunc("/speakers/{name}", s.page(s.speakerPage)).Methods(http.MethodGet, http.MethodHead)

	// Checks of a quotation, and of a list of terms.
	r.HandleFunc("/quote", s.page(s.quotePage)).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/batch", s.pageWithin(s.opts.ExportTimeout, s.batchPage)).Methods(http.MethodGet, http.MethodHead, http.MethodPost)
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("ok\n"))
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	if isAPI(r) {
		s.api(func(http.ResponseWriter, *http.Request) error { return notFound("no such API route: " + r.URL.Path) })(w, r)
		return
	}
	s.page(func(http.ResponseWriter, *http.Request) error { return notFound("There is no page at this address.") })(w, r)
}

func (s *Server) methodNotAllowed(w http.ResponseWriter, r *http.Request) {
	allowed := s.allowedMethods(r)
	w.Header().Set("Allow", strings.Join(allowed, ", "))
	err := &apiError{status: http.StatusMethodNotAllowed, code: "method_not_allowed",
		message: "this route answers " + strings.Join(allowed, ", ") + " only"}
	if isAPI(r) {
		s.api(func(http.ResponseWriter, *http.Request) error { return err })(w, r)
		return
	}
	s.page(func(http.ResponseWriter, *http.Request) error { return err })(w, r)
}

// allowedMethods lists the methods some route answers at r's path, for
// the Allow header of a 405.
func (s *Server) allowedMethods(r *http.Request) []string {
	var out []string
	for _, m := range []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete, http.MethodOptions} {
		probe := r.Clone(r.Context())
		probe.Method = m
		var match mux.RouteMatch
		if s.router.Match(probe, &match) && match.MatchErr == nil {
			out = append(out, m)
		}
	}
	return out
}

// noListing answers a directory of the static files with 404 rather than
// a listing of what it holds.
func (s *Server) noListing(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "" || strings.HasSuffix(r.URL.Path, "/") {
			s.notFound(w, r)
			return
		}
		h.ServeHTTP(w, r)
	})
}

func isAPI(r *http.Request) bool {
	return len(r.URL.Path) >= 5 && r.URL.Path[:5] == "/api/"
}

func cacheFor(h http.Handler, d time.Duration) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age="+itoa(int(d.Seconds())))
		h.ServeHTTP(w, r)
	})
}
