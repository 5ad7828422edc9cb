package main

import (
	"io"
	"slices"
	"strings"
	"testing"
)

// TestIndexFlags: --from-warc takes the WARC files as arguments, plain
// index takes none, the two imports do not mix, and --memory-limit reads
// sizes as the README writes them.
func TestIndexFlags(t *testing.T) {
	t.Setenv("INQUIRYSEARCH_DATA", "")
	cfg, err := parseIndex(nil, io.Discard)
	if err != nil || cfg.Data != defaultDataDir() || len(cfg.WARCs) != 0 || cfg.MemoryLimit != 0 || cfg.ReplaceSample {
		t.Fatalf("defaults: %+v, %v", cfg, err)
	}
	cfg, err = parseIndex([]string{"--from-warc", "--replace-sample", "--memory-limit", "2GiB", "a.warc.gz", "b.warc"}, io.Discard)
	if err != nil || !slices.Equal(cfg.WARCs, []string{"a.warc.gz", "b.warc"}) || cfg.MemoryLimit != 2<<30 || !cfg.ReplaceSample || cfg.JSONL != "" {
		t.Fatalf("--from-warc: %+v, %v", cfg, err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--from-warc"}, "at least one WARC file"},
		{[]string{"stray"}, "takes no arguments"},
		{[]string{"--from-warc", "--from-jsonl", "x.jsonl", "a.warc"}, "not both"},
		{[]string{"--memory-limit", "lots"}, "--memory-limit"},
	} {
		if _, err := parseIndex(c.args, io.Discard); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want an error saying %q", c.args, err, c.want)
		}
	}
}
