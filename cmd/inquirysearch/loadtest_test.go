package main

import (
	"context"
	"io"
	"os"
	"strings"
	"testing"
	"time"
)

// TestShortLoad runs the real server on loopback and the real load
// generator against it for two seconds at a fixed rate: every request must
// succeed.
func TestShortLoad(t *testing.T) {
	base, stop, _ := startServe(t, t.TempDir(), "--rate-limit", "0")
	defer stop()
	rep, err := runLoad(context.Background(), loadConfig{Target: base, Rate: 40, Duration: 2 * time.Second, Varied: true})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Requests < 70 || rep.Success != 1 || len(rep.Errors) != 0 {
		t.Errorf("load: %d requests, success %.3f, codes %v, errors %v", rep.Requests, rep.Success, rep.StatusCodes, rep.Errors)
	}
	t.Logf("40/s for 2s: p50 %.2f ms, p99 %.2f ms", rep.P50ms, rep.P99ms)
}

func TestLoadRefusesOtherHosts(t *testing.T) {
	for _, target := range []string{"http://192.168.1.10:8080", "https://example.org", "http://10.0.0.1", "ftp://127.0.0.1", "not a url"} {
		if _, err := runLoad(context.Background(), loadConfig{Target: target, Rate: 1, Duration: time.Second}); err == nil || !strings.Contains(err.Error(), "not") {
			t.Errorf("%s: %v", target, err)
		}
	}
}

// TestLoadPastTheRateLimit: one client asking for more than its budget gets
// quick 429s, never errors or timeouts.
func TestLoadPastTheRateLimit(t *testing.T) {
	base, stop, _ := startServe(t, t.TempDir(), "--rate-limit", "5", "--burst", "5")
	defer stop()
	rep, err := runLoad(context.Background(), loadConfig{Target: base, Rate: 40, Duration: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if rep.StatusCodes["429"] == 0 || rep.StatusCodes["200"] == 0 || rep.StatusCodes["200"]+rep.StatusCodes["429"] != int(rep.Requests) {
		t.Errorf("codes %v for %d requests", rep.StatusCodes, rep.Requests)
	}
}

// TestAbuseLoad runs the mixed-abuse mode briefly against the real
// server: the abusive clients get answers or refusals but never a 5xx
// other than a 503, and the well-behaved client is answered every time.
func TestAbuseLoad(t *testing.T) {
	base, stop, _ := startServe(t, t.TempDir())
	defer stop()
	rep, err := runAbuse(context.Background(), abuseConfig{Target: base, Clients: 20, Duration: 3 * time.Second, ProbeRate: 10, ServerPID: os.Getpid()})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Unexpected != 0 || rep.Abusive["400"] == 0 || rep.Abusive["200"] == 0 {
		t.Errorf("abusive clients: %v (unexpected %d)", rep.Abusive, rep.Unexpected)
	}
	if rep.Probe["200"] < 5 || len(rep.Probe) != 1 {
		t.Errorf("well-behaved client: %v", rep.Probe)
	}
	if rep.MaxRSSBytes == 0 {
		t.Error("resident memory was not sampled")
	}
	t.Logf("probe p50 %.1f ms, p99 %.1f ms; abusive %v", rep.ProbeP50ms, rep.ProbeP99ms, rep.Abusive)
}

// TestLoadtestFlags: the target defaults to serve's own address, and a
// target off this machine or a non-positive rate is refused before any
// request is sent.
func TestLoadtestFlags(t *testing.T) {
	cfg, err := parseLoadtest(nil, io.Discard)
	if err != nil || cfg.Load.Target != "http://"+defaultAddr || cfg.Load.Rate != defaultLoadRate || cfg.Load.Timeout != defaultLoadTimeout || cfg.Abuse {
		t.Fatalf("defaults: %+v, %v", cfg, err)
	}
	cfg, err = parseLoadtest([]string{"--abuse", "--clients", "5", "--duration", "2s"}, io.Discard)
	if err != nil || !cfg.Abuse || cfg.AbuseClients != 5 || cfg.Load.Duration != 2*time.Second {
		t.Fatalf("--abuse: %+v, %v", cfg, err)
	}
	for _, args := range [][]string{{"--target", "http://example.org"}, {"--rate", "0"}, {"--abuse", "--clients", "0"}, {"extra"}} {
		if _, err := parseLoadtest(args, io.Discard); err == nil {
			t.Errorf("%q accepted", args)
		}
	}
}
