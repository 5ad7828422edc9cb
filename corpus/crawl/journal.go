package crawl

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// The journal is the crawl's persisted frontier and visited set: an
// append-only file of JSON lines. A line is appended when a URL is queued
// and when a URL is done, so a crawl killed at any moment (SIGKILL too)
// can be rebuilt from it: queued minus done is the frontier. A torn last
// line, which only a crash mid-write leaves, is ignored.
type journalEntry struct {
	Op      string       `json:"op"` // start, queue, done, end
	Crawl   string       `json:"crawl,omitempty"`
	Seeds   []string     `json:"seeds,omitempty"`
	Started time.Time    `json:"started,omitzero"`
	URL     string       `json:"url,omitempty"`
	Page    *PageOutcome `json:"page,omitempty"`
}

type journal struct {
	f *os.File
	w *bufio.Writer
}

// journalState is an unfinished crawl read back from its journal.
type journalState struct {
	crawl   string
	seeds   []string
	started time.Time
	queued  []string // in queue order
	done    []PageOutcome
}

func journalPath(store *Store) string { return filepath.Join(store.Dir(), "state", "journal.jsonl") }

// readJournal returns the unfinished crawl in the store, or nil if the
// last crawl finished or there was none.
func readJournal(store *Store) (*journalState, error) {
	f, err := os.Open(journalPath(store))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read crawl journal: %w", err)
	}
	defer f.Close()
	var st *journalState
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for sc.Scan() {
		var e journalEntry
		if json.Unmarshal(sc.Bytes(), &e) != nil {
			continue // a torn line from a crash
		}
		switch e.Op {
		case "start":
			st = &journalState{crawl: e.Crawl, seeds: e.Seeds, started: e.Started}
		case "queue":
			if st != nil {
				st.queued = append(st.queued, e.URL)
			}
		case "done":
			if st != nil && e.Page != nil {
				st.done = append(st.done, *e.Page)
			}
		case "end":
			st = nil
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read crawl journal: %w", err)
	}
	return st, nil
}

// openJournal opens the journal for appending; fresh truncates it.
func openJournal(store *Store, fresh bool) (*journal, error) {
	flags := os.O_CREATE | os.O_WRONLY | os.O_APPEND
	if fresh {
		flags |= os.O_TRUNC
	}
	f, err := os.OpenFile(journalPath(store), flags, 0o644)
	if err != nil {
		return nil, fmt.Errorf("open crawl journal: %w", err)
	}
	return &journal{f: f, w: bufio.NewWriter(f)}, nil
}

// add appends entries and hands them to the kernel in one write, so a
// killed process loses at most what it had not yet written.
func (j *journal) add(entries ...journalEntry) error {
	for _, e := range entries {
		b, err := json.Marshal(e)
		if err != nil {
			return fmt.Errorf("crawl journal: %w", err)
		}
		j.w.Write(b)
		j.w.WriteByte('\n')
	}
	if err := j.w.Flush(); err != nil {
		return fmt.Errorf("crawl journal: %w", err)
	}
	return nil
}

func (j *journal) close() error {
	if err := j.w.Flush(); err != nil {
		j.f.Close()
		return fmt.Errorf("crawl journal: %w", err)
	}
	if err := j.f.Sync(); err != nil {
		j.f.Close()
		return fmt.Errorf("crawl journal: %w", err)
	}
	return j.f.Close()
}
