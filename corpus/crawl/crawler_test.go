package crawl

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/samplesite"
)

// requestLog records every request a test server receives.
type requestLog struct {
	mu    sync.Mutex
	paths []string
	ua    []string
}

func (l *requestLog) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l.mu.Lock()
		l.paths = append(l.paths, r.URL.RequestURI())
		l.ua = append(l.ua, r.UserAgent())
		l.mu.Unlock()
		h.ServeHTTP(w, r)
	})
}

// hostRecorder is a transport that records every host asked for and
// refuses all but the allowed one, so a test can prove no off-site request
// was even attempted.
type hostRecorder struct {
	allowed string
	mu      sync.Mutex
	hosts   map[string]int
}

func (h *hostRecorder) RoundTrip(r *http.Request) (*http.Response, error) {
	h.mu.Lock()
	h.hosts[r.URL.Host]++
	h.mu.Unlock()
	if r.URL.Host != h.allowed {
		return nil, &url.Error{Op: "Get", URL: r.URL.String(), Err: http.ErrNotSupported}
	}
	return http.DefaultTransport.RoundTrip(r)
}

func crawlSampleSite(t *testing.T) (*Store, *CrawlReport, *requestLog, *hostRecorder, string) {
	t.Helper()
	log := &requestLog{}
	ts := httptest.NewServer(log.wrap(samplesite.Handler()))
	t.Cleanup(ts.Close)
	host := strings.TrimPrefix(ts.URL, "http://")
	rec := &hostRecorder{allowed: host, hosts: map[string]int{}}
	store, err := OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	var seeds []string
	for _, s := range SampleSeeds {
		seeds = append(seeds, ts.URL+s)
	}
	c, err := NewCrawler(store, mustGazetteer(t), Options{
		Seeds: seeds, Rate: -1, UserAgent: "InquirySearchTest/1.0", Client: &http.Client{Transport: rec},
	})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := c.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return store, rep, log, rec, ts.URL
}

func TestCrawlSampleSite(t *testing.T) {
	store, rep, log, hosts, base := crawlSampleSite(t)
	docs, err := store.Documents()
	if err != nil {
		t.Fatal(err)
	}
	site, _ := samplesite.Load()

	// Every page of the sample site is stored exactly once, under its
	// canonical URL, except the one robots.txt forbids.
	byURL := map[string]*corpus.Document{}
	hashes := map[string]bool{}
	for _, d := range docs {
		if byURL[d.URL] != nil {
			t.Errorf("two documents for %s", d.URL)
		}
		byURL[d.URL] = d
		if hashes[d.ContentHash] {
			t.Errorf("content of %s stored twice", d.URL)
		}
		hashes[d.ContentHash] = true
	}
	for _, p := range site.URLs() {
		want, _ := corpus.Canonical(base + p)
		if strings.HasPrefix(p, samplesite.RobotsDisallowed) {
			if byURL[want] != nil {
				t.Errorf("%s is disallowed by robots.txt but was stored", p)
			}
			continue
		}
		if byURL[want] == nil {
			t.Errorf("sample page %s was not reached (canonical %s)", p, want)
		}
	}
	if rep.Stored != len(docs) {
		t.Errorf("report says %d stored, store holds %d", rep.Stored, len(docs))
	}

	// robots.txt was read and honoured; every request identified us.
	sawRobots := false
	for i, p := range log.paths {
		if p == "/robots.txt" {
			sawRobots = true
		}
		if strings.HasPrefix(p, samplesite.RobotsDisallowed) {
			t.Errorf("fetched %s, which robots.txt disallows", p)
		}
		if log.ua[i] != "InquirySearchTest/1.0" {
			t.Errorf("request for %s sent User-Agent %q", p, log.ua[i])
		}
	}
	if !sawRobots {
		t.Error("robots.txt was never fetched")
	}

	// Off-site links (GOV.UK, the Truth Project) were never requested.
	for h := range hosts.hosts {
		if h != hosts.allowed {
			t.Errorf("requested off-site host %s", h)
		}
	}

	// The annex linked only through the prefix-less alias is stored under
	// its canonical URL; the legacy path redirected to a page stored once.
	annex, _ := corpus.Canonical(base + "/reports-recommendations/publications/investigation/organised-networks/annexes/annex-1-overview-process-and-evidence-obtained-inquiry")
	if byURL[annex] == nil {
		t.Error("the annex reachable only through its alias was not stored")
	}
	outcomes := map[string]PageOutcome{}
	for _, p := range rep.Pages {
		u, _ := url.Parse(p.URL)
		outcomes[u.RequestURI()] = p
	}
	if o := outcomes["/reports/larkspur/part-introduction"]; o.Outcome != OutcomeDuplicate {
		t.Errorf("legacy redirect outcome = %+v, want a duplicate of the page it redirects to", o)
	}
	if o := outcomes["/news?page=999"]; o.Outcome != OutcomeSkipped || o.ErrorClass != "trap" {
		t.Errorf("listing paged past the cap: outcome = %+v, want skipped as a trap", o)
	}
	if o := outcomes[samplesite.MissingPDF]; o.ErrorClass != "http_404" {
		t.Errorf("missing PDF outcome = %+v", o)
	}
	// The report and transcript PDFs are documents, with their pages counted.
	pdfs := 0
	for _, d := range docs {
		if strings.HasSuffix(d.URL, ".pdf") {
			pdfs++
			if d.Pages < 1 || len(d.Paragraphs) == 0 || d.Paragraphs[0].Page != 1 {
				t.Errorf("PDF %s: %d pages, paragraphs %+v", d.URL, d.Pages, d.Paragraphs)
			}
		}
	}
	if pdfs == 0 {
		t.Error("no PDF was stored as a document")
	}

	// The report is kept on disk and raw pages beside the documents.
	kept, err := store.Report()
	if err != nil || kept.Stored != rep.Stored {
		t.Errorf("stored report: %v, %+v", err, kept)
	}
	if _, _, err := store.Raw(docs[0].ID); err != nil {
		t.Errorf("raw page of %s: %v", docs[0].ID, err)
	}
}

func TestCrawlStopsWhenCancelled(t *testing.T) {
	ts := httptest.NewServer(samplesite.Handler())
	defer ts.Close()
	store, _ := OpenStore(t.TempDir())
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	c, err := NewCrawler(store, mustGazetteer(t), Options{Seeds: []string{ts.URL + "/"}, Rate: -1, Progress: func(Progress) {
		if n++; n == 5 {
			cancel()
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := c.Run(ctx)
	if err == nil {
		t.Fatal("a cancelled crawl returned no error")
	}
	// Fetches already in flight may finish; no new one starts.
	if workers := 4; len(rep.Pages) < 5 || len(rep.Pages) > 5+workers-1 {
		t.Errorf("crawl went on for %d pages after cancel at 5", len(rep.Pages))
	}
	if _, err := store.Report(); err != nil {
		t.Errorf("the report of a cancelled crawl was not kept: %v", err)
	}
}

func TestNewCrawlerRejectsBadSeeds(t *testing.T) {
	store, _ := OpenStore(t.TempDir())
	for _, seeds := range [][]string{nil, {"not a url"}, {"ftp://example.org/"}, {"/relative"}} {
		if _, err := NewCrawler(store, mustGazetteer(t), Options{Seeds: seeds}); err == nil {
			t.Errorf("seeds %q accepted", seeds)
		}
	}
}

func mustGazetteer(t *testing.T) *corpus.Gazetteer {
	t.Helper()
	g, err := corpus.DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	return g
}
