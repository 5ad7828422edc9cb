package server

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// limitedServer is a server over the shared index with a tight budget.
func limitedServer(t *testing.T, opts Options) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(mustServerWith(t, opts))
	t.Cleanup(srv.Close)
	return srv
}

func TestRateLimit(t *testing.T) {
	srv := limitedServer(t, Options{RateLimit: RateLimit{Rate: 0.5, Burst: 3}, CheapRateLimit: RateLimit{Rate: 100, Burst: 100}})
	codes := map[int]int{}
	var last *http.Response
	for range 6 {
		resp, err := http.Get(srv.URL + "/api/v1/search?q=council")
		if err != nil {
			t.Fatal(err)
		}
		codes[resp.StatusCode]++
		if resp.StatusCode == http.StatusTooManyRequests {
			last = resp
		} else {
			resp.Body.Close()
		}
	}
	if codes[200] != 3 || codes[429] != 3 {
		t.Fatalf("status counts %v, want 3 OK then 3 refused", codes)
	}
	defer last.Body.Close()
	var body struct {
		Error struct{ Code, Message string }
	}
	json.NewDecoder(last.Body).Decode(&body)
	if body.Error.Code != "rate_limited" || last.Header.Get("Retry-After") == "" {
		t.Errorf("429 body %+v, Retry-After %q", body, last.Header.Get("Retry-After"))
	}
	// Health checks have their own budget and still answer.
	resp, err := http.Get(srv.URL + "/healthz")
	if err != nil || resp.StatusCode != 200 {
		t.Errorf("healthz under a spent search budget: %v %v", err, resp.StatusCode)
	}
	resp.Body.Close()
	// The page gets an HTML 429.
	resp, _ = http.Get(srv.URL + "/search?q=x")
	if resp.StatusCode != 429 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Errorf("page: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	resp.Body.Close()
}

func TestLimiterForgetsIdleClients(t *testing.T) {
	l := newLimiter(RateLimit{Rate: 1, Burst: 1})
	l.maxIdle = 3
	now := time.Now()
	for _, c := range []string{"a", "b", "c"} {
		l.allow(c, now)
	}
	l.allow("d", now.Add(time.Hour))
	if len(l.clients) != 1 {
		t.Errorf("%d clients kept after an hour idle, want only the new one", len(l.clients))
	}
	if ok, _ := l.allow("d", now.Add(time.Hour)); ok {
		t.Error("a second request within the second was allowed")
	}
	if ok, _ := l.allow("d", now.Add(time.Hour+time.Second)); !ok {
		t.Error("a request a second later was refused")
	}
}

func TestClientAddr(t *testing.T) {
	trusted, err := ParseTrustedProxies("10.0.0.0/8, 127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		remote, xff, want string
	}{
		{"203.0.113.9:5000", "", "203.0.113.9"},
		{"203.0.113.9:5000", "198.51.100.1", "203.0.113.9"},          // untrusted sender: header ignored
		{"127.0.0.1:5000", "198.51.100.1", "198.51.100.1"},           // trusted proxy
		{"127.0.0.1:5000", "198.51.100.1, 10.1.2.3", "198.51.100.1"}, // chain of trusted proxies
		{"127.0.0.1:5000", "1.1.1.1, 198.51.100.1", "198.51.100.1"},  // spoofed left-most entry ignored
		{"127.0.0.1:5000", "garbage", "127.0.0.1"},                   // unreadable header
		{"[::ffff:10.0.0.5]:80", "198.51.100.7", "198.51.100.7"},     // mapped IPv6 proxy
	}
	for _, tt := range tests {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = tt.remote
		if tt.xff != "" {
			r.Header.Set("X-Forwarded-For", tt.xff)
		}
		if got := clientAddr(r, trusted); got != tt.want {
			t.Errorf("remote %s xff %q: %s, want %s", tt.remote, tt.xff, got, tt.want)
		}
	}
	if _, err := ParseTrustedProxies("10.0.0.0/99"); err == nil {
		t.Error("a bad prefix was accepted")
	}
}

func TestMetricsAndRequestIDs(t *testing.T) {
	srv := limitedServer(t, Options{})
	for _, p := range []string{"/api/v1/search?q=council", `/api/v1/search?q="record+keeping"&type=section`, "/documents/" + testDocs[0].ID, "/nowhere"} {
		resp, err := http.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if len(resp.Header.Get("X-Request-ID")) != 16 {
			t.Errorf("%s: request id %q", p, resp.Header.Get("X-Request-ID"))
		}
	}
	req, _ := http.NewRequest("GET", srv.URL+"/healthz", nil)
	req.Header.Set("X-Request-ID", "from-proxy-42")
	resp, _ := http.DefaultClient.Do(req)
	resp.Body.Close()
	if resp.Header.Get("X-Request-ID") != "from-proxy-42" {
		t.Errorf("a proxy's request id was not kept: %q", resp.Header.Get("X-Request-ID"))
	}
	// Metrics are recorded just after a response is written, so a
	// scrape may briefly trail the requests: wait for them.
	want := []string{
		`inquirysearch_http_requests_total{method="GET",route="/api/v1/search",status="200"} 2`,
		`inquirysearch_http_requests_total{method="GET",route="/documents/{id}",status="200"} 1`,
		`inquirysearch_http_requests_total{method="GET",route="unmatched",status="404"} 1`,
		`inquirysearch_search_duration_seconds_count{kind="words"} 1`,
		`inquirysearch_search_duration_seconds_count{kind="phrase+filter"} 1`,
		"inquirysearch_index_documents ",
		"go_goroutines",
	}
	deadline := time.Now().Add(2 * time.Second)
	for {
		_, body := getFrom(t, srv.URL+"/metrics")
		var missing []string
		for _, w := range want {
			if !strings.Contains(body, w) {
				missing = append(missing, w)
			}
		}
		if len(missing) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("metrics lack %q", missing)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestReadyz(t *testing.T) {
	ready := false
	srv := limitedServer(t, Options{Ready: func() error {
		if !ready {
			return errNotReady
		}
		return nil
	}})
	if resp, _ := getFrom(t, srv.URL+"/readyz"); resp.StatusCode != 503 {
		t.Errorf("readyz before ready: %d", resp.StatusCode)
	}
	ready = true
	if resp, _ := getFrom(t, srv.URL+"/readyz"); resp.StatusCode != 200 {
		t.Errorf("readyz when ready: %d", resp.StatusCode)
	}
}

var errNotReady = errors.New("index not open")

// TestShedsLoadWhenFull: with every slot taken, a search waits its queue
// time and is refused with 503 and Retry-After, while health checks still
// answer; once a slot frees, searches are served again.
func TestShedsLoadWhenFull(t *testing.T) {
	s := mustServerWith(t, Options{MaxInFlight: 1, QueueWait: 20 * time.Millisecond})
	srv := httptest.NewServer(s)
	defer srv.Close()
	s.slots <- struct{}{} // another search holds the only slot
	start := time.Now()
	resp, body := getFrom(t, srv.URL+"/api/v1/search?q=council")
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" || !strings.Contains(body, `"busy"`) {
		t.Errorf("full server: %d %q %s", resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}
	if waited := time.Since(start); waited > 2*time.Second {
		t.Errorf("the refusal took %s", waited)
	}
	if resp, _ := getFrom(t, srv.URL+"/healthz"); resp.StatusCode != 200 {
		t.Errorf("healthz on a full server: %d", resp.StatusCode)
	}
	<-s.slots
	if resp, _ := getFrom(t, srv.URL+"/api/v1/search?q=council"); resp.StatusCode != 200 {
		t.Errorf("after the slot freed: %d", resp.StatusCode)
	}
	_, metrics := getFrom(t, srv.URL+"/metrics")
	if !strings.Contains(metrics, "inquirysearch_shed_total 1") {
		t.Error("the refusal is not counted")
	}
}

// TestSearchDeadline: a search that cannot finish within its deadline is
// a 503 with Retry-After, as JSON for the API and as a page for people.
func TestSearchDeadline(t *testing.T) {
	srv := limitedServer(t, Options{SearchTimeout: time.Nanosecond})
	resp, body := getFrom(t, srv.URL+"/api/v1/search?q=council")
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" || !strings.Contains(body, `"unavailable"`) {
		t.Errorf("API past its deadline: %d %q %s", resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}
	resp, body = getFrom(t, srv.URL+"/search?q=council")
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") || strings.Contains(body, "goroutine") {
		t.Errorf("page past its deadline: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}
