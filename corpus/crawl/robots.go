package crawl

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sync"

	"github.com/temoto/robotstxt"
)

// robotsCache fetches and keeps each host's robots.txt for one crawl. The
// fetch goes through the host's gate like any request, and a Crawl-delay
// slows the host's gate down.
type robotsCache struct {
	mu      sync.Mutex
	fetchMu sync.Mutex // one robots.txt fetch at a time, so each is fetched once
	client  *http.Client
	agent   string
	gates   *hostGates
	groups  map[string]*robotstxt.Group
}

func newRobotsCache(client *http.Client, agent string, gates *hostGates) *robotsCache {
	return &robotsCache{client: client, agent: agent, gates: gates, groups: map[string]*robotstxt.Group{}}
}

// allowed reports whether robots.txt lets our agent fetch u. A robots.txt
// that cannot be fetched is read as the robots.txt convention says: a 4xx
// allows everything, a 5xx or a network error disallows everything for now.
func (r *robotsCache) allowed(ctx context.Context, u *url.URL) (bool, error) {
	key := u.Scheme + "://" + u.Host
	r.mu.Lock()
	g, ok := r.groups[key]
	r.mu.Unlock()
	if !ok {
		var err error
		if g, err = r.fetchOnce(ctx, u.Host, key); err != nil {
			return false, err
		}
	}
	p := u.EscapedPath()
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return g.Test(p), nil
}

func (r *robotsCache) fetchOnce(ctx context.Context, host, key string) (*robotstxt.Group, error) {
	r.fetchMu.Lock()
	defer r.fetchMu.Unlock()
	r.mu.Lock()
	g, ok := r.groups[key]
	r.mu.Unlock()
	if ok {
		return g, nil
	}
	g, err := r.fetch(ctx, host, key)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	r.groups[key] = g
	r.mu.Unlock()
	r.gates.get(host).slowTo(g.CrawlDelay)
	return g, nil
}

func (r *robotsCache) fetch(ctx context.Context, host, origin string) (*robotstxt.Group, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, origin+"/robots.txt", nil)
	if err != nil {
		return nil, fmt.Errorf("robots.txt for %s: %w", origin, err)
	}
	req.Header.Set("User-Agent", r.agent)
	gate := r.gates.get(host)
	if err := gate.acquire(ctx); err != nil {
		return nil, fmt.Errorf("robots.txt for %s: %w", origin, err)
	}
	defer gate.release()
	resp, err := r.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("robots.txt for %s: %w", origin, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 512*1024))
	if err != nil {
		return nil, fmt.Errorf("robots.txt for %s: %w", origin, err)
	}
	data, err := robotstxt.FromStatusAndBytes(resp.StatusCode, body)
	if err != nil {
		return nil, fmt.Errorf("robots.txt for %s: %w", origin, err)
	}
	return data.FindGroup(r.agent), nil
}
