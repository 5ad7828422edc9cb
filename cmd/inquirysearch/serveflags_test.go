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
