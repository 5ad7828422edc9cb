package server

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"regexp"
	"runtime/debug"
	"strings"
	"time"

	"github.com/gorilla/mux"
)

// statusWriter remembers the status a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
	route  string // the route's path template, once the router has matched it
	client string
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.status, w.wrote = http.StatusOK, true
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// maxBodyBytes bounds a request body.
const maxBodyBytes = 64 << 10

var requestIDPattern = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// requestID keeps a well-formed X-Request-ID from a proxy, or makes one,
// so that one request can be followed through every log line.
func requestID(r *http.Request) string {
	if id := r.Header.Get("X-Request-ID"); requestIDPattern.MatchString(id) {
		return id
	}
	var b [8]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// cheap routes cost next to nothing and get their own, larger budget, so
// that health checks and stylesheets never eat into a client's searches.
func isCheap(route string) bool {
	return route == "/healthz" || route == "/readyz" || route == "/metrics" || strings.HasPrefix(route, "/static/")
}

// ServeHTTP runs every request through the same steps: a request id,
// security headers, the client's rate limit, panic recovery, then the
// router; and afterwards a log line and metrics.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	id := requestID(r)
	h := w.Header()
	h.Set("X-Request-ID", id)
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
	client := clientAddr(r, s.opts.TrustedProxies)
	sw := &statusWriter{ResponseWriter: w, status: http.StatusOK, route: "unmatched", client: client}

	defer func() {
		if v := recover(); v != nil {
			s.log.Error("panic in handler", "request_id", id, "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
			if !sw.wrote {
				s.internalError(sw, r)
			}
		}
		d := time.Since(start)
		s.metrics.observe(sw.route, r.Method, sw.status, d)
		s.log.Info("request", "request_id", id, "method", r.Method, "path", r.URL.Path, "route", sw.route,
			"status", sw.status, "duration_ms", float64(d.Microseconds())/1000, "client", client)
	}()

	// Only a batch search reads a body (its list of terms; the admin
	// routes need none): cap it so that no client can make the server
	// hold a large one.
	if r.Body != nil {
		r.Body = http.MaxBytesReader(sw, r.Body, maxBodyBytes)
	}
	s.router.ServeHTTP(sw, r)
}

// guard runs once the router has matched a request (or found none): it
// names the route by its path template, so that metrics group
// /documents/{id} as one route and not one per id, then applies the
// client's rate limit and takes a search slot. It runs as router
// middleware so that each request is routed once.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		route := "unmatched"
		if cr := mux.CurrentRoute(r); cr != nil {
			if t, err := cr.GetPathTemplate(); err == nil {
				route = t
			}
		}
		var client string
		if sw, ok := w.(*statusWriter); ok {
			sw.route, client = route, sw.client
		} else {
			client = clientAddr(r, s.opts.TrustedProxies)
		}
		lim := s.limit
		if isCheap(route) {
			lim = s.cheapLimit
		}
		if ok, wait := lim.allow(client, time.Now()); !ok {
			s.tooMany(w, r, wait)
			return
		}
		if !isCheap(route) {
			sl := &slot{s: s, r: r, pools: []chan struct{}{s.slots}}
			if heavy, distance := s.weigh(r, route); heavy {
				// The heavy place first: waiting for it must not hold a
				// search slot that an ordinary search could use.
				sl.pools = []chan struct{}{s.heavy, s.slots}
				if distance {
					if !s.heavyUse.enter(client) {
						s.refuse(w, r, &apiError{status: http.StatusTooManyRequests, code: "rate_limited",
							message: "one search with a distance (\"a b\"~N) at a time from one address; wait for the last to finish"}, "1")
						return
					}
					defer s.heavyUse.leave(client)
				}
			}
			if !sl.acquire() {
				s.busy(w, r)
				return
			}
			defer sl.release()
			r = withSlot(r, sl)
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	if s.opts.Ready != nil {
		if err := s.opts.Ready(); err != nil {
			w.Header().Set("Retry-After", "5")
			http.Error(w, "not ready: "+err.Error(), http.StatusServiceUnavailable)
			return
		}
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("ready\n"))
}

// internalError answers a request whose handler panicked, as JSON on the
// API and as an HTML page elsewhere, with nothing of the panic in it.
func (s *Server) internalError(w http.ResponseWriter, r *http.Request) {
	msg := "something went wrong on our side"
	if isAPI(r) {
		writeJSON(w, http.StatusInternalServerError, map[string]any{"error": map[string]string{"code": "internal", "message": msg}})
		return
	}
	s.render(w, http.StatusInternalServerError, "error.html", map[string]any{"Title": http.StatusText(http.StatusInternalServerError), "Message": msg, "Status": http.StatusInternalServerError})
}

// busy refuses a request the server has no room for.
func (s *Server) busy(w http.ResponseWriter, r *http.Request) {
	s.metrics.shed.Inc()
	s.refuse(w, r, &apiError{status: http.StatusServiceUnavailable, code: "busy",
		message: "the service is busy; please try again in a moment"}, "2")
}

// refuse answers with err and a Retry-After, as JSON or as a page.
func (s *Server) refuse(w http.ResponseWriter, r *http.Request, err *apiError, retryAfter string) {
	w.Header().Set("Retry-After", retryAfter)
	if isAPI(r) {
		s.api(func(http.ResponseWriter, *http.Request) error { return err })(w, r)
		return
	}
	s.page(func(http.ResponseWriter, *http.Request) error { return err })(w, r)
}
