package server

import (
	"context"
	"crypto/subtle"
	"errors"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/inquirysearch/inquirysearch/corpus/crawl"
)

// Job is a long task the admin API can start: a rebuild of the index, or a
// crawl of the configured seeds followed by a rebuild. It runs with a
// context that ends when the server shuts down.
type Job func(ctx context.Context) error

// Admin configures the authenticated admin API. With an empty Token the
// admin routes do not exist.
type Admin struct {
	Token   string // compared in constant time with the request's bearer token
	Reindex Job
	Crawl   Job
	Context context.Context // jobs stop when it ends; default: never
}

// JobStatus reports the admin job that runs or ran last.
type JobStatus struct {
	Name     string     `json:"name,omitempty"`
	State    string     `json:"state"` // idle, running, succeeded or failed
	Started  *time.Time `json:"started,omitempty"`
	Finished *time.Time `json:"finished,omitempty"`
	Error    string     `json:"error,omitempty"`
}

// jobs runs one admin job at a time.
type jobs struct {
	mu     sync.Mutex
	status JobStatus
}

func (j *jobs) current() JobStatus {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.status.State == "" {
		return JobStatus{State: "idle"}
	}
	return j.status
}

// start runs job in the background unless another is running.
func (j *jobs) start(ctx context.Context, name string, job Job, done func(JobStatus, error)) bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.status.State == "running" {
		return false
	}
	now := time.Now().UTC()
	j.status = JobStatus{Name: name, State: "running", Started: &now}
	go func() {
		err := job(ctx)
		j.mu.Lock()
		end := time.Now().UTC()
		j.status.Finished = &end
		j.status.State = "succeeded"
		if err != nil {
			j.status.State, j.status.Error = "failed", publicJobError(err)
		}
		st := j.status
		j.mu.Unlock()
		if done != nil {
			done(st, err)
		}
	}()
	return true
}

// pathPattern matches a file path (anything with a slash in it) in an
// error's text.
var pathPattern = regexp.MustCompile(`[^\s"':]*[/\\][^\s"':]*`)

// publicJobError is a failed job's error as the status route shows it:
// what went wrong, with the server's file paths taken out. The whole error
// goes to the log.
func publicJobError(err error) string {
	return pathPattern.ReplaceAllString(err.Error(), "(a path on the server)")
}

// status answers GET /api/v1/status: what index is live (its version,
// counts by document type), the last crawl's time and outcome, and what
// the admin job is doing.
func (s *Server) status(w http.ResponseWriter, r *http.Request) error {
	m := s.backend.Info()
	ctx := r.Context()
	types, err := s.backend.TypeCounts(ctx)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"index_version":   m.Version,
		"corpus_digest":   m.CorpusDigest,
		"built_at":        m.BuiltAt,
		"documents":       m.Documents,
		"paragraphs":      m.Paragraphs,
		"recommendations": m.Recommendations,
		"types":           types,
		"crawl":           s.lastCrawl(),
		"extraction":      s.extraction.get(),
		"sample":          s.extraction.holdsSample(),
		"job":             s.jobs.current(),
	})
	return nil
}

// crawlStatus is the status route's summary of the last crawl.
type crawlStatus struct {
	Started    time.Time `json:"started"`
	Finished   time.Time `json:"finished"`
	Outcome    string    `json:"outcome"` // succeeded, partial (some pages failed) or failed (nothing stored)
	Stored     int       `json:"stored"`
	Duplicates int       `json:"duplicates"`
	Skipped    int       `json:"skipped"`
	Failed     int       `json:"failed"`
}

// lastCrawl summarises the last crawl's report, or returns nil when there
// is none to read.
func (s *Server) lastCrawl() *crawlStatus {
	if s.opts.CrawlReport == nil {
		return nil
	}
	rep, err := s.opts.CrawlReport()
	if err != nil {
		if !errors.Is(err, crawl.ErrNotFound) {
			s.log.Warn("read crawl report", "error", err)
		}
		return nil
	}
	c := &crawlStatus{Started: rep.Started, Finished: rep.Finished, Stored: rep.Stored,
		Duplicates: rep.Duplicates, Skipped: rep.Skipped, Failed: rep.Failed, Outcome: "succeeded"}
	switch {
	case rep.Stored == 0 && rep.Duplicates == 0:
		c.Outcome = "failed"
	case rep.Failed > 0:
		c.Outcome = "partial"
	}
	return c
}

// authorised checks the bearer token in constant time.
func (s *Server) authorised(r *http.Request) bool {
	want := s.opts.Admin.Token
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && want != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

func (s *Server) adminJob(name string, job Job) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if !s.authorised(r) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="inquirysearch admin"`)
			return &apiError{status: http.StatusUnauthorized, code: "unauthorized", message: "a valid admin bearer token is required"}
		}
		if job == nil {
			return notFound("this server has no " + name + " job configured")
		}
		ctx := s.opts.Admin.Context
		if ctx == nil {
			ctx = context.Background()
		}
		if !s.jobs.start(ctx, name, job, func(st JobStatus, err error) {
			s.log.Info("admin job finished", "job", st.Name, "state", st.State, "error", err)
		}) {
			return &apiError{status: http.StatusConflict, code: "busy", message: "another admin job is running; see /api/v1/status"}
		}
		s.log.Info("admin job started", "job", name)
		writeJSON(w, http.StatusAccepted, map[string]any{"job": s.jobs.current()})
		return nil
	}
}
