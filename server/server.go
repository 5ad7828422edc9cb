package server

import (
	"context"
	"embed"
	"io/fs"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/gorilla/mux"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/search"
)

//go:embed templates static
var assets embed.FS

// Backend is what the server needs of the search layer.
type Backend interface {
	Search(ctx context.Context, r search.Request) (*search.Result, error)
	Document(ctx context.Context, id string) (*corpus.Document, error)
	Suggest(ctx context.Context, prefix string) (*search.Suggestions, error)
}

// Options configures a Server.
type Options struct {
	SearchTimeout time.Duration // per search; default 5 s
	Logger        *slog.Logger
}

// Server is the HTTP handler of the service. It is safe for concurrent use.
type Server struct {
	backend Backend
	opts    Options
	log     *slog.Logger
	router  *mux.Router
	pages   *templates
}

// New returns the server's handler over a search backend.
func New(backend Backend, opts Options) (*Server, error) {
	if opts.SearchTimeout <= 0 {
		opts.SearchTimeout = 5 * time.Second
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	t, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	s := &Server{backend: backend, opts: opts, log: opts.Logger, router: mux.NewRouter(), pages: t}
	s.routes()
	return s, nil
}

func (s *Server) routes() {
	r := s.router
	r.HandleFunc("/healthz", s.healthz).Methods(http.MethodGet, http.MethodHead)
	s.registerAPIRoutes(r)
	s.registerPageRoutes(r)
	static, _ := fs.Sub(assets, "static")
	r.PathPrefix("/static/").Handler(http.StripPrefix("/static/", cacheFor(http.FileServerFS(static), time.Hour)))
	r.NotFoundHandler = http.HandlerFunc(s.notFound)
	r.MethodNotAllowedHandler = http.HandlerFunc(s.methodNotAllowed)
}

// registerAPIRoutes adds the JSON API. Unknown paths and methods under
// /api/ get JSON errors from the router's own not-found and
// method-not-allowed handlers, which tell API paths from pages.
func (s *Server) registerAPIRoutes(r *mux.Router) {
	r.HandleFunc("/api/v1/search", s.api(s.apiSearch)).Methods(http.MethodGet)
	r.HandleFunc("/api/v1/documents/{id}", s.api(s.apiDocument)).Methods(http.MethodGet)
	r.HandleFunc("/api/v1/suggest", s.api(s.apiSuggest)).Methods(http.MethodGet)
}

func (s *Server) registerPageRoutes(r *mux.Router) {
	r.HandleFunc("/", s.page(s.searchPage)).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/search", s.page(s.searchPage)).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/documents/{id}", s.page(s.documentPage)).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/help", s.page(s.helpPage)).Methods(http.MethodGet, http.MethodHead)
}

// ServeHTTP adds the headers every response carries, and turns a panic in
// a handler into a logged 500 instead of a dropped connection.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
	defer func() {
		if v := recover(); v != nil {
			s.log.Error("panic in handler", "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
			writeJSON(w, http.StatusInternalServerError, map[string]any{"error": map[string]string{"code": "internal", "message": "something went wrong on our side"}})
		}
	}()
	s.router.ServeHTTP(w, r)
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
	err := &apiError{status: http.StatusMethodNotAllowed, code: "method_not_allowed", message: "this route answers GET only"}
	if isAPI(r) {
		s.api(func(http.ResponseWriter, *http.Request) error { return err })(w, r)
		return
	}
	s.page(func(http.ResponseWriter, *http.Request) error { return err })(w, r)
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
