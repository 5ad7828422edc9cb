package crawl

import (
	"log/slog"
	"net"
	"net/http"
	"time"
)

// DefaultUserAgent identifies the crawler to the sites it visits, with a
// URL where their operators can read what it does and how to reach us.
const DefaultUserAgent = "InquirySearchBot/0.2 (+https://github.com/inquirysearch/inquirysearch)"

// Options configures a crawl. The zero value of each field is a safe
// default: robots.txt honoured, one request per second and one connection
// at a time per host, bounded timeouts, retries and body size.
type Options struct {
	Seeds []string
	// AllowedHosts are the hosts whose pages belong to the crawl, compared
	// without "www." on the page's original URL (a web-archive copy of an
	// allowed page is in scope). Default: the seeds' original hosts.
	AllowedHosts []string
	// AllowedPrefixes, when set, limit the crawl to original URL paths
	// beginning with one of them (seeds are always fetched).
	AllowedPrefixes []string
	UserAgent       string
	Rate            float64 // requests per second per host; 0 means 1, negative means no limit
	PerHost         int     // requests in flight at once per host; default 1
	Workers         int     // fetches in flight at once over all hosts; default 4
	MaxPages        int     // pages to fetch at most; default 10,000
	MaxBodyBytes    int64   // default 50 MiB (report PDFs are large)
	MaxRedirects    int     // redirects followed per URL; default 10
	MaxPageNumber   int     // highest ?page=N followed; default 200
	MaxVariants     int     // distinct query strings followed per path; default 50
	IgnoreRobots    bool

	// Timeouts. ConnectTimeout applies to the default client only; the
	// others are enforced for any client.
	ConnectTimeout time.Duration // default 10 s
	HeaderTimeout  time.Duration // until response headers; default 30 s
	StallTimeout   time.Duration // with no body bytes arriving; default 30 s
	RequestTimeout time.Duration // whole request and body; default 10 min

	// Retries of network errors, 5xx and 429: up to MaxRetries more
	// attempts, waiting RetryBase·2^n with jitter, or what Retry-After asks
	// if it asks for no more than MaxRetryAfter.
	MaxRetries    int           // default 4; negative means none
	RetryBase     time.Duration // default 1 s
	MaxRetryAfter time.Duration // default 10 min

	// SampleShell, for CrawlSample, names the page shell the sample site
	// prints its pages in (samplesite.Shells); empty is the site's own.
	SampleShell string
	// Fresh discards an unfinished crawl's saved frontier instead of
	// resuming it.
	Fresh bool
	// WARC, when set, receives every request and response.
	WARC *WARCWriter

	Client   *http.Client
	Logger   *slog.Logger
	Progress func(Progress) // called after each page, from the crawl's own goroutine
}

// WithDefaults returns the options a crawler would run with: every unset
// field given its default.
func (o Options) WithDefaults() Options {
	o.setDefaults()
	return o
}

func (o *Options) setDefaults() {
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Rate == 0 {
		o.Rate = 1
	}
	setInt(&o.PerHost, 1)
	setInt(&o.Workers, 4)
	setInt(&o.MaxPages, 10000)
	setInt(&o.MaxRedirects, 10)
	setInt(&o.MaxPageNumber, 200)
	setInt(&o.MaxVariants, 50)
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = 50 << 20
	}
	setDuration(&o.ConnectTimeout, 10*time.Second)
	setDuration(&o.HeaderTimeout, 30*time.Second)
	setDuration(&o.StallTimeout, 30*time.Second)
	setDuration(&o.RequestTimeout, 10*time.Minute)
	setDuration(&o.RetryBase, time.Second)
	setDuration(&o.MaxRetryAfter, 10*time.Minute)
	switch {
	case o.MaxRetries == 0:
		o.MaxRetries = 4
	case o.MaxRetries < 0:
		o.MaxRetries = 0
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Client == nil {
		o.Client = defaultClient(o.ConnectTimeout, o.HeaderTimeout)
	}
}

func setInt(v *int, def int) {
	if *v <= 0 {
		*v = def
	}
}

func setDuration(v *time.Duration, def time.Duration) {
	if *v <= 0 {
		*v = def
	}
}

// defaultClient is an HTTP client whose transport bounds connecting and
// waiting for headers; the crawler bounds the rest per request.
func defaultClient(connect, header time.Duration) *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.DialContext = (&net.Dialer{Timeout: connect}).DialContext
	t.TLSHandshakeTimeout = connect
	t.ResponseHeaderTimeout = header
	// Bodies are archived as the server sent them; Go's transparent gzip
	// would hide the encoding.
	t.DisableCompression = true
	return &http.Client{Transport: t}
}
