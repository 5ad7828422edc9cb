package main

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestServeRefusesWeakSettings: a short admin token and a public URL that
// is not one stop serve before it listens, with a message saying why.
func TestServeRefusesWeakSettings(t *testing.T) {
	for _, c := range []struct {
		token string
		args  []string
		want  string
	}{
		{"x", nil, "at least 16"},
		{"fifteen-bytes!!", nil, "at least 16"},
		{"", []string{"--public-url", "search.example.org"}, "not an absolute"},
		{"", []string{"--public-url", "ftp://search.example.org"}, "not an absolute"},
		{"", []string{"--max-conns-per-client", "0"}, "1 or more"},
		{"", []string{"--cache-entries", "-1"}, "0 (no cache) or more"},
	} {
		t.Setenv(adminTokenEnv, c.token)
		args := append([]string{"serve", "--addr", "127.0.0.1:0", "--data", t.TempDir()}, c.args...)
		err := run(context.Background(), args, io.Discard, io.Discard)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("token %q %v: %v, want an error saying %q", c.token, c.args, err, c.want)
		}
	}
}

// TestPublicURL: with --public-url the feed's and the exports' absolute
// links use it, whatever Host the request names.
func TestPublicURL(t *testing.T) {
	base, stop, _ := startServe(t, t.TempDir(), "--public-url", "https://search.example.org/inquiry")
	defer stop()
	for _, path := range []string{"/feed.atom?q=council", "/api/v1/search.csv?q=council&limit=3"} {
		req, _ := http.NewRequest(http.MethodGet, base+path, nil)
		req.Host = "attacker.example"
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		body := string(b)
		if !strings.Contains(body, "https://search.example.org/inquiry/") || strings.Contains(body, "attacker.example") {
			t.Errorf("%s: links not from the public URL: %.400s", path, body)
		}
	}
}

// TestServeWithoutCache: with --cache-entries 0 a repeated search is run
// again (the cache's counters are not even exported), and with the
// default it is answered from the cache.
func TestServeWithoutCache(t *testing.T) {
	data := t.TempDir()
	for _, c := range []struct {
		args      []string
		wantCache bool
	}{{nil, true}, {[]string{"--cache-entries", "0"}, false}} {
		base, stop, _ := startServe(t, data, c.args...)
		for range 2 {
			get(t, base+"/api/v1/search?q=council")
		}
		metrics := get(t, base+"/metrics")
		stop()
		hit := strings.Contains(metrics, "inquirysearch_search_cache_hits_total 1")
		if hit != c.wantCache || strings.Contains(metrics, "inquirysearch_search_cache_misses_total") != c.wantCache {
			t.Errorf("%v: cache counters in /metrics %v, want %v:\n%s", c.args, hit, c.wantCache, grepLines(metrics, "cache"))
		}
	}
}

// get returns the body of a GET that must answer 200.
func get(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", url, resp.StatusCode, b)
	}
	return string(b)
}

// grepLines keeps the lines of s that contain sub.
func grepLines(s, sub string) string {
	var keep []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}
