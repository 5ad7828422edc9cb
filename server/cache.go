package server

import (
	"context"
	"encoding/json"
	"sort"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/inquirysearch/inquirysearch/search/searchapi"
	"github.com/prometheus/client_golang/prometheus"
)

// Cached wraps a backend (whose other methods it passes through) with a bounded cache of search results. A search
// box sends the same few searches over and over (the empty box above all,
// whose facets cost the most), and results change only when the index
// does, so entries are keyed by the index version as well as the
// normalised request: a new index makes every old entry unreachable, and
// the LRU ages them out.
type Cached struct {
	Backend
	cache          *lru.Cache[string, *searchapi.Result]
	hits, misses   prometheus.Counter
	cacheCollector []prometheus.Collector
}

// NewCached returns a backend caching up to size search results.
func NewCached(b Backend, size int) (*Cached, error) {
	c, err := lru.New[string, *searchapi.Result](size)
	if err != nil {
		return nil, err
	}
	hits := prometheus.NewCounter(prometheus.CounterOpts{Name: "inquirysearch_search_cache_hits_total", Help: "Searches answered from the result cache."})
	misses := prometheus.NewCounter(prometheus.CounterOpts{Name: "inquirysearch_search_cache_misses_total", Help: "Searches the result cache could not answer."})
	return &Cached{Backend: b, cache: c, hits: hits, misses: misses, cacheCollector: []prometheus.Collector{hits, misses}}, nil
}

// Search answers from the cache when it can. Cached results are shared,
// so each caller gets a shallow copy with its own timing.
func (c *Cached) Search(ctx context.Context, r searchapi.Request) (*searchapi.Result, error) {
	start := time.Now()
	key := c.key(r)
	if res, ok := c.cache.Get(key); ok {
		c.hits.Inc()
		cp := *res
		cp.TookMS = float64(time.Since(start).Microseconds()) / 1000
		return &cp, nil
	}
	c.misses.Inc()
	res, err := c.Backend.Search(ctx, r)
	if err != nil {
		return nil, err
	}
	c.cache.Add(key, res)
	cp := *res
	return &cp, nil
}

// Weigh tells what a search will cost, as the backend judges it (see
// searchapi.Service); a search the cache can answer costs nothing, distance or not.
func (c *Cached) Weigh(ctx context.Context, r searchapi.Request) (broad, distance bool) {
	if c.cache.Contains(c.key(r)) {
		return false, false
	}
	return c.Backend.Weigh(ctx, r)
}

// collectors are the cache's metrics, registered by the server.
func (c *Cached) collectors() []prometheus.Collector { return c.cacheCollector }

// key is the index version and the request in a canonical form: filters
// sorted, so that equal searches share an entry however they were typed.
func (c *Cached) key(r searchapi.Request) string {
	f := map[string][]string{}
	for k, vs := range r.Filters {
		if len(vs) == 0 {
			continue
		}
		v := append([]string(nil), vs...)
		sort.Strings(v)
		f[k] = v
	}
	r.Filters = f
	b, _ := json.Marshal(r) // a Request always marshals
	return c.Backend.Info().Version + "\x00" + string(b)
}
