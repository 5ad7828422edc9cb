package crawl

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// ImportWARC extracts the pages archived in WARC files (ours or another
// crawler's) into store, as a crawl would have: one document per canonical
// URL, content stored once, failures recorded in the report by class. When
// a URL was archived more than once, its latest capture wins. The report
// is kept as the store's crawl.json.
func ImportWARC(ctx context.Context, store *Store, gaz *corpus.Gazetteer, paths []string, log *slog.Logger) (*CrawlReport, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	now := time.Now().UTC()
	rep := &CrawlReport{Crawl: "warc-" + now.Format("20060102T150405.000000000Z"), Seeds: paths, Started: now}
	captured := map[string]time.Time{} // id -> date of the capture stored
	hashes := map[string]string{}
	for _, path := range paths {
		skipped, err := ReadWARC(path, 200<<20, func(a *ArchivedResponse) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			rep.Bytes += int64(len(a.Body))
			out := importOne(store, gaz, a, rep.Crawl, captured, hashes)
			if out.Outcome == "" {
				return nil // robots.txt and other files that are not pages
			}
			if out.Outcome == OutcomeStored && out.Error != "" {
				return fmt.Errorf("import %s: %s", a.URL, out.Error)
			}
			rep.add(out)
			return nil
		})
		if err != nil {
			return rep, fmt.Errorf("import warc: %w", err)
		}
		if skipped > 0 {
			log.Warn("warc records passed over", "file", path, "records", skipped)
		}
	}
	rep.Finished = time.Now().UTC()
	rep.Seconds = rep.Finished.Sub(rep.Started).Seconds()
	rep.Complete = true
	sum, err := store.SummariseExtraction()
	if err != nil {
		return rep, err
	}
	rep.Extraction = sum
	if err := store.PutReport(rep); err != nil {
		return rep, err
	}
	log.Info("warc import finished", "stored", rep.Stored, "duplicates", rep.Duplicates,
		"skipped", rep.Skipped, "failed", rep.Failed)
	return rep, nil
}

// importOne stores one archived response. It returns an outcome with no
// Outcome for records that are not pages, and a stored outcome with an
// Error when the store could not be written.
func importOne(store *Store, gaz *corpus.Gazetteer, a *ArchivedResponse, crawl string, captured map[string]time.Time, hashes map[string]string) PageOutcome {
	out := PageOutcome{URL: a.URL, Status: a.Status}
	canon, err := corpus.Canonical(a.URL)
	if err != nil {
		return PageOutcome{}
	}
	out.Canonical = canon
	if strings.HasSuffix(canon, "/robots.txt") {
		return PageOutcome{}
	}
	if a.Status != http.StatusOK {
		out.Outcome, out.ErrorClass, out.Error = OutcomeFailed, fmt.Sprintf("http_%d", a.Status), fmt.Sprintf("archived status %d", a.Status)
		if a.Status >= 300 && a.Status < 400 {
			out.Outcome = OutcomeSkipped // the target has its own record
		}
		return out
	}
	doc, ext, err := extractResponse(gaz, a.URL, a.Header, a.Body)
	if err != nil {
		r := pageResult{out: out}.fail(err)
		return r.out
	}
	out.ID, out.Hash = doc.ID, doc.ContentHash
	if first, ok := hashes[doc.ContentHash]; ok {
		// This content is stored already, under this URL (an alias or a
		// later capture of an unchanged page) or another.
		out.Outcome, out.DuplicateOf = OutcomeDuplicate, first
		return out
	}
	prev, again := captured[doc.ID]
	if again && !a.Date.After(prev) {
		out.Outcome, out.DuplicateOf = OutcomeDuplicate, doc.ID
		return out
	}
	captured[doc.ID] = a.Date
	hashes[doc.ContentHash] = doc.ID
	out.Outcome, out.Change = OutcomeStored, ChangeNew
	if again {
		out.Change = ChangeChanged // a later capture of changed content replaces the earlier one
	}
	meta := &PageMeta{
		ID: doc.ID, URL: doc.URL, FetchedURL: a.URL, ContentType: a.Header.Get("Content-Type"),
		ETag: a.Header.Get("ETag"), LastModified: a.Header.Get("Last-Modified"),
		ContentHash: doc.ContentHash, Crawl: crawl, Change: ChangeNew, Fetched: a.Date,
	}
	for _, err := range []error{store.PutRaw(doc.ID, ext, a.Body), store.PutDocument(doc), store.PutMeta(meta)} {
		if err != nil {
			out.Error = err.Error()
			return out
		}
	}
	return out
}
