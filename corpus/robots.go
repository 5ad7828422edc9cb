package corpus

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sync"

	"github.com/temoto/robotstxt"
)

// robotsCache fetches and keeps each host's robots.txt for one crawl.
type robotsCache struct {
	mu     sync.Mutex
	client *http.Client
	agent  string
	groups map[string]*robotstxt.Group
}

func newRobotsCache(client *http.Client, agent string) *robotsCache {
	return &robotsCache{client: client, agent: agent, groups: map[string]*robotstxt.Group{}}
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
		g, err = r.fetch(ctx, key)
		if err != nil {
			return false, err
		}
		r.mu.Lock()
		r.groups[key] = g
		r.mu.Unlock()
	}
	p := u.EscapedPath()
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return g.Test(p), nil
}

func (r *robotsCache) fetch(ctx context.Context, origin string) (*robotstxt.Group, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, origin+"/robots.txt", nil)
	if err != nil {
		return nil, fmt.Errorf("robots.txt for %s: %w", origin, err)
	}
	req.Header.Set("User-Agent", r.agent)
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
