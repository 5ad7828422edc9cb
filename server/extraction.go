package server

import (
	"errors"
	"sync"
	"time"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/crawl"
)

// extractionTTL is how long a read extraction summary is reused: every
// page's footer asks whether the index holds the sample, and the answer
// changes only with a crawl or a build.
const extractionTTL = 5 * time.Second

// extractionCache reads the extraction summary at most once per TTL.
type extractionCache struct {
	read func() (*corpus.ExtractionSummary, error)
	mu   sync.Mutex
	at   time.Time
	sum  *corpus.ExtractionSummary
}

// get returns the summary, or nil when there is none to read.
func (c *extractionCache) get() *corpus.ExtractionSummary {
	if c == nil || c.read == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if time.Since(c.at) < extractionTTL {
		return c.sum
	}
	sum, err := c.read()
	if err != nil && !errors.Is(err, crawl.ErrNotFound) {
		sum = nil
	}
	c.sum, c.at = sum, time.Now()
	return c.sum
}

// holdsSample reports whether the corpus behind the index is the embedded
// sample site, so pages can say their content is fictional.
func (c *extractionCache) holdsSample() bool {
	sum := c.get()
	return sum != nil && sum.Sample
}
