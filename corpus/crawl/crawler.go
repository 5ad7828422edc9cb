package crawl

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// Crawler fetches pages from seed URLs into a Store. A Crawler runs one
// crawl at a time; Run is not safe to call concurrently on one Crawler.
//
// Fetches run concurrently (Options.Workers), at most Options.PerHost at a
// time per host and no faster than Options.Rate per host. Everything that
// decides what to store, and the journal, is handled by Run's own
// goroutine, so those decisions need no locks.
type Crawler struct {
	opts   Options
	store  *Store
	gaz    *corpus.Gazetteer
	log    *slog.Logger
	client *http.Client // opts.Client, not following redirects itself
	robots *robotsCache
	gates  *hostGates
	scope  *scope
	stats  crawlStats
	crawl  string // id of the running crawl
}

// NewCrawler returns a crawler that writes into store. It fails on a
// missing or malformed seed.
func NewCrawler(store *Store, gaz *corpus.Gazetteer, opts Options) (*Crawler, error) {
	if len(opts.Seeds) == 0 {
		return nil, errors.New("crawler: no seed URLs")
	}
	opts.setDefaults()
	sc, err := newScope(opts.Seeds, opts.AllowedHosts, opts.AllowedPrefixes)
	if err != nil {
		return nil, err
	}
	client := *opts.Client
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	gates := newHostGates(opts.Rate, opts.PerHost)
	return &Crawler{
		opts: opts, store: store, gaz: gaz, log: opts.Logger, client: &client,
		robots: newRobotsCache(opts.Client, opts.UserAgent, gates),
		gates:  gates, scope: sc,
	}, nil
}

// Run crawls until the frontier is empty, MaxPages is reached or ctx ends.
// If the store holds an unfinished crawl (one killed or cancelled), Run
// resumes it, unless Options.Fresh is set. Each page's failure is recorded
// in the report and the crawl goes on; Run returns an error only when ctx
// ends or the store cannot be written.
func (c *Crawler) Run(ctx context.Context) (*CrawlReport, error) {
	r, err := c.startRun()
	if err != nil {
		return nil, err
	}
	defer r.journal.close()
	start := time.Now()

	jobs := make(chan string)
	results := make(chan pageResult)
	for range c.opts.Workers {
		go func() {
			for raw := range jobs {
				results <- c.process(ctx, raw)
			}
		}()
	}
	defer close(jobs)

	inflight, dispatched := 0, 0
	done := ctx.Done()
	var runErr error
	for {
		var send chan string
		var next string
		if len(r.queue) > 0 && dispatched < c.opts.MaxPages && runErr == nil && ctx.Err() == nil {
			send, next = jobs, r.queue[0]
		}
		if send == nil && inflight == 0 {
			break
		}
		select {
		case send <- next:
			r.queue = r.queue[1:]
			inflight++
			dispatched++
		case res := <-results:
			inflight--
			if runErr == nil {
				runErr = r.handle(res)
			}
			if c.opts.Progress != nil && !res.cancelled {
				c.opts.Progress(r.progress(res.out.URL, time.Since(start)))
			}
		case <-done:
			done = nil // stop dispatching; wait for the fetches in flight
		}
	}
	if runErr == nil {
		runErr = ctx.Err()
	}
	complete := runErr == nil && len(r.queue) == 0
	return c.finish(r, complete, runErr)
}

func (c *Crawler) finish(r *run, complete bool, runErr error) (*CrawlReport, error) {
	rep := r.rep
	if complete {
		if err := r.markGone(); err != nil && runErr == nil {
			runErr = err
		}
	}
	rep.Complete = complete
	rep.Finished = time.Now().UTC()
	rep.Seconds = rep.Finished.Sub(rep.Started).Seconds()
	rep.Bytes += c.stats.bytes.Load()
	rep.Retries += c.stats.retries.Load()
	rep.sortGone()
	sum, err := c.store.SummariseExtraction()
	if err != nil && runErr == nil {
		runErr = err
	}
	rep.Extraction = sum
	if err := c.store.PutReport(rep); err != nil && runErr == nil {
		runErr = err
	}
	if complete && runErr == nil {
		// Only a finished crawl closes its journal; anything else is resumed.
		if err := r.journal.add(journalEntry{Op: "end"}); err != nil {
			runErr = err
		}
	}
	c.log.Info("crawl finished", "complete", complete, "new", rep.New, "changed", rep.Changed,
		"unchanged", rep.Unchanged, "gone", len(rep.Gone), "duplicates", rep.Duplicates,
		"skipped", rep.Skipped, "failed", rep.Failed, "bytes", rep.Bytes,
		"duration", rep.Finished.Sub(rep.Started).Round(time.Millisecond))
	if runErr != nil {
		return rep, fmt.Errorf("crawl: %w", runErr)
	}
	return rep, nil
}
