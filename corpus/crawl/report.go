package crawl

import (
	"sort"
	"sync/atomic"
	"time"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// Progress is a snapshot of a running crawl.
type Progress struct {
	Fetched, Stored, Duplicates, Skipped, Failed, Queued int
	Unchanged                                            int
	Bytes                                                int64
	Elapsed                                              time.Duration
	URL                                                  string
}

// Outcome of one URL in a crawl.
const (
	OutcomeStored    = "stored"    // new or changed, and written to the store
	OutcomeUnchanged = "unchanged" // the stored copy is current (304, or the same content)
	OutcomeDuplicate = "duplicate"
	OutcomeSkipped   = "skipped"
	OutcomeFailed    = "failed"
)

// Change of a stored page since the previous crawl.
const (
	ChangeNew     = "new"
	ChangeChanged = "changed"
)

// PageOutcome records what happened to one URL.
type PageOutcome struct {
	URL         string   `json:"url"`
	Canonical   string   `json:"canonical,omitempty"`
	Outcome     string   `json:"outcome"`
	Change      string   `json:"change,omitempty"` // new or changed, for stored pages
	Status      int      `json:"status,omitempty"`
	Error       string   `json:"error,omitempty"`
	ErrorClass  string   `json:"error_class,omitempty"`
	ID          string   `json:"id,omitempty"`
	DuplicateOf string   `json:"duplicate_of,omitempty"`
	Hash        string   `json:"hash,omitempty"`
	Redirects   []string `json:"redirects,omitempty"`
}

// CrawlReport summarises a crawl; the store keeps the last one as
// crawl.json. Stored counts pages written (New + Changed); Gone lists the
// pages an earlier crawl stored that this complete crawl no longer found.
type CrawlReport struct {
	Crawl      string    `json:"crawl"`
	Seeds      []string  `json:"seeds"`
	Started    time.Time `json:"started"`
	Finished   time.Time `json:"finished"`
	Seconds    float64   `json:"seconds"`
	Resumed    bool      `json:"resumed,omitempty"`
	Complete   bool      `json:"complete"` // the frontier was exhausted
	Stored     int       `json:"stored"`
	New        int       `json:"new"`
	Changed    int       `json:"changed"`
	Unchanged  int       `json:"unchanged"`
	Duplicates int       `json:"duplicates"`
	Skipped    int       `json:"skipped"`
	Failed     int       `json:"failed"`
	Gone       []string  `json:"gone,omitempty"`
	// Extraction sums how the corpus's pages were read, as kept in
	// extraction.json when the crawl ended.
	Extraction *corpus.ExtractionSummary `json:"extraction,omitempty"`
	ByClass    map[string]int            `json:"by_class,omitempty"` // skipped and failed pages by error class
	Bytes      int64                     `json:"bytes"`
	Retries    int64                     `json:"retries"`
	Pages      []PageOutcome             `json:"pages"`
}

// crawlStats are counters the fetching goroutines update.
type crawlStats struct {
	bytes   atomic.Int64
	retries atomic.Int64
}

func (r *CrawlReport) add(out PageOutcome) {
	switch out.Outcome {
	case OutcomeStored:
		r.Stored++
		if out.Change == ChangeChanged {
			r.Changed++
		} else {
			r.New++
		}
	case OutcomeUnchanged:
		r.Unchanged++
	case OutcomeDuplicate:
		r.Duplicates++
	case OutcomeSkipped:
		r.Skipped++
	default:
		r.Failed++
	}
	if out.ErrorClass != "" {
		if r.ByClass == nil {
			r.ByClass = map[string]int{}
		}
		r.ByClass[out.ErrorClass]++
	}
	r.Pages = append(r.Pages, out)
}

// sortGone keeps the report stable across runs.
func (r *CrawlReport) sortGone() { sort.Strings(r.Gone) }
