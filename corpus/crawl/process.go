package crawl

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// pageResult is what fetching one URL produced, handed from a fetching
// goroutine to Run's goroutine.
type pageResult struct {
	out       PageOutcome
	doc       *corpus.Document // nil unless the page was stored, unchanged or a duplicate
	body      []byte
	ext       string // raw format: html, pdf, txt
	meta      *PageMeta
	links     []string
	goneID    string // a page stored before that now answers 404 or 410
	resumed   bool   // stored by this crawl before it was interrupted; not fetched again
	cancelled bool
}

// process fetches one URL and extracts its document. It runs on a
// fetching goroutine and touches the store only to read.
func (c *Crawler) process(ctx context.Context, raw string) pageResult {
	res := pageResult{out: PageOutcome{URL: raw}}
	canon, err := corpus.Canonical(raw)
	if err != nil {
		return res.fail(fetchErr("bad_url", 0, err))
	}
	res.out.Canonical = canon
	id := corpus.IDFor(canon)
	prev, _ := c.store.Meta(id)
	if prev != nil && prev.Crawl == c.crawl {
		// Stored by this crawl before it was interrupted.
		if r, ok := c.alreadyStored(res, prev); ok {
			return r
		}
	}
	resp, err := c.fetch(ctx, raw)
	if err != nil {
		var fe *FetchError
		if ctx.Err() != nil || (errors.As(err, &fe) && fe.Class == "cancelled") {
			res.cancelled = true
			return res
		}
		return res.fail(err)
	}
	res.out.Status, res.out.Redirects = resp.Status, resp.Redirects
	if resp.StoredID != "" {
		if m, err := c.store.Meta(resp.StoredID); err == nil {
			if r, ok := c.alreadyStored(res, m); ok {
				return r
			}
		}
	}
	if final, err := corpus.Canonical(resp.URL); err == nil && final != canon {
		// Redirected: the page is the one at the end of the chain.
		id = corpus.IDFor(final)
		prev, _ = c.store.Meta(id)
	}
	if resp.NotModified && prev != nil {
		doc, err := c.store.Document(id)
		if err == nil {
			res.out.Canonical, res.out.Outcome, res.out.ID, res.out.Hash = doc.URL, OutcomeUnchanged, id, doc.ContentHash
			res.doc, res.links = doc, doc.Links
			res.meta = c.metaFor(doc, resp, prev)
			return res
		}
	}
	if resp.Status != http.StatusOK {
		if (resp.Status == http.StatusNotFound || resp.Status == http.StatusGone) && prev != nil {
			res.goneID = id
		}
		return res.fail(fetchErr(fmt.Sprintf("http_%d", resp.Status), resp.Status, fmt.Errorf("http status %d", resp.Status)))
	}
	doc, ext, err := extractResponse(c.gaz, resp.URL, resp.Header, resp.Body)
	if err != nil {
		return res.fail(err)
	}
	res.out.Canonical, res.out.ID, res.out.Hash = doc.URL, doc.ID, doc.ContentHash
	res.doc, res.body, res.ext, res.links = doc, resp.Body, ext, doc.Links
	if doc.ID != id {
		prev, _ = c.store.Meta(doc.ID) // a <base> or odd redirect moved it
	}
	switch {
	case prev == nil:
		res.out.Outcome, res.out.Change = OutcomeStored, ChangeNew
	case prev.ContentHash == doc.ContentHash:
		res.out.Outcome = OutcomeUnchanged
	default:
		res.out.Outcome, res.out.Change = OutcomeStored, ChangeChanged
	}
	res.meta = c.metaFor(doc, resp, prev)
	res.meta.Change = res.out.Change
	return res
}

// alreadyStored returns the outcome for a page this crawl stored before,
// read back from the store instead of fetched again.
func (c *Crawler) alreadyStored(res pageResult, m *PageMeta) (pageResult, bool) {
	doc, err := c.store.Document(m.ID)
	if err != nil {
		return res, false
	}
	res.out.Canonical, res.out.Outcome, res.out.Change, res.out.ID, res.out.Hash = doc.URL, OutcomeStored, m.Change, m.ID, doc.ContentHash
	if m.Change == "" {
		res.out.Outcome = OutcomeUnchanged
	}
	res.doc, res.links, res.resumed, res.meta = doc, doc.Links, true, m
	return res, true
}

// metaFor records the fetch of doc for the next crawl's conditional
// request; a 304 keeps the validators it did not replace.
func (c *Crawler) metaFor(doc *corpus.Document, resp *response, prev *PageMeta) *PageMeta {
	m := &PageMeta{
		ID: doc.ID, URL: doc.URL, FetchedURL: resp.URL, ContentType: resp.Header.Get("Content-Type"),
		ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified"),
		ContentHash: doc.ContentHash, Crawl: c.crawl, Fetched: time.Now().UTC(),
	}
	if prev != nil && resp.NotModified {
		m.ContentType = prev.ContentType
		if m.ETag == "" {
			m.ETag = prev.ETag
		}
		if m.LastModified == "" {
			m.LastModified = prev.LastModified
		}
	}
	return m
}

func (r pageResult) fail(err error) pageResult {
	var fe *FetchError
	if !errors.As(err, &fe) {
		fe = fetchErr("network", 0, err)
	}
	r.out.Outcome, r.out.ErrorClass, r.out.Error = OutcomeFailed, fe.Class, err.Error()
	if fe.Status != 0 {
		r.out.Status = fe.Status
	}
	if errors.Is(err, ErrDisallowed) || errors.Is(err, ErrContentType) {
		r.out.Outcome = OutcomeSkipped
	}
	return r
}
