package main

import (
	"io"
	"slices"
	"strings"
	"testing"
)

// TestBenchFlags: concurrency levels and paths are checked before any
// index is opened, so a typo costs no cold start.
func TestBenchFlags(t *testing.T) {
	cfg, err := parseBench(nil, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Queries != defaultBenchQueries || cfg.Checks != defaultChecks || !slices.Equal(cfg.Concurrency, []int{1, 4}) ||
		!cfg.Paths["in-process"] || !cfg.Paths["http"] || !cfg.Paths["http-cached"] {
		t.Fatalf("defaults: %+v", cfg)
	}
	cfg, err = parseBench([]string{"--concurrency", "2, 8", "--paths", "http"}, io.Discard)
	if err != nil || !slices.Equal(cfg.Concurrency, []int{2, 8}) || len(cfg.Paths) != 1 || !cfg.Paths["http"] {
		t.Fatalf("%+v, %v", cfg, err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--concurrency", "1,0"}, "--concurrency"},
		{[]string{"--concurrency", "four"}, "--concurrency"},
		{[]string{"--paths", "http,carrier-pigeon"}, "--paths"},
		{[]string{"--checks", "-1"}, "--checks"},
		{[]string{"--queries", "0"}, "--queries"},
		{[]string{"extra"}, "no arguments"},
	} {
		if _, err := parseBench(c.args, io.Discard); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want an error naming %s", c.args, err, c.want)
		}
	}
}
