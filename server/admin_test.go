package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/indexer"
)

func post(t *testing.T, url, token string) (*http.Response, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, url, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]any
	json.NewDecoder(resp.Body).Decode(&body)
	return resp, body
}

func TestAdminDisabledWithoutToken(t *testing.T) {
	srv := limitedServer(t, Options{Admin: Admin{Reindex: func(context.Context) error { return nil }}})
	if resp, _ := post(t, srv.URL+"/api/v1/admin/reindex", "anything"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("admin route without a configured token: %d, want 404", resp.StatusCode)
	}
}

func TestAdminJobs(t *testing.T) {
	release := make(chan struct{})
	started := make(chan struct{}, 1)
	srv := limitedServer(t, Options{Admin: Admin{
		Token: "s3cret-token",
		Reindex: func(ctx context.Context) error {
			started <- struct{}{}
			<-release
			return nil
		},
		Crawl: func(context.Context) error { return errors.New("the site did not answer") },
	}})
	for _, token := range []string{"", "wrong", "s3cret-token-but-longer", "s3cret-toke"} {
		resp, body := post(t, srv.URL+"/api/v1/admin/reindex", token)
		if resp.StatusCode != http.StatusUnauthorized || body["error"] == nil || resp.Header.Get("WWW-Authenticate") == "" {
			t.Errorf("token %q: %d %v", token, resp.StatusCode, body)
		}
	}
	if resp, _ := post(t, srv.URL+"/api/v1/admin/reindex", "s3cret-token"); resp.StatusCode != http.StatusAccepted {
		t.Fatalf("reindex: %d", resp.StatusCode)
	}
	<-started
	if resp, _ := post(t, srv.URL+"/api/v1/admin/crawl", "s3cret-token"); resp.StatusCode != http.StatusConflict {
		t.Errorf("a second job while one runs: %d, want 409", resp.StatusCode)
	}
	var st struct {
		IndexVersion string `json:"index_version"`
		Documents    int    `json:"documents"`
		Job          JobStatus
	}
	resp, body := getFrom(t, srv.URL+"/api/v1/status")
	if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &st) != nil || st.Job.State != "running" || st.Documents != len(testDocs) || st.IndexVersion == "" {
		t.Errorf("status while running: %s", body)
	}
	close(release)
	waitJob(t, srv.URL, "succeeded")
	post(t, srv.URL+"/api/v1/admin/crawl", "s3cret-token")
	st2 := waitJob(t, srv.URL, "failed")
	if st2.Error != "the site did not answer" || st2.Name != "crawl" {
		t.Errorf("failed job status %+v", st2)
	}
	if resp, _ := getFrom(t, srv.URL+"/api/v1/admin/reindex"); resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET on an admin route: %d", resp.StatusCode)
	}
}

func waitJob(t *testing.T, base, state string) JobStatus {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		var st struct{ Job JobStatus }
		_, body := getFrom(t, base+"/api/v1/status")
		json.Unmarshal([]byte(body), &st)
		if st.Job.State == state {
			return st.Job
		}
		if time.Now().After(deadline) {
			t.Fatalf("job never reached %s: %s", state, body)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestFailedJobHidesPaths: a job that fails with the server's file paths
// in its error reports failed with what went wrong and without the paths.
func TestFailedJobHidesPaths(t *testing.T) {
	srv := limitedServer(t, Options{Admin: Admin{
		Token: "s3cret-token-of-length",
		Reindex: func(context.Context) error {
			return fmt.Errorf("build index: the index could not be written: open /srv/inquiry/data/index.building/store/000000000002.zap: %w", syscall.ENOSPC)
		},
	}})
	if resp, _ := post(t, srv.URL+"/api/v1/admin/reindex", "s3cret-token-of-length"); resp.StatusCode != http.StatusAccepted {
		t.Fatalf("reindex: %d", resp.StatusCode)
	}
	st := waitJob(t, srv.URL, "failed")
	if strings.Contains(st.Error, "/srv") || strings.Contains(st.Error, ".zap") || !strings.Contains(st.Error, "no space left on device") {
		t.Errorf("failed job error %q", st.Error)
	}
	// The next job may start.
	if resp, _ := post(t, srv.URL+"/api/v1/admin/reindex", "s3cret-token-of-length"); resp.StatusCode != http.StatusAccepted {
		t.Errorf("a job after the failed one: %d", resp.StatusCode)
	}
}

func TestStatusCountsTypes(t *testing.T) {
	var st struct {
		IndexVersion    string         `json:"index_version"`
		Documents       int            `json:"documents"`
		Recommendations int            `json:"recommendations"`
		Types           map[string]int `json:"types"`
	}
	getJSON(t, "/api/v1/status", &st)
	want := map[string]int{}
	for _, d := range testDocs {
		want[string(d.Type)]++
	}
	recs, _ := indexer.Recommendations(testDocs)
	want[string(corpus.TypeRecommendation)] = len(recs)
	if st.IndexVersion == "" || st.Documents != len(testDocs) || st.Recommendations != len(recs) {
		t.Errorf("status %+v", st)
	}
	for k, v := range want {
		if st.Types[k] != v {
			t.Errorf("type %s counted %d, want %d", k, st.Types[k], v)
		}
	}
}
