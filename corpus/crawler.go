package corpus

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/time/rate"
)

// DefaultUserAgent identifies the crawler to the sites it visits.
const DefaultUserAgent = "InquirySearchBot/0.1 (+https://github.com/inquirysearch/inquirysearch)"

// Crawl errors, recorded per page in the crawl report.
var (
	ErrDisallowed  = errors.New("disallowed by robots.txt")
	ErrOffSite     = errors.New("outside the allowed hosts")
	ErrContentType = errors.New("unsupported content type")
	ErrTooLarge    = errors.New("response body too large")
)

// Options configures a crawl. The zero value of each field is a safe
// default: robots.txt honoured, one request per second per host.
type Options struct {
	Seeds        []string
	AllowedHosts []string // hosts to follow links within; default: the seeds' hosts
	UserAgent    string
	Rate         float64 // requests per second per host; 0 means 1, negative means no limit
	MaxPages     int     // pages to fetch at most; default 10,000
	MaxBodyBytes int64   // default 20 MiB
	IgnoreRobots bool
	Client       *http.Client
	Logger       *slog.Logger
	Progress     func(Progress) // called after each fetch, from the crawling goroutine
}

// Progress is a snapshot of a running crawl.
type Progress struct {
	Fetched, Stored, Duplicates, Skipped, Failed, Queued int
	URL                                                  string
}

// Outcome of one URL in a crawl.
const (
	OutcomeStored    = "stored"
	OutcomeDuplicate = "duplicate"
	OutcomeSkipped   = "skipped"
	OutcomeFailed    = "failed"
)

// PageOutcome records what happened to one URL.
type PageOutcome struct {
	URL         string `json:"url"`
	Canonical   string `json:"canonical,omitempty"`
	Outcome     string `json:"outcome"`
	Status      int    `json:"status,omitempty"`
	Error       string `json:"error,omitempty"`
	ErrorClass  string `json:"error_class,omitempty"`
	ID          string `json:"id,omitempty"`
	DuplicateOf string `json:"duplicate_of,omitempty"`
}

// CrawlReport summarises a crawl; the store keeps the last one.
type CrawlReport struct {
	Seeds      []string      `json:"seeds"`
	Started    time.Time     `json:"started"`
	Finished   time.Time     `json:"finished"`
	Stored     int           `json:"stored"`
	Duplicates int           `json:"duplicates"`
	Skipped    int           `json:"skipped"`
	Failed     int           `json:"failed"`
	Pages      []PageOutcome `json:"pages"`
}

// Crawler fetches pages from seed URLs into a Store. A Crawler runs one
// crawl at a time; Run is not safe to call concurrently on one Crawler.
type Crawler struct {
	opts     Options
	store    *Store
	gaz      *Gazetteer
	log      *slog.Logger
	robots   *robotsCache
	limiters map[string]*rate.Limiter
	allowed  map[string]bool
}

// NewCrawler returns a crawler that writes into store.
func NewCrawler(store *Store, gaz *Gazetteer, opts Options) (*Crawler, error) {
	if len(opts.Seeds) == 0 {
		return nil, errors.New("crawler: no seed URLs")
	}
	if opts.UserAgent == "" {
		opts.UserAgent = DefaultUserAgent
	}
	if opts.Rate == 0 {
		opts.Rate = 1
	}
	if opts.MaxPages <= 0 {
		opts.MaxPages = 10000
	}
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = 20 << 20
	}
	if opts.Client == nil {
		opts.Client = &http.Client{Timeout: 60 * time.Second}
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	c := &Crawler{
		opts: opts, store: store, gaz: gaz, log: opts.Logger,
		robots:   newRobotsCache(opts.Client, opts.UserAgent),
		limiters: map[string]*rate.Limiter{},
		allowed:  map[string]bool{},
	}
	hosts := opts.AllowedHosts
	for _, s := range opts.Seeds {
		u, err := url.Parse(s)
		if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
			return nil, fmt.Errorf("crawler: bad seed URL %q", s)
		}
		if len(opts.AllowedHosts) == 0 {
			hosts = append(hosts, u.Host)
		}
	}
	for _, h := range hosts {
		c.allowed[hostKey(h)] = true
	}
	return c, nil
}

func hostKey(h string) string { return strings.TrimPrefix(strings.ToLower(h), "www.") }

// Run crawls until the frontier is empty, MaxPages is reached or ctx ends.
// Each page's failure is recorded in the report and the crawl goes on; Run
// returns an error only when ctx ends or the store cannot be written.
func (c *Crawler) Run(ctx context.Context) (*CrawlReport, error) {
	rep := &CrawlReport{Seeds: c.opts.Seeds, Started: time.Now().UTC()}
	seen := map[string]bool{}     // canonical URLs queued or fetched
	hashes := map[string]string{} // content hash -> document id
	stored := map[string]bool{}   // document ids stored by this crawl
	queue := []string{}
	enqueue := func(raw string) {
		canon, err := Canonical(raw)
		if err != nil || seen[canon] {
			return
		}
		u, _ := url.Parse(raw)
		if !c.allowed[hostKey(u.Host)] {
			return
		}
		seen[canon] = true
		queue = append(queue, raw)
	}
	for _, s := range c.opts.Seeds {
		enqueue(s)
	}

	fetched := 0
	for len(queue) > 0 && fetched < c.opts.MaxPages {
		if err := ctx.Err(); err != nil {
			return c.finish(rep, err)
		}
		raw := queue[0]
		queue = queue[1:]
		fetched++
		out, doc, body, err := c.fetchOne(ctx, raw)
		if err != nil && ctx.Err() != nil {
			return c.finish(rep, ctx.Err())
		}
		if doc != nil {
			switch first, dup := hashes[doc.ContentHash]; {
			case stored[doc.ID]:
				// A redirect or an alias led back to a page stored already.
				out.Outcome, out.DuplicateOf = OutcomeDuplicate, doc.ID
			case dup:
				// The same content under another URL the canonical form
				// could not unify.
				out.Outcome, out.DuplicateOf = OutcomeDuplicate, first
			default:
				hashes[doc.ContentHash] = doc.ID
				stored[doc.ID] = true
				if err := c.store.PutPage(doc.ID, body); err != nil {
					return c.finish(rep, err)
				}
				if err := c.store.PutDocument(doc); err != nil {
					return c.finish(rep, err)
				}
			}
			for _, l := range doc.Links {
				enqueue(l)
			}
		}
		c.record(rep, out)
		if c.opts.Progress != nil {
			c.opts.Progress(Progress{
				Fetched: fetched, Stored: rep.Stored, Duplicates: rep.Duplicates, Skipped: rep.Skipped,
				Failed: rep.Failed, Queued: len(queue), URL: raw,
			})
		}
	}
	return c.finish(rep, nil)
}

func (c *Crawler) finish(rep *CrawlReport, runErr error) (*CrawlReport, error) {
	rep.Finished = time.Now().UTC()
	if err := c.store.PutReport(rep); err != nil && runErr == nil {
		runErr = err
	}
	c.log.Info("crawl finished", "stored", rep.Stored, "duplicates", rep.Duplicates,
		"skipped", rep.Skipped, "failed", rep.Failed, "duration", rep.Finished.Sub(rep.Started).Round(time.Millisecond))
	if runErr != nil {
		return rep, fmt.Errorf("crawl: %w", runErr)
	}
	return rep, nil
}

func (c *Crawler) record(rep *CrawlReport, out PageOutcome) {
	switch out.Outcome {
	case OutcomeStored:
		rep.Stored++
	case OutcomeDuplicate:
		rep.Duplicates++
	case OutcomeSkipped:
		rep.Skipped++
	default:
		rep.Failed++
		c.log.Warn("page failed", "url", out.URL, "class", out.ErrorClass, "error", out.Error)
	}
	rep.Pages = append(rep.Pages, out)
}

// fetchOne fetches and extracts one URL. The returned document and body
// are nil when the page was skipped or failed.
func (c *Crawler) fetchOne(ctx context.Context, raw string) (PageOutcome, *Document, []byte, error) {
	out := PageOutcome{URL: raw}
	fail := func(class string, err error) (PageOutcome, *Document, []byte, error) {
		out.Outcome, out.ErrorClass, out.Error = OutcomeFailed, class, err.Error()
		if errors.Is(err, ErrDisallowed) || errors.Is(err, ErrContentType) {
			out.Outcome = OutcomeSkipped
		}
		return out, nil, nil, err
	}
	u, err := url.Parse(raw)
	if err != nil {
		return fail("bad_url", err)
	}
	if !c.opts.IgnoreRobots {
		ok, err := c.robots.allowed(ctx, u)
		if err != nil {
			return fail("robots", err)
		}
		if !ok {
			return fail("robots", ErrDisallowed)
		}
	}
	if err := c.limiter(u.Host).Wait(ctx); err != nil {
		return fail("cancelled", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, raw, nil)
	if err != nil {
		return fail("bad_url", err)
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
	resp, err := c.opts.Client.Do(req)
	if err != nil {
		return fail("network", err)
	}
	defer resp.Body.Close()
	out.Status = resp.StatusCode
	final := resp.Request.URL.String()
	if out.Canonical, err = Canonical(final); err != nil {
		return fail("bad_url", err)
	}
	if !c.allowed[hostKey(resp.Request.URL.Host)] {
		return fail("off_site_redirect", ErrOffSite)
	}
	if resp.StatusCode != http.StatusOK {
		return fail(fmt.Sprintf("http_%d", resp.StatusCode), fmt.Errorf("http status %s", resp.Status))
	}
	mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if mt != "text/html" && mt != "application/xhtml+xml" {
		return fail("content_type", fmt.Errorf("%w: %q", ErrContentType, mt))
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.opts.MaxBodyBytes+1))
	if err != nil {
		return fail("network", err)
	}
	if int64(len(body)) > c.opts.MaxBodyBytes {
		return fail("too_large", ErrTooLarge)
	}
	doc, err := Extract(body, final, c.gaz)
	if err != nil {
		return fail("extract", err)
	}
	out.Outcome, out.ID = OutcomeStored, doc.ID
	return out, doc, body, nil
}

func (c *Crawler) limiter(host string) *rate.Limiter {
	l, ok := c.limiters[host]
	if !ok {
		limit := rate.Limit(c.opts.Rate)
		if c.opts.Rate < 0 {
			limit = rate.Inf
		}
		l = rate.NewLimiter(limit, 1)
		c.limiters[host] = l
	}
	return l
}
