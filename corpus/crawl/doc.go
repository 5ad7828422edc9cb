// Package crawl fetches published inquiry pages and keeps them: the
// crawler, robots.txt, the on-disk store and its journal, WARC writing and
// reading, and JSON-lines import. Each page is read by corpus/extract.
//
// The Crawler is built for slow, failing, changing servers:
//   - politeness: robots.txt and its Crawl-delay, a per-host rate limit
//     (golang.org/x/time/rate) and a per-host cap on requests in flight, an
//     identifying User-Agent;
//   - faults: header, stall and whole-request timeouts; retries of network
//     errors, 5xx and 429 with exponential backoff and jitter, honouring
//     Retry-After; a body size cap; redirects followed one hop at a time,
//     each hop checked against scope and robots.txt, with loops caught;
//     content types checked; each failure recorded with its class;
//   - scope: allowed hosts and path prefixes judged on the original URL,
//     web-archive copies fetched through the archive, traps (deep paging,
//     endless query variants, repeating paths) refused, content stored once
//     by canonical URL and by content hash;
//   - resumable: a journal of queued and done URLs (state/journal.jsonl)
//     and a meta file written last for each stored page, so a crawl killed
//     at any moment resumes without losing or refetching a stored page;
//   - incremental: a later crawl sends If-None-Match/If-Modified-Since from
//     the meta files, and reports pages new, changed, unchanged and gone;
//   - archived: with a WARCWriter, every request and response is written as
//     WARC 1.1 records (github.com/nlnwa/gowarc), and ImportWARC extracts
//     pages from WARC files, ours or other crawlers'.
//
// On-disk layout under a corpus directory, every file written atomically:
//
//	raw/<id>.html|pdf|txt  the fetched bytes of each page
//	docs/<id>.json         the extracted Document
//	meta/<id>.json         how and when it was fetched (PageMeta)
//	state/journal.jsonl    the running or last crawl's frontier and visited set
//	crawl.json             the last crawl's report (CrawlReport)
package crawl
