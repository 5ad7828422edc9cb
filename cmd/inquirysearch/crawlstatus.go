package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/inquirysearch/inquirysearch/corpus/crawl"
)

// crawlStatus shows a running crawl: a live bar on a terminal, a plain
// line every few pages otherwise (logs, pipes, tests).
type crawlStatus struct {
	w    io.Writer
	bar  *progressbar.ProgressBar
	last time.Time
}

func newCrawlStatus(w io.Writer) *crawlStatus {
	p := &crawlStatus{w: w}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.bar = progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("crawling"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("pages"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(200*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	return p
}

func (p *crawlStatus) update(s crawl.Progress) {
	if p.bar != nil {
		// The frontier grows as pages are read, so the total moves too.
		p.bar.ChangeMax(s.Fetched + s.Queued)
		p.bar.Describe(fmt.Sprintf("%d stored, %d unchanged, %d errors, %d queued", s.Stored, s.Unchanged, s.Failed, s.Queued))
		p.bar.Set(s.Fetched)
		return
	}
	if s.Queued > 0 && time.Since(p.last) < 5*time.Second && s.Fetched%50 != 0 {
		return
	}
	p.last = time.Now()
	rate := float64(s.Fetched) / max(s.Elapsed.Seconds(), 0.001)
	eta := "-"
	if rate > 0 {
		eta = time.Duration(float64(s.Queued) / rate * float64(time.Second)).Round(time.Second).String()
	}
	fmt.Fprintf(p.w, "  %d pages: %d stored, %d unchanged, %d duplicates, %d skipped, %d failed; %d queued; %.1f pages/s; ETA %s\n",
		s.Fetched, s.Stored, s.Unchanged, s.Duplicates, s.Skipped, s.Failed, s.Queued, rate, eta)
}

func (p *crawlStatus) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}
