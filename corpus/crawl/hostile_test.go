package crawl

import (
	"context"
	"crypto/sha256"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// hostileSite is a test server that misbehaves in every way the issue
// lists, and records every request it receives.
type hostileSite struct {
	mu       sync.Mutex
	hits     map[string]int
	times    []time.Time
	inflight int
	maxIn    int
	version  int             // bumped to change /changing between crawls
	goneNow  bool            // /gone answers 404 once set
	reqs     []*http.Request // every request, for header checks
	srv      *httptest.Server
}

func page(title, text string, links ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!doctype html><html><head><title>%s</title></head><body><main><h1>%s</h1><p>1. %s</p><ul>", title, title, text)
	for _, l := range links {
		fmt.Fprintf(&b, `<li><a href="%s">%s</a></li>`, l, l)
	}
	b.WriteString("</ul></main></body></html>")
	return b.String()
}

func newHostileSite(t *testing.T) *hostileSite {
	h := &hostileSite{hits: map[string]int{}}
	h.srv = httptest.NewServer(h)
	t.Cleanup(h.srv.Close)
	return h
}

var hostileLinks = []string{
	"/flaky", "/always500", "/throttled", "/stall", "/slowheaders", "/huge", "/loop-a", "/image",
	"/malformed", "/private/secret", "/same-a", "/same-b", "/alias.html", "/alias", "/changing", "/gone",
	"/hop1", "https://www.gov.uk/elsewhere",
}

func (h *hostileSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	h.hits[r.URL.Path]++
	n := h.hits[r.URL.Path]
	h.times = append(h.times, time.Now())
	h.reqs = append(h.reqs, r)
	h.inflight++
	h.maxIn = max(h.maxIn, h.inflight)
	version, gone := h.version, h.goneNow
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		h.inflight--
		h.mu.Unlock()
	}()

	good := func(body string) {
		etag := fmt.Sprintf(`"%x"`, sha256.Sum256([]byte(body)))
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	}
	switch r.URL.Path {
	case "/robots.txt":
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	case "/":
		good(page("Hostile home", "The home page links to every case.", hostileLinks...))
	case "/flaky":
		if n <= 2 {
			http.Error(w, "try again", http.StatusInternalServerError)
			return
		}
		good(page("Flaky", "This page fails twice before it is served."))
	case "/always500":
		http.Error(w, "broken", http.StatusInternalServerError)
	case "/throttled":
		if n == 1 {
			w.Header().Set("Retry-After", "1")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		good(page("Throttled", "This page asks the crawler to wait once."))
	case "/stall":
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body><p>the start of a page that never ends")
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	case "/slowheaders":
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	case "/huge":
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body>"+strings.Repeat("<p>padding paragraph</p>", 10000))
	case "/loop-a":
		http.Redirect(w, r, "/loop-b", http.StatusFound)
	case "/loop-b":
		http.Redirect(w, r, "/loop-a", http.StatusFound)
	case "/hop1":
		http.Redirect(w, r, "/hop2", http.StatusMovedPermanently)
	case "/hop2":
		http.Redirect(w, r, "/alias", http.StatusMovedPermanently)
	case "/image":
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\nnot really"))
	case "/malformed":
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body><main><h1>Malformed <b>page</h1><p>1. Unclosed <i>tags and a stray </div> end tag.<p>2. Bytes \xff\xfe that are not UTF-8.<table><tr><td>cell")
	case "/private/secret":
		good(page("Secret", "Robots.txt forbids this page."))
	case "/same-a", "/same-b":
		// Long enough to be a page's body: a near-empty page is never a
		// duplicate, whatever it shares with another.
		good(page("Same", "This page is served under two unrelated URLs. Its text is the same under both, "+
			"paragraph for paragraph, so the crawl keeps it once and records the second URL it meets as a duplicate of the first one it stored."))
	case "/alias", "/alias.html":
		good(page("Alias", "One page whose canonical URL drops the html suffix."))
	case "/changing":
		good(page("Changing", fmt.Sprintf("This page is at version %d.", version)))
	case "/gone":
		if gone {
			http.NotFound(w, r)
			return
		}
		good(page("Gone", "This page is removed before the second crawl."))
	default:
		http.NotFound(w, r)
	}
}

func hostileOptions(h *hostileSite, rate float64) Options {
	return Options{
		Seeds: []string{h.srv.URL + "/"}, Rate: rate, PerHost: 2, Workers: 4,
		MaxBodyBytes: 64 << 10, HeaderTimeout: 300 * time.Millisecond, StallTimeout: 300 * time.Millisecond,
		MaxRetries: 2, RetryBase: 10 * time.Millisecond, MaxRetryAfter: 5 * time.Second,
		UserAgent: "InquirySearchTest/1.0 (+https://example.org/contact)",
	}
}

// crawlHostile crawls the hostile site into store, without a rate limit.
func crawlHostile(t *testing.T, h *hostileSite, store *Store) *CrawlReport {
	t.Helper()
	c, err := NewCrawler(store, mustGazetteer(t), hostileOptions(h, -1))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := c.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func outcomesByPath(rep *CrawlReport) map[string]PageOutcome {
	out := map[string]PageOutcome{}
	for _, p := range rep.Pages {
		i := strings.Index(p.URL[len("http://"):], "/")
		out[p.URL[len("http://")+i:]] = p
	}
	return out
}

func TestCrawlHostileSite(t *testing.T) {
	h := newHostileSite(t)
	store, _ := OpenStore(t.TempDir())
	const rate = 20.0
	c, err := NewCrawler(store, mustGazetteer(t), hostileOptions(h, rate))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := c.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	got := outcomesByPath(rep)

	// Every failure is recorded with its class, and the crawl went on.
	wantClass := map[string][2]string{
		"/always500":      {OutcomeFailed, "http_500"},
		"/stall":          {OutcomeFailed, "stalled"},
		"/slowheaders":    {OutcomeFailed, "timeout"},
		"/huge":           {OutcomeFailed, "too_large"},
		"/loop-a":         {OutcomeFailed, "redirect_loop"},
		"/image":          {OutcomeSkipped, "content_type"},
		"/private/secret": {OutcomeSkipped, "robots"},
	}
	for p, want := range wantClass {
		if o := got[p]; o.Outcome != want[0] || o.ErrorClass != want[1] {
			t.Errorf("%s: outcome %q class %q (%s), want %q %q", p, o.Outcome, o.ErrorClass, o.Error, want[0], want[1])
		}
	}
	if rep.ByClass["http_500"] != 1 || rep.ByClass["stalled"] != 1 {
		t.Errorf("counts by class = %v", rep.ByClass)
	}

	// Every good page is stored once.
	docs, err := store.Documents()
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, d := range docs {
		titles = append(titles, d.Title)
	}
	sort.Strings(titles)
	want := []string{"Alias", "Changing", "Flaky", "Gone", "Hostile home", "Malformed page", "Same", "Throttled"}
	if strings.Join(titles, "|") != strings.Join(want, "|") {
		t.Errorf("stored %q, want %q", titles, want)
	}
	if rep.Stored != len(want) || rep.New != len(want) {
		t.Errorf("report: stored %d new %d, want %d", rep.Stored, rep.New, len(want))
	}
	if o := got["/same-b"]; got["/same-a"].Outcome == o.Outcome || (o.Outcome != OutcomeDuplicate && got["/same-a"].Outcome != OutcomeDuplicate) {
		t.Errorf("same content under two URLs: %q and %q, want one stored and one duplicate", got["/same-a"].Outcome, o.Outcome)
	}
	if o := got["/hop1"]; o.Outcome != OutcomeDuplicate || len(o.Redirects) != 2 {
		t.Errorf("two redirects to a stored page: %+v", o)
	}

	h.mu.Lock()
	defer h.mu.Unlock()
	// Retries: 500s then success, and a give-up after MaxRetries; 429 waits as asked.
	if h.hits["/flaky"] != 3 || h.hits["/always500"] != 3 {
		t.Errorf("attempts: flaky %d, always500 %d; want 3 and 3", h.hits["/flaky"], h.hits["/always500"])
	}
	if h.hits["/gov.uk"] != 0 || h.hits["/elsewhere"] != 0 {
		t.Error("an off-site link was followed")
	}
	for _, r := range h.reqs {
		if r.URL.Path == "/private/secret" {
			t.Error("fetched a page robots.txt disallows")
		}
		if r.UserAgent() != "InquirySearchTest/1.0 (+https://example.org/contact)" {
			t.Errorf("User-Agent %q", r.UserAgent())
		}
	}
	var throttled []time.Time
	for i, r := range h.reqs {
		if r.URL.Path == "/throttled" {
			throttled = append(throttled, h.times[i])
		}
	}
	if len(throttled) != 2 || throttled[1].Sub(throttled[0]) < 950*time.Millisecond {
		t.Errorf("429 with Retry-After: 1 was retried at %v", throttled)
	}

	// Politeness: never more than PerHost in flight, never faster than the rate.
	if h.maxIn > 2 {
		t.Errorf("%d requests in flight at once, cap is 2", h.maxIn)
	}
	assertRate(t, h.times, rate)
}

// assertRate checks that no window of one second holds more requests than
// the rate allows (the limiter's burst of one added).
func assertRate(t *testing.T, times []time.Time, rate float64) {
	t.Helper()
	ts := append([]time.Time(nil), times...)
	sort.Slice(ts, func(i, j int) bool { return ts[i].Before(ts[j]) })
	limit := int(rate) + 1
	for i := range ts {
		j := i
		for j < len(ts) && ts[j].Sub(ts[i]) < time.Second {
			j++
		}
		if j-i > limit {
			t.Fatalf("%d requests within one second from %v; rate limit %v/s", j-i, ts[i], rate)
		}
	}
	if len(ts) > 1 {
		span := ts[len(ts)-1].Sub(ts[0]).Seconds()
		t.Logf("%d requests in %.2fs: %.1f/s measured, limit %v/s", len(ts), span, float64(len(ts)-1)/span, rate)
	}
}
