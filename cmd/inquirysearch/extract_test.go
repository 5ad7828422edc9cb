package main

import (
	"io"
	"testing"
)

// TestExtractFlags: extract reads exactly one page.
func TestExtractFlags(t *testing.T) {
	cfg, err := parseExtract([]string{"--explain", "--url", "https://example.org/r", "page.html"}, io.Discard)
	if err != nil || !cfg.Explain || cfg.JSON || cfg.URL != "https://example.org/r" || cfg.Source != "page.html" {
		t.Fatalf("%+v, %v", cfg, err)
	}
	for _, args := range [][]string{nil, {"a.html", "b.html"}} {
		if _, err := parseExtract(args, io.Discard); err == nil {
			t.Errorf("%q accepted", args)
		}
	}
}
