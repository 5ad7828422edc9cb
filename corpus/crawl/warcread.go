package crawl

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/nlnwa/gowarc"
)

// ArchivedResponse is one HTTP response read back from a WARC file.
type ArchivedResponse struct {
	URL    string // WARC-Target-URI
	Date   time.Time
	Status int
	Header http.Header
	Body   []byte // decoded: no chunking, no gzip
}

// ReadWARC calls fn with each HTTP response record of the WARC file at
// path, compressed or not, in file order. It reads WARCs written by other
// tools leniently: records it cannot use are passed over, and a response
// body over maxBody bytes is passed over with a warning in the returned
// count of skipped records. fn's error stops the reading.
func ReadWARC(path string, maxBody int64, fn func(*ArchivedResponse) error) (skipped int, err error) {
	r, err := gowarc.NewWarcFileReader(path, 0, gowarc.WithNoValidation())
	if err != nil {
		return 0, fmt.Errorf("read warc %s: %w", path, err)
	}
	defer r.Close()
	for {
		rec, offset, _, err := r.Next()
		if errors.Is(err, io.EOF) {
			return skipped, nil
		}
		if err != nil {
			return skipped, fmt.Errorf("read warc %s at offset %d: %w", path, offset, err)
		}
		resp, ok := httpResponse(rec, maxBody)
		rec.Close()
		if !ok {
			if rec.Type() == gowarc.Response {
				skipped++
			}
			continue
		}
		if err := fn(resp); err != nil {
			return skipped, err
		}
	}
}

// httpResponse parses a response record's block as an HTTP response.
func httpResponse(rec gowarc.WarcRecord, maxBody int64) (*ArchivedResponse, bool) {
	if rec.Type() != gowarc.Response {
		return nil, false
	}
	// Wget writes the URI in angle brackets, as a draft of WARC 1.0 did.
	target := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(rec.WarcHeader().Get(gowarc.WarcTargetURI)), "<"), ">")
	if target == "" {
		return nil, false
	}
	raw, err := rec.Block().RawBytes()
	if err != nil {
		return nil, false
	}
	resp, err := http.ReadResponse(bufio.NewReader(raw), nil)
	if err != nil {
		return nil, false
	}
	defer resp.Body.Close()
	var body io.Reader = resp.Body
	if resp.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, false
		}
		body = zr
	}
	b, err := io.ReadAll(io.LimitReader(body, maxBody+1))
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) || int64(len(b)) > maxBody {
		return nil, false
	}
	date, _ := rec.Date()
	return &ArchivedResponse{URL: target, Date: date, Status: resp.StatusCode, Header: resp.Header, Body: b}, true
}
