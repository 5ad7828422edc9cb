package crawl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"sync/atomic"
	"time"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// Fetch errors, recorded with their class in the crawl report.
var (
	ErrDisallowed   = errors.New("disallowed by robots.txt")
	ErrOffSite      = errors.New("outside the crawl's scope")
	ErrContentType  = errors.New("unsupported content type")
	ErrTooLarge     = errors.New("response body too large")
	ErrRedirectLoop = errors.New("redirect loop")
	ErrRedirects    = errors.New("too many redirects")
	ErrHeaderWait   = errors.New("no response headers in time")
	ErrStalled      = errors.New("response body stalled")
	ErrTrap         = errors.New("crawler trap")
)

// FetchError is a failed fetch with the class it is reported under
// ("network", "timeout", "stalled", "http_503", "too_large", ...).
type FetchError struct {
	Class  string
	Status int
	Err    error
}

func (e *FetchError) Error() string { return e.Err.Error() }
func (e *FetchError) Unwrap() error { return e.Err }

func fetchErr(class string, status int, err error) *FetchError {
	return &FetchError{Class: class, Status: status, Err: err}
}

// conditional carries the validators of a stored copy of a page.
type conditional struct {
	ETag, LastModified string
}

// response is a fetched URL after redirects.
type response struct {
	URL         string // the URL finally fetched
	Status      int
	Header      http.Header
	Body        []byte
	Redirects   []string // URLs that redirected, in order
	NotModified bool
	// StoredID names the page a redirect led to when this crawl has stored
	// it already; it was not fetched again.
	StoredID string
}

// fetch GETs raw, following redirects itself so that every hop is checked
// against scope and robots.txt, rate-limited and archived, and loops are
// caught.
func (c *Crawler) fetch(ctx context.Context, raw string) (*response, error) {
	var chain []string
	seen := map[string]bool{}
	cur := raw
	for {
		u, err := url.Parse(cur)
		if err != nil {
			return nil, fetchErr("bad_url", 0, err)
		}
		if len(chain) > 0 && !c.scope.allows(u, false) {
			return nil, fetchErr("off_site_redirect", 0, fmt.Errorf("%w: redirect to %s", ErrOffSite, cur))
		}
		if !c.opts.IgnoreRobots {
			ok, err := c.robots.allowed(ctx, u)
			if err != nil {
				return nil, fetchErr("robots", 0, err)
			}
			if !ok {
				return nil, fetchErr("robots", 0, ErrDisallowed)
			}
		}
		seen[cur] = true
		resp, err := c.getWithRetries(ctx, u, c.conditionalFor(cur))
		if err != nil {
			return nil, err
		}
		resp.Redirects = chain
		if resp.Status < 300 || resp.Status >= 400 || resp.Status == http.StatusNotModified {
			return resp, nil
		}
		loc := resp.Header.Get("Location")
		if loc == "" {
			return resp, nil
		}
		next, err := u.Parse(loc)
		if err != nil {
			return nil, fetchErr("bad_redirect", resp.Status, fmt.Errorf("redirect to %q: %w", loc, err))
		}
		chain = append(chain, cur)
		cur = next.String()
		if id, ok := c.storedThisCrawl(cur); ok {
			return &response{URL: cur, Status: resp.Status, Redirects: chain, StoredID: id}, nil
		}
		if seen[cur] {
			return nil, fetchErr("redirect_loop", resp.Status, fmt.Errorf("%w: %s leads back to %s", ErrRedirectLoop, raw, cur))
		}
		if len(chain) > c.opts.MaxRedirects {
			return nil, fetchErr("too_many_redirects", resp.Status, fmt.Errorf("%w: more than %d from %s", ErrRedirects, c.opts.MaxRedirects, raw))
		}
	}
}

// storedThisCrawl reports whether the running crawl has stored raw's page.
func (c *Crawler) storedThisCrawl(raw string) (string, bool) {
	canon, err := corpus.Canonical(raw)
	if err != nil {
		return "", false
	}
	id := corpus.IDFor(canon)
	m, err := c.store.Meta(id)
	return id, err == nil && m.Crawl == c.crawl
}

// conditionalFor returns the validators of the stored copy of raw's page.
func (c *Crawler) conditionalFor(raw string) conditional {
	canon, err := corpus.Canonical(raw)
	if err != nil {
		return conditional{}
	}
	m, err := c.store.Meta(corpus.IDFor(canon))
	if err != nil {
		return conditional{}
	}
	return conditional{ETag: m.ETag, LastModified: m.LastModified}
}

// getWithRetries makes one GET, retrying network errors, 5xx and 429 with
// exponential backoff and jitter, or as Retry-After asks.
func (c *Crawler) getWithRetries(ctx context.Context, u *url.URL, cond conditional) (*response, error) {
	gate := c.gates.get(u.Host)
	for attempt := 0; ; attempt++ {
		if err := gate.acquire(ctx); err != nil {
			return nil, fetchErr("cancelled", 0, err)
		}
		resp, err := c.get(ctx, u, cond)
		gate.release()
		if ctx.Err() != nil {
			return nil, fetchErr("cancelled", 0, ctx.Err())
		}
		var fe *FetchError
		retryable := false
		switch {
		case errors.As(err, &fe):
			retryable = fe.Class == "network" || fe.Class == "timeout" || fe.Class == "stalled"
		case err != nil:
			return nil, fetchErr("network", 0, err)
		case resp.Status == http.StatusTooManyRequests || resp.Status >= 500:
			fe = fetchErr(fmt.Sprintf("http_%d", resp.Status), resp.Status, fmt.Errorf("http status %d", resp.Status))
			retryable = true
		default:
			return resp, nil
		}
		if !retryable || attempt >= c.opts.MaxRetries {
			return nil, fe
		}
		wait := backoff(c.opts.RetryBase, attempt)
		if resp != nil {
			if d, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
				if d > c.opts.MaxRetryAfter {
					return nil, fetchErr(fe.Class, fe.Status, fmt.Errorf("%w; server asks to retry after %s", fe.Err, d))
				}
				wait = d
				gate.pause(d)
			}
		}
		c.log.Debug("retrying", "url", u.String(), "class", fe.Class, "attempt", attempt+1, "wait", wait)
		c.stats.retries.Add(1)
		if err := sleepCtx(ctx, wait); err != nil {
			return nil, fetchErr("cancelled", 0, err)
		}
	}
}

// get makes one request with the header, stall and whole-request
// timeouts, reads at most MaxBodyBytes, and archives the exchange.
func (c *Crawler) get(ctx context.Context, u *url.URL, cond conditional) (*response, error) {
	ctx, cancel := context.WithTimeoutCause(ctx, c.opts.RequestTimeout, context.DeadlineExceeded)
	defer cancel()
	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fetchErr("bad_url", 0, err)
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.1")
	if cond.ETag != "" {
		req.Header.Set("If-None-Match", cond.ETag)
	}
	if cond.LastModified != "" {
		req.Header.Set("If-Modified-Since", cond.LastModified)
	}
	headerTimer := time.AfterFunc(c.opts.HeaderTimeout, func() { stop(ErrHeaderWait) })
	resp, err := c.client.Do(req)
	headerTimer.Stop()
	if err != nil {
		return nil, classifyCause(ctx, err)
	}
	defer resp.Body.Close()
	body, err := readStalling(resp.Body, c.opts.MaxBodyBytes, c.opts.StallTimeout, stop)
	if errors.Is(err, ErrTooLarge) {
		return nil, fetchErr("too_large", resp.StatusCode, fmt.Errorf("%w: over %d bytes", ErrTooLarge, c.opts.MaxBodyBytes))
	}
	if err != nil {
		return nil, classifyCause(ctx, err)
	}
	c.stats.bytes.Add(int64(len(body)))
	if c.opts.WARC != nil {
		if err := c.opts.WARC.WriteExchange(req, resp, body, time.Now()); err != nil {
			return nil, fetchErr("warc", resp.StatusCode, err)
		}
	}
	return &response{URL: u.String(), Status: resp.StatusCode, Header: resp.Header, Body: body,
		NotModified: resp.StatusCode == http.StatusNotModified}, nil
}

// classifyCause names a failed request by why its context ended, if it did.
func classifyCause(ctx context.Context, err error) *FetchError {
	switch cause := context.Cause(ctx); {
	case errors.Is(cause, ErrHeaderWait):
		return fetchErr("timeout", 0, ErrHeaderWait)
	case errors.Is(cause, ErrStalled):
		return fetchErr("stalled", 0, ErrStalled)
	case errors.Is(cause, context.DeadlineExceeded):
		return fetchErr("timeout", 0, fmt.Errorf("request took too long: %w", err))
	}
	if ne, ok := errors.AsType[net.Error](err); ok && ne.Timeout() {
		return fetchErr("timeout", 0, err)
	}
	return fetchErr("network", 0, err)
}

// readStalling reads r to its end, at most limit bytes, calling stop if no
// byte arrives for stall.
func readStalling(r io.Reader, limit int64, stall time.Duration, stop context.CancelCauseFunc) ([]byte, error) {
	cr := &countingReader{r: io.LimitReader(r, limit+1)}
	done := make(chan struct{})
	defer close(done)
	go func() {
		t := time.NewTicker(max(stall/4, time.Millisecond))
		defer t.Stop()
		last, lastChange := cr.n.Load(), time.Now()
		for {
			select {
			case <-done:
				return
			case now := <-t.C:
				if n := cr.n.Load(); n != last {
					last, lastChange = n, now
				} else if now.Sub(lastChange) >= stall {
					stop(ErrStalled)
					return
				}
			}
		}
	}()
	body, err := io.ReadAll(cr)
	if err != nil {
		return nil, err
	}
	if int64(len(body)) > limit {
		return nil, ErrTooLarge
	}
	return body, nil
}

// countingReader counts the bytes read through it, for the stall watch.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}
