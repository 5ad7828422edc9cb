package server

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// exportChunk is how much of an export is held before it goes to the
// client: the most memory a client that reads slowly can make the server
// hold, beside the search layer's one batch of hits.
const exportChunk = 32 << 10

// errExportBusy ends an export that could not get a search slot back
// after writing.
var errExportBusy = errors.New("the server was too busy to go on with the export")

// exportWriter buffers an export's rows and writes them a chunk at a
// time. While it writes it holds no search slot, so that a slow or
// stalled client keeps no search waiting, and each chunk must be taken by
// the client within a timeout, so that one that stops reading is cut off
// rather than kept for the server's whole write timeout.
type exportWriter struct {
	w       http.ResponseWriter
	rc      *http.ResponseController
	slot    *slot
	timeout time.Duration
	buf     bytes.Buffer
}

func newExportWriter(w http.ResponseWriter, r *http.Request, timeout time.Duration) *exportWriter {
	return &exportWriter{w: w, rc: http.NewResponseController(w), slot: requestSlot(r), timeout: timeout}
}

func (e *exportWriter) Write(p []byte) (int, error) {
	e.buf.Write(p)
	if e.buf.Len() >= exportChunk {
		if err := e.flush(true); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

// flush sends what is buffered with the slot given back, and takes a slot
// again if more rows are to be read.
func (e *exportWriter) flush(more bool) error {
	e.slot.release()
	if e.buf.Len() > 0 {
		if err := e.rc.SetWriteDeadline(time.Now().Add(e.timeout)); err != nil && !errors.Is(err, http.ErrNotSupported) {
			return fmt.Errorf("export: set write deadline: %w", err)
		}
		_, err := e.w.Write(e.buf.Bytes())
		if err == nil {
			if ferr := e.rc.Flush(); ferr != nil && !errors.Is(ferr, http.ErrNotSupported) {
				err = ferr
			}
		}
		e.buf.Reset()
		if err != nil {
			return fmt.Errorf("export: the client did not take the rows: %w", err)
		}
	}
	if more && !e.slot.reacquire() {
		return errExportBusy
	}
	return nil
}
