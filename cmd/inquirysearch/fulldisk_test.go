package main

import (
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestAdminReindexOnFullDisk: through the admin route, a rebuild on a
// disk with too little room ends as a failed job that says the disk is
// full and shows no server path; the live index keeps serving and the
// next job is accepted. It mounts a small tmpfs, so it needs root (as CI
// runs) and skips otherwise.
func TestAdminReindexOnFullDisk(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a small tmpfs needs root")
	}
	data := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=256m", "tmpfs", data).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", data).Run() })
	t.Setenv(adminTokenEnv, "test-admin-token")
	base, stop, _ := startServe(t, data)
	defer stop()
	before := status(t, base)

	var st syscall.Statfs_t
	if err := syscall.Statfs(data, &st); err != nil {
		t.Fatal(err)
	}
	used := (st.Blocks - st.Bfree) * uint64(st.Bsize)
	// Room for the corpus and the index there, and a sliver more.
	if out, err := exec.Command("mount", "-o", "remount,size="+strconv.FormatUint(used+used/20, 10), data).CombinedOutput(); err != nil {
		t.Skipf("cannot shrink the tmpfs: %v %s", err, out)
	}
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
