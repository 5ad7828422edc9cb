package crawl

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/inquirysearch/inquirysearch/corpus"
)

func TestSecondCrawlIsConditionalAndIncremental(t *testing.T) {
	h := newHostileSite(t)
	store, _ := OpenStore(t.TempDir())
	crawl := func() *CrawlReport { return crawlHostile(t, h, store) }
	first := crawl()
	before, _ := store.Documents()

	h.mu.Lock()
	h.version++
	h.goneNow = true
	h.reqs, h.times = nil, nil
	h.mu.Unlock()
	second := crawl()

	if second.New != 0 || second.Changed != 1 || second.Stored != 1 {
		t.Errorf("second crawl: new %d changed %d stored %d, want 0, 1, 1", second.New, second.Changed, second.Stored)
	}
	// Everything stored before except the changed and the gone page is unchanged.
	if want := first.Stored - 2; second.Unchanged != want {
		t.Errorf("second crawl: %d unchanged, want %d", second.Unchanged, want)
	}
	if len(second.Gone) != 1 || !strings.HasSuffix(second.Gone[0], "/gone") {
		t.Errorf("gone = %q, want the removed page", second.Gone)
	}
	if o := outcomesByPath(second)["/changing"]; o.Outcome != OutcomeStored || o.Change != ChangeChanged {
		t.Errorf("changed page: %+v", o)
	}

	// Every request for a stored page carried its validator, and only the
	// changed page was sent again in full.
	stored := map[string]bool{} // pages stored with a validator
	for _, d := range before {
		if m, err := store.Meta(d.ID); err == nil && m.ETag != "" {
			stored[d.URL] = true
		}
	}
	if len(stored) < len(before)-1 {
		t.Fatalf("only %d of %d stored pages kept their ETag", len(stored), len(before))
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, r := range h.reqs {
		canon, _ := corpus.Canonical(h.srv.URL + r.URL.RequestURI())
		if stored[canon] && r.Header.Get("If-None-Match") == "" {
			t.Errorf("request for stored %s was not conditional", r.URL)
		}
	}
	changed, _ := store.Document(corpus.IDFor(mustCanonical(t, h.srv.URL+"/changing")))
	if changed == nil || !strings.Contains(changed.Paragraphs[0].Text, "version 1") {
		t.Errorf("the changed page was not stored again: %+v", changed)
	}
}

func mustCanonical(t *testing.T, raw string) string {
	t.Helper()
	c, err := corpus.Canonical(raw)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCrawlDelayFromRobots(t *testing.T) {
	var (
		mu    sync.Mutex
		times []time.Time
	)
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			fmt.Fprint(w, "User-agent: *\nCrawl-delay: 0.2\n")
			return
		}
		w.Header().Set("Content-Type", "text/html")
		var links []string
		for i := range 4 {
			links = append(links, fmt.Sprintf("/p%d", i))
		}
		fmt.Fprint(w, page("Page "+r.URL.Path, "Text of "+r.URL.Path, links...))
	}))
	defer ts.Close()
	store, _ := OpenStore(t.TempDir())
	// Times are taken as requests leave the crawler, where the delay is
	// kept; arrival times at a busy server would add noise.
	depart := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		if r.URL.Path != "/robots.txt" {
			mu.Lock()
			times = append(times, time.Now())
			mu.Unlock()
		}
		return http.DefaultTransport.RoundTrip(r)
	})
	c, err := NewCrawler(store, mustGazetteer(t), Options{Seeds: []string{ts.URL + "/"}, Rate: -1, PerHost: 4,
		Client: &http.Client{Transport: depart, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(times) != 5 {
		t.Fatalf("%d pages fetched, want 5", len(times))
	}
	// The limiter spaces requests 200ms apart as they leave; a loaded
	// machine can delay one and not the next, so single gaps get slack and
	// the whole run must take at least the four delays.
	for i := 1; i < len(times); i++ {
		if gap := times[i].Sub(times[i-1]); gap < 100*time.Millisecond {
			t.Errorf("requests %d and %d only %v apart; robots.txt asks for 200ms", i-1, i, gap)
		}
	}
	if span := times[len(times)-1].Sub(times[0]); span < 4*190*time.Millisecond {
		t.Errorf("5 requests in %v; robots.txt asks for 200ms between them", span)
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
