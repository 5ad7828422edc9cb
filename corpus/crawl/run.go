package crawl

import (
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// run is the state of one crawl, owned by Run's goroutine: the frontier,
// what was seen, what was stored, and the journal that persists them.
type run struct {
	c         *Crawler
	rep       *CrawlReport
	journal   *journal
	queue     []string
	seen      map[string]bool   // canonical URLs queued, done or refused
	hashes    map[string]string // content hash -> id of the document stored with it
	storedNow map[string]bool   // ids stored or confirmed by this crawl
	gone      map[string]bool
	traps     *trapGuard
}

// startRun resumes the store's unfinished crawl or starts a new one.
func (c *Crawler) startRun() (*run, error) {
	st, err := readJournal(c.store)
	if err != nil {
		return nil, err
	}
	if c.opts.Fresh {
		st = nil
	}
	r := &run{
		c: c, seen: map[string]bool{}, hashes: map[string]string{}, storedNow: map[string]bool{},
		gone: map[string]bool{}, traps: newTrapGuard(c.opts.MaxPageNumber, c.opts.MaxVariants),
	}
	if err := r.loadHashes(); err != nil {
		return nil, err
	}
	if st != nil {
		c.crawl = st.crawl
		r.rep = &CrawlReport{Crawl: st.crawl, Seeds: st.seeds, Started: st.started, Resumed: true}
		if r.journal, err = openJournal(c.store, false); err != nil {
			return nil, err
		}
		r.restore(st)
		c.log.Info("resuming crawl", "crawl", st.crawl, "done", len(st.done), "queued", len(r.queue))
		return r, nil
	}
	now := time.Now().UTC()
	c.crawl = now.Format("20060102T150405.000000000Z")
	r.rep = &CrawlReport{Crawl: c.crawl, Seeds: c.opts.Seeds, Started: now}
	if r.journal, err = openJournal(c.store, true); err != nil {
		return nil, err
	}
	entries := []journalEntry{{Op: "start", Crawl: c.crawl, Seeds: c.opts.Seeds, Started: now}}
	for _, s := range c.opts.Seeds {
		entries = append(entries, r.enqueue(s, false)...)
	}
	return r, r.journal.add(entries...)
}

// loadHashes remembers the content of every stored page, so that content
// already stored under one URL is not stored again under another, whatever
// order this crawl meets them in.
func (r *run) loadHashes() error {
	metas, err := r.c.store.Metas()
	if err != nil {
		return err
	}
	for _, m := range metas {
		if _, ok := r.hashes[m.ContentHash]; !ok || m.ID < r.hashes[m.ContentHash] {
			r.hashes[m.ContentHash] = m.ID
		}
	}
	return nil
}

// restore rebuilds the frontier and the visited set from a journal.
func (r *run) restore(st *journalState) {
	done := map[string]bool{}
	for _, out := range st.done {
		done[out.URL] = true
		r.rep.add(out)
		if canon, err := corpus.Canonical(out.URL); err == nil {
			r.seen[canon] = true
		}
		if out.ID != "" && (out.Outcome == OutcomeStored || out.Outcome == OutcomeUnchanged) {
			r.storedNow[out.ID] = true
			if out.Hash != "" {
				r.hashes[out.Hash] = out.ID
			}
		}
	}
	for _, q := range st.queued {
		canon, err := corpus.Canonical(q)
		if err != nil {
			continue
		}
		if !r.seen[canon] {
			r.seen[canon] = true
			r.traps.check(canon) // recount query variants
		}
		if !done[q] {
			r.queue = append(r.queue, q)
			done[q] = true // queued twice is fetched once
		}
	}
}

// enqueue queues raw if it is new and in scope, and returns the journal
// entries that record it. A trap is recorded as skipped.
func (r *run) enqueue(raw string, withPrefix bool) []journalEntry {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return nil
	}
	u.Fragment = ""
	raw = u.String()
	canon, err := corpus.Canonical(raw)
	if err != nil || r.seen[canon] || !r.c.scope.allows(u, withPrefix) {
		return nil
	}
	r.seen[canon] = true
	if err := r.traps.check(canon); err != nil {
		out := PageOutcome{URL: raw, Canonical: canon, Outcome: OutcomeSkipped, ErrorClass: "trap", Error: err.Error()}
		r.rep.add(out)
		return []journalEntry{{Op: "done", URL: raw, Page: &out}}
	}
	r.queue = append(r.queue, raw)
	return []journalEntry{{Op: "queue", URL: raw}}
}

// handle stores what a fetch produced, queues its links and journals it.
// It fails only when the store or the journal cannot be written.
func (r *run) handle(res pageResult) error {
	if res.cancelled {
		return nil // not done: a resumed crawl fetches it again
	}
	out := res.out
	c := r.c
	if res.goneID != "" {
		r.gone[res.goneID] = true
	}
	if res.doc != nil {
		id := res.doc.ID
		first, dupHash := r.hashes[res.doc.ContentHash]
		switch {
		case r.storedNow[id]:
			// A redirect or an alias led back to a page stored already.
			out.Outcome, out.DuplicateOf = OutcomeDuplicate, id
		case dupHash && first != id:
			// The same content under another URL the canonical form
			// could not unify.
			out.Outcome, out.DuplicateOf = OutcomeDuplicate, first
		default:
			r.hashes[res.doc.ContentHash] = id
			r.storedNow[id] = true
			if err := r.store(res); err != nil {
				return err
			}
		}
	}
	var entries []journalEntry
	for _, l := range res.links {
		entries = append(entries, r.enqueue(l, true)...)
	}
	entries = append(entries, journalEntry{Op: "done", URL: out.URL, Page: &out})
	if err := r.journal.add(entries...); err != nil {
		return err
	}
	r.rep.add(out)
	if out.Outcome == OutcomeFailed {
		c.log.Warn("page failed", "url", out.URL, "class", out.ErrorClass, "error", out.Error)
	}
	return nil
}

// store writes a page, its document and, last, its meta: a meta file
// naming this crawl marks the page as completely stored.
func (r *run) store(res pageResult) error {
	if res.out.Outcome == OutcomeStored && !res.resumed {
		if err := r.c.store.PutRaw(res.doc.ID, res.ext, res.body); err != nil {
			return err
		}
		if err := r.c.store.PutDocument(res.doc); err != nil {
			return err
		}
	}
	if res.meta == nil {
		return nil
	}
	return r.c.store.PutMeta(res.meta)
}

// markGone lists the pages earlier crawls stored that this complete crawl
// did not find again.
func (r *run) markGone() error {
	metas, err := r.c.store.Metas()
	if err != nil {
		return err
	}
	for _, m := range metas {
		if m.Crawl == r.c.crawl || r.storedNow[m.ID] {
			continue
		}
		u, err := url.Parse(m.URL)
		if err != nil || !r.c.scope.allows(u, true) {
			continue
		}
		r.gone[m.ID] = true
	}
	for id := range r.gone {
		m, err := r.c.store.Meta(id)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return fmt.Errorf("gone pages: %w", err)
		}
		r.rep.Gone = append(r.rep.Gone, m.URL)
	}
	return nil
}

func (r *run) progress(url string, elapsed time.Duration) Progress {
	rep := r.rep
	return Progress{
		Fetched: len(rep.Pages), Stored: rep.Stored, Unchanged: rep.Unchanged, Duplicates: rep.Duplicates,
		Skipped: rep.Skipped, Failed: rep.Failed, Queued: len(r.queue),
		Bytes: r.c.stats.bytes.Load(), Elapsed: elapsed, URL: url,
	}
}
