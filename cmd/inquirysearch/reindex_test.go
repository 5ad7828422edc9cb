package main

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"
)

// TestReindexUnderLoad swaps a rebuilt index in while the server answers a
// steady load: not one request may fail.
func TestReindexUnderLoad(t *testing.T) {
	t.Setenv(adminTokenEnv, "test-admin-token")
	base, stop, _ := startServe(t, t.TempDir(), "--rate-limit", "0")
	defer stop()
	before := status(t, base)

	done := make(chan *loadReport, 1)
	go func() {
		rep, err := runLoad(context.Background(), loadConfig{Target: base, Rate: 40, Duration: 3 * time.Second})
		if err != nil {
			t.Error(err)
		}
		done <- rep
	}()
	time.Sleep(500 * time.Millisecond)
	req, _ := http.NewRequest(http.MethodPost, base+"/api/v1/admin/reindex", nil)
	req.Header.Set("Authorization", "Bearer test-admin-token")
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != http.StatusAccepted {
		t.Fatalf("reindex: %v %v", err, resp)
	}
	resp.Body.Close()
	rep := <-done
	after := status(t, base)
	if after.Job.State != "succeeded" || after.IndexVersion == before.IndexVersion {
		t.Errorf("after the reindex: job %+v, version %q (was %q)", after.Job, after.IndexVersion, before.IndexVersion)
	}
	if rep == nil || rep.Success != 1 || len(rep.Errors) != 0 {
		t.Errorf("requests failed during the swap: %+v", rep)
	}
}

type statusJSON struct {
	IndexVersion string `json:"index_version"`
	Job          struct {
		State string `json:"state"`
		Error string `json:"error"`
	} `json:"job"`
}

func status(t *testing.T, base string) statusJSON {
	t.Helper()
	var st statusJSON
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get(base + "/api/v1/status")
		if err != nil {
			t.Fatal(err)
		}
		json.NewDecoder(resp.Body).Decode(&st)
		resp.Body.Close()
		if st.Job.State != "running" || time.Now().After(deadline) {
			return st
		}
		time.Sleep(20 * time.Millisecond)
	}
}
