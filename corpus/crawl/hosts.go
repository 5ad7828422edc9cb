package crawl

import (
	"context"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// hostGate enforces one host's politeness: at most cap requests in flight,
// a rate limit, and pauses the host asks for (Retry-After).
type hostGate struct {
	sem     chan struct{}
	limiter *rate.Limiter
	mu      sync.Mutex
	until   time.Time // no request before this
}

// hostGates hands out one gate per host. It is safe for concurrent use.
type hostGates struct {
	mu      sync.Mutex
	gates   map[string]*hostGate
	rate    float64
	perHost int
}

func newHostGates(ratePerSec float64, perHost int) *hostGates {
	return &hostGates{gates: map[string]*hostGate{}, rate: ratePerSec, perHost: perHost}
}

func (h *hostGates) get(host string) *hostGate {
	h.mu.Lock()
	defer h.mu.Unlock()
	g, ok := h.gates[host]
	if !ok {
		limit := rate.Limit(h.rate)
		if h.rate < 0 {
			limit = rate.Inf
		}
		g = &hostGate{sem: make(chan struct{}, h.perHost), limiter: rate.NewLimiter(limit, 1)}
		h.gates[host] = g
	}
	return g
}

// acquire waits for a free slot, any pause and the rate limiter; the
// caller must release the slot when its request is done.
func (g *hostGate) acquire(ctx context.Context) error {
	select {
	case g.sem <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	g.mu.Lock()
	wait := time.Until(g.until)
	g.mu.Unlock()
	if err := sleepCtx(ctx, wait); err != nil {
		<-g.sem
		return err
	}
	if err := g.limiter.Wait(ctx); err != nil {
		<-g.sem
		return err
	}
	return nil
}

func (g *hostGate) release() { <-g.sem }

// pause holds every request to the host for d, as a 429 or 503 with
// Retry-After asks: the server spoke for the host, not for one URL.
func (g *hostGate) pause(d time.Duration) {
	g.mu.Lock()
	if t := time.Now().Add(d); t.After(g.until) {
		g.until = t
	}
	g.mu.Unlock()
}

// slowTo lowers the host's rate to one request per delay, as robots.txt's
// Crawl-delay asks, unless the configured rate is slower already.
func (g *hostGate) slowTo(delay time.Duration) {
	if delay <= 0 {
		return
	}
	if l := rate.Every(delay); l < g.limiter.Limit() {
		g.limiter.SetLimit(l)
	}
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
