package server

import (
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// RateLimit is a request budget per client address: a steady rate and a
// burst. A zero Rate turns limiting off.
type RateLimit struct {
	Rate  float64 // requests per second
	Burst int
}

// DefaultRateLimit lets one reader page through results and documents at
// a brisk pace while a scraper on one address is slowed to it.
var DefaultRateLimit = RateLimit{Rate: 10, Burst: 30}

// limiter keeps one token bucket per client. Buckets idle for longer than
// idleAfter are dropped when the table grows, so memory stays bounded by
// the number of recently active clients.
type limiter struct {
	limit     RateLimit
	idleAfter time.Duration
	maxIdle   int

	mu      sync.Mutex
	clients map[string]*bucket
}

type bucket struct {
	lim  *rate.Limiter
	seen time.Time
}

func newLimiter(l RateLimit) *limiter {
	if l.Burst <= 0 {
		l.Burst = int(math.Max(1, math.Ceil(l.Rate)))
	}
	return &limiter{limit: l, idleAfter: 10 * time.Minute, maxIdle: 10000, clients: map[string]*bucket{}}
}

// allow takes a token for client, or reports how long to wait for one.
func (l *limiter) allow(client string, now time.Time) (bool, time.Duration) {
	if l == nil || l.limit.Rate <= 0 {
		return true, 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.clients[client]
	if !ok {
		if len(l.clients) >= l.maxIdle {
			l.sweep(now)
		}
		b = &bucket{lim: rate.NewLimiter(rate.Limit(l.limit.Rate), l.limit.Burst)}
		l.clients[client] = b
	}
	b.seen = now
	r := b.lim.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return false, d
	}
	return true, 0
}

func (l *limiter) sweep(now time.Time) {
	for k, b := range l.clients {
		if now.Sub(b.seen) > l.idleAfter {
			delete(l.clients, k)
		}
	}
}

// tooMany writes a 429 with the wait in Retry-After, in whole seconds.
func (s *Server) tooMany(w http.ResponseWriter, r *http.Request, wait time.Duration) {
	secs := int(math.Ceil(wait.Seconds()))
	if secs < 1 {
		secs = 1
	}
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	s.metrics.rateLimited.Inc()
	err := &apiError{status: http.StatusTooManyRequests, code: "rate_limited",
		message: "too many requests from your address; please wait " + strconv.Itoa(secs) + "s and try again"}
	if isAPI(r) {
		s.api(func(http.ResponseWriter, *http.Request) error { return err })(w, r)
		return
	}
	s.page(func(http.ResponseWriter, *http.Request) error { return err })(w, r)
}
