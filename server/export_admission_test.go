package server

import (
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// stalledClient is a connection whose client has stopped reading: a
// write waits until the write deadline the handler set, then fails as
// net/http's does.
type stalledClient struct {
	header   http.Header
	mu       sync.Mutex
	deadline time.Time
	writing  chan struct{}
	once     sync.Once
}

func newStalledClient() *stalledClient {
	return &stalledClient{header: http.Header{}, writing: make(chan struct{})}
}

func (c *stalledClient) Header() http.Header { return c.header }
func (c *stalledClient) WriteHeader(int)     {}
func (c *stalledClient) SetWriteDeadline(t time.Time) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.deadline = t
	return nil
}

func (c *stalledClient) Write([]byte) (int, error) {
	c.once.Do(func() { close(c.writing) })
	c.mu.Lock()
	d := c.deadline
	c.mu.Unlock()
	if d.IsZero() {
		d = time.Now().Add(time.Hour)
	}
	time.Sleep(time.Until(d))
	return 0, os.ErrDeadlineExceeded
}

// TestStalledExportsHoldNoSlot: exports whose clients never read take no
// search slot while they wait for them, are cut off after the export
// write timeout, and one address runs at most two at once.
func TestStalledExportsHoldNoSlot(t *testing.T) {
	s := mustServerWith(t, Options{MaxInFlight: 2, QueueWait: 50 * time.Millisecond, ExportWriteTimeout: 700 * time.Millisecond})
	stalled := []*stalledClient{newStalledClient(), newStalledClient()}
	done := make(chan time.Duration, len(stalled))
	for i, c := range stalled {
		path := "/api/v1/search.csv?q="
		if i == 1 {
			path = "/api/v1/search.ndjson?q=council"
		}
		go func() {
			start := time.Now()
			s.ServeHTTP(c, httptest.NewRequest(http.MethodGet, path, nil))
			done <- time.Since(start)
		}()
	}
	for _, c := range stalled {
		<-c.writing
	}
	// Both slots are free for searches while the two exports wait.
	for range 4 {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/v1/search?q=council", nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("search beside stalled exports: %d %s", rec.Code, rec.Body)
		}
	}
	// A third export from the same address is refused.
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/v1/search.csv?q=records", nil))
	if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" {
		t.Errorf("third export: %d %s", rec.Code, rec.Body)
	}
	for range stalled {
		if d := <-done; d > 5*time.Second {
			t.Errorf("a stalled export was kept %s", d)
		}
	}
	// Once they are cut off, the address may export again.
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/v1/search.csv?q=records", nil))
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Body.String(), "id,title") {
		t.Errorf("export after the stalled ones: %d %.80s", rec.Code, rec.Body)
	}
}

// TestHeavyPool: searches with a distance term wait for the heavy pool,
// which ordinary searches do not need, and one address has one of them
// in flight at a time.
func TestHeavyPool(t *testing.T) {
	s := mustServerWith(t, Options{MaxInFlight: 4, MaxHeavy: 1, QueueWait: 50 * time.Millisecond})
	proximity := "/api/v1/search?q=%22council+records%22~5"
	s.heavy <- struct{}{} // another heavy request holds the pool
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, proximity, nil))
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), `"busy"`) {
		t.Errorf("distance search with the heavy pool full: %d %s", rec.Code, rec.Body)
	}
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/v1/search?q=%22of+the%22", nil))
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("broad search with the heavy pool full: %d %s", rec.Code, rec.Body)
	}
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/v1/search?q=council", nil))
	if rec.Code != http.StatusOK {
		t.Errorf("ordinary search with the heavy pool full: %d", rec.Code)
	}
	<-s.heavy
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, proximity, nil))
	if rec.Code != http.StatusOK {
		t.Errorf("distance search with the pool free: %d %s", rec.Code, rec.Body)
	}
	// One address, one distance search at a time.
	s.heavyUse.enter("192.0.2.1")
	defer s.heavyUse.leave("192.0.2.1")
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, proximity, nil)) // from 192.0.2.1
	if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" {
		t.Errorf("a second distance search from one address: %d %s", rec.Code, rec.Body)
	}
	if len(s.heavy) != 0 || len(s.slots) != 0 {
		t.Errorf("places still held: heavy %d, slots %d", len(s.heavy), len(s.slots))
	}
}
