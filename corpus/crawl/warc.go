package crawl

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/nlnwa/gowarc"
)

// WARCWriter writes every request and response of a crawl as WARC 1.1
// request and response records, each gzip-compressed on its own (so a
// reader can seek to any record), into files rotated by size. It is safe
// for concurrent use.
type WARCWriter struct {
	mu sync.Mutex
	w  *gowarc.WarcFileWriter
}

// DefaultWARCMaxBytes is the size past which a WARCWriter starts a new
// file, when asked for none.
const DefaultWARCMaxBytes = 1 << 30

// NewWARCWriter writes WARC files named <prefix><timestamp>-<serial>.warc.gz
// into dir, starting a new file once one passes maxBytes (default
// DefaultWARCMaxBytes).
func NewWARCWriter(dir, prefix string, maxBytes int64) (*WARCWriter, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("warc writer: %w", err)
	}
	if maxBytes <= 0 {
		maxBytes = DefaultWARCMaxBytes
	}
	names := &gowarc.PatternNameGenerator{Directory: dir, Prefix: prefix, Pattern: "%{prefix}s%{ts}s-%05{serial}d.%{ext}s"}
	w := gowarc.NewWarcFileWriter(
		gowarc.WithFileNameGenerator(names),
		gowarc.WithMaxFileSize(maxBytes),
		gowarc.WithCompression(true),
		gowarc.WithWarcInfoFunc(func(b gowarc.WarcRecordBuilder) error {
			b.AddWarcHeader(gowarc.ContentType, "application/warc-fields")
			_, err := b.WriteString("software: inquirysearch\r\nformat: WARC File Format 1.1\r\n")
			return err
		}),
	)
	return &WARCWriter{w: w}, nil
}

// WriteExchange archives one request and the response it got. body is the
// response body as read (after any transfer decoding), so the recorded
// headers are adjusted to describe it.
func (ww *WARCWriter) WriteExchange(req *http.Request, resp *http.Response, body []byte, at time.Time) error {
	var reqBuf bytes.Buffer
	fmt.Fprintf(&reqBuf, "%s %s HTTP/1.1\r\nHost: %s\r\n", req.Method, req.URL.RequestURI(), req.URL.Host)
	if err := req.Header.Write(&reqBuf); err != nil {
		return fmt.Errorf("warc request: %w", err)
	}
	reqBuf.WriteString("\r\n")

	var respBuf bytes.Buffer
	fmt.Fprintf(&respBuf, "HTTP/1.1 %s\r\n", resp.Status)
	h := resp.Header.Clone()
	h.Del("Transfer-Encoding")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if err := h.Write(&respBuf); err != nil {
		return fmt.Errorf("warc response: %w", err)
	}
	respBuf.WriteString("\r\n")
	respBuf.Write(body)

	target := req.URL.String()
	date := at.UTC()
	respRec, err := buildRecord(gowarc.Response, "application/http;msgtype=response", target, date, "", respBuf.Bytes())
	if err != nil {
		return err
	}
	reqRec, err := buildRecord(gowarc.Request, "application/http;msgtype=request", target, date,
		respRec.WarcHeader().Get(gowarc.WarcRecordID), reqBuf.Bytes())
	if err != nil {
		return err
	}
	ww.mu.Lock()
	defer ww.mu.Unlock()
	for _, r := range ww.w.Write(respRec, reqRec) {
		if r.Err != nil {
			return fmt.Errorf("write warc: %w", r.Err)
		}
	}
	return nil
}

func buildRecord(t gowarc.RecordType, contentType, target string, date time.Time, concurrentTo string, block []byte) (gowarc.WarcRecord, error) {
	b := gowarc.NewRecordBuilder(t, gowarc.WithAddMissingRecordId(true), gowarc.WithAddMissingDigest(true),
		gowarc.WithAddMissingContentLength(true))
	b.AddWarcHeader(gowarc.WarcTargetURI, target)
	b.AddWarcHeaderTime(gowarc.WarcDate, date)
	b.AddWarcHeader(gowarc.ContentType, contentType)
	if concurrentTo != "" {
		b.AddWarcHeader(gowarc.WarcConcurrentTo, concurrentTo)
	}
	if _, err := b.Write(block); err != nil {
		return nil, fmt.Errorf("warc record: %w", err)
	}
	rec, _, err := b.Build()
	if err != nil {
		return nil, fmt.Errorf("warc record for %s: %w", target, err)
	}
	return rec, nil
}

// Close finishes the current WARC file.
func (ww *WARCWriter) Close() error {
	ww.mu.Lock()
	defer ww.mu.Unlock()
	if err := ww.w.Close(); err != nil {
		return fmt.Errorf("close warc: %w", err)
	}
	return nil
}
