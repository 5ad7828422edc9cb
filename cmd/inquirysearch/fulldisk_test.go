package main

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/inquirysearch/inquirysearch/internal/smalldisk"
)

// TestAdminReindexOnFullDisk: through the admin route, a rebuild on a
// disk with too little room ends as a failed job that says the disk is
// full and shows no server path; the live index keeps serving and the
// next job is accepted. It mounts a small tmpfs, so it needs root (as CI
// runs) and skips otherwise.
func TestAdminReindexOnFullDisk(t *testing.T) {
	data := smalldisk.Mount(t, "256m")
	t.Setenv(adminTokenEnv, "test-admin-token")
	base, stop, _ := startServe(t, data)
	defer stop()
	before := status(t, base)

	// Room for the corpus and the index there, and a sliver more.
	smalldisk.Shrink(t, data, 0.05)
	reindex := func() int {
		req, _ := http.NewRequest(http.MethodPost, base+"/api/v1/admin/reindex", nil)
		req.Header.Set("Authorization", "Bearer test-admin-token")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := reindex(); code != http.StatusAccepted {
		t.Fatalf("reindex: %d", code)
	}
	deadline := time.Now().Add(90 * time.Second)
	after := status(t, base)
	for after.Job.State == "running" && time.Now().Before(deadline) {
		after = status(t, base)
	}
	if after.Job.State != "failed" || !strings.Contains(after.Job.Error, "no space left") || strings.Contains(after.Job.Error, data) || strings.Contains(after.Job.Error, "/") {
		t.Errorf("the job on a full disk: %+v", after.Job)
	}
	if after.IndexVersion != before.IndexVersion {
		t.Errorf("the live index changed: %s, was %s", after.IndexVersion, before.IndexVersion)
	}
	var res struct {
		Total int `json:"total"`
	}
	getJSON(t, base+"/api/v1/search?q=council", &res)
	if res.Total == 0 {
		t.Error("the live index stopped answering")
	}
	if code := reindex(); code != http.StatusAccepted {
		t.Errorf("the next job: %d, want 202", code)
	}
	status(t, base) // let it finish (and fail) before the tmpfs goes
}
