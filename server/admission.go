package server

import (
	"context"
	"net/http"
	"slices"
	"sync"
	"time"
)

// slot is a request's hold on the server's work pools: one of the search
// slots, and for the costliest requests one of the heavy slots as well.
// The guard takes it before the handler runs and gives it back after; a
// handler that spends long stretches writing rather than searching (an
// export) gives it back while it writes and takes it again to read more,
// so that a client that reads slowly keeps no search waiting.
type slot struct {
	s     *Server
	r     *http.Request
	pools []chan struct{} // taken in this order, given back in reverse
	mu    sync.Mutex
	held  bool
}

type slotKey struct{}

func withSlot(r *http.Request, sl *slot) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), slotKey{}, sl))
}

// requestSlot returns the request's slot, or nil for a route that takes
// none.
func requestSlot(r *http.Request) *slot {
	sl, _ := r.Context().Value(slotKey{}).(*slot)
	return sl
}

// acquire takes a place in each pool, waiting at most QueueWait in all;
// false means the server is full, and nothing is held.
func (sl *slot) acquire() bool {
	if sl == nil {
		return true
	}
	sl.mu.Lock()
	defer sl.mu.Unlock()
	if sl.held {
		return true
	}
	deadline := time.Now().Add(sl.s.opts.QueueWait)
	for i, p := range sl.pools {
		if !sl.s.wait(sl.r, p, time.Until(deadline)) {
			for _, q := range slices.Backward(sl.pools[:i]) {
				<-q
			}
			return false
		}
	}
	sl.held = true
	return true
}

func (sl *slot) release() {
	if sl == nil {
		return
	}
	sl.mu.Lock()
	defer sl.mu.Unlock()
	if sl.held {
		for _, p := range slices.Backward(sl.pools) {
			<-p
		}
		sl.held = false
	}
}

// reacquire takes the places again after a release.
func (sl *slot) reacquire() bool { return sl.acquire() }

// wait takes a place in pool, waiting at most d, or less if the request
// ends first.
func (s *Server) wait(r *http.Request, pool chan struct{}, d time.Duration) bool {
	select {
	case pool <- struct{}{}:
		return true
	default:
	}
	if d <= 0 {
		return false
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case pool <- struct{}{}:
		return true
	case <-t.C:
		return false
	case <-r.Context().Done():
		return false
	}
}

// weigh classes a request for admission: heavy requests (exports reading
// the index, and searches the backend judges broad, distance searches
// among them) run in a pool of their own, smaller than the search slots,
// so that however many of them arrive, ordinary searches keep most of the
// machine; distance reports a distance search, of which one client runs
// one at a time.
func (s *Server) weigh(r *http.Request, route string) (heavy, distance bool) {
	switch route {
	case "/api/v1/search.csv", "/api/v1/search.ndjson":
		return true, false
	case "/api/v1/batch", "/api/v1/batch.csv", "/batch":
		// A batch counts up to a thousand searches' matches.
		return r.Method == http.MethodPost, false
	case "/api/v1/search", "/search", "/feed.atom", "/speakers/{name}":
		// A witness page searches with the person as a filter; weighed
		// without it, its words are judged as broadly as a search's.
	default:
		return false, false
	}
	req, err := searchRequest(r.URL.Query())
	if err != nil {
		return false, false // refused as invalid before it costs anything
	}
	return s.backend.Weigh(r.Context(), req)
}

// gate bounds the requests of one kind that each client address has in
// flight at once.
type gate struct {
	mu     sync.Mutex
	max    int
	counts map[string]int
}

func (g *gate) enter(client string) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.counts == nil {
		g.counts = map[string]int{}
	}
	if g.counts[client] >= g.max {
		return false
	}
	g.counts[client]++
	return true
}

func (g *gate) leave(client string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.counts[client]--; g.counts[client] <= 0 {
		delete(g.counts, client)
	}
}
