package server

import (
	"context"
	"net/http"
	"sync"
)

// slot is a request's hold on one of the server's search slots. The guard
// takes it before the handler runs and gives it back after; a handler that
// spends long stretches writing rather than searching (an export) gives it
// back while it writes and takes it again to read more, so that a client
// that reads slowly keeps no search waiting.
type slot struct {
	s    *Server
	r    *http.Request
	mu   sync.Mutex
	held bool
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

func (sl *slot) release() {
	if sl == nil {
		return
	}
	sl.mu.Lock()
	defer sl.mu.Unlock()
	if sl.held {
		<-sl.s.slots
		sl.held = false
	}
}

// reacquire takes a slot again, waiting as a new request would; false
// means the server is full.
func (sl *slot) reacquire() bool {
	if sl == nil {
		return true
	}
	sl.mu.Lock()
	defer sl.mu.Unlock()
	if sl.held {
		return true
	}
	if _, ok := sl.s.admit(sl.r); !ok {
		return false
	}
	sl.held = true
	return true
}

// exportGate bounds the exports one client runs at once: an export costs
// far more than a search, and each holds a connection and a buffer for as
// long as its client takes to read it.
type exportGate struct {
	mu     sync.Mutex
	max    int
	counts map[string]int
}

func (g *exportGate) enter(client string) bool {
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

func (g *exportGate) leave(client string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.counts[client]--; g.counts[client] <= 0 {
		delete(g.counts, client)
	}
}
