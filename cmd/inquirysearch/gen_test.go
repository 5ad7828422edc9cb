package main

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/crawl"
)

func TestGenIsDeterministicAndShaped(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	var out bytes.Buffer
	for _, dir := range []string{a, b} {
		if err := run(context.Background(), []string{"gen", "--paragraphs", "2000", "--out", dir, "--seed", "7"}, &out, &out); err != nil {
			t.Fatal(err)
		}
	}
	sa, _ := crawl.OpenStore(filepath.Join(a, "corpus"))
	sb, _ := crawl.OpenStore(filepath.Join(b, "corpus"))
	da, _ := sa.Documents()
	db, _ := sb.Documents()
	if len(da) != len(db) || len(da) == 0 {
		t.Fatalf("%d and %d documents", len(da), len(db))
	}
	paras, numbered := 0, 0
	types := map[corpus.Type]int{}
	for i := range da {
		if da[i].ID != db[i].ID || len(da[i].Paragraphs) != len(db[i].Paragraphs) || da[i].Paragraphs[0].Text != db[i].Paragraphs[0].Text {
			t.Fatalf("document %d differs between two runs with one seed", i)
		}
		types[da[i].Type]++
		for _, p := range da[i].Paragraphs {
			paras++
			if p.Numbered() {
				numbered++
			}
			if n := len(strings.Fields(p.Text)); n < 40 || n > 200 {
				t.Errorf("paragraph of %d words", n)
			}
		}
		if da[i].Investigation == "" || da[i].Published == "" {
			t.Errorf("document %s lacks investigation or date", da[i].ID)
		}
	}
	if paras < 2000 || paras > 2100 || numbered < paras*8/10 {
		t.Errorf("%d paragraphs (%d numbered), asked for 2000", paras, numbered)
	}
	for _, typ := range []corpus.Type{corpus.TypeSection, corpus.TypeExecutiveSummary, corpus.TypeInvestigationReport, corpus.TypeRecommendations} {
		if types[typ] == 0 {
			t.Errorf("no document of type %s", typ)
		}
	}
	// The generated corpus indexes and searches like a crawled one.
	if err := run(context.Background(), []string{"index", "--data", a}, &out, &out); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := run(context.Background(), []string{"search", "--data", a, "--json", "council"}, &out, &out); err != nil || !strings.Contains(out.String(), `"total":`) {
		t.Errorf("search of the generated corpus: %v %s", err, out.String())
	}
}

// bench runs every query kind on the generated corpus, and fails unless
// each hit count it checks agrees with a scan of the corpus.
func TestBenchChecksCountsOnGeneratedCorpus(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	ctx := context.Background()
	for _, args := range [][]string{
		{"gen", "--paragraphs", "1500", "--out", dir, "--seed", "3"},
		{"index", "--data", dir},
	} {
		if err := run(ctx, args, &out, &out); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out.String())
		}
	}
	out.Reset()
	err := run(ctx, []string{"bench", "--data", dir, "--queries", "6", "--checks", "6", "--concurrency", "1", "--paths", "in-process,http"}, &out, &out)
	if err != nil {
		t.Fatalf("bench: %v\n%s", err, out.String())
	}
	// Eight kinds are counted (suggestions are not), six queries each.
	if !strings.Contains(out.String(), "; 48 hit counts checked") {
		t.Errorf("bench did not check every count it was asked to:\n%s", out.String())
	}
	for _, kind := range []string{"quoted phrase", "match-all, all facets", "suggest"} {
		if !strings.Contains(out.String(), "| "+kind+" | http | 1 |") {
			t.Errorf("no %s figure over HTTP:\n%s", kind, out.String())
		}
	}
	if err := run(ctx, []string{"bench", "--data", dir, "--checks", "-1"}, &out, &out); err == nil {
		t.Error("a negative --checks was accepted")
	}
}

// TestGenFlags: gen needs somewhere to write and a positive size.
func TestGenFlags(t *testing.T) {
	cfg, err := parseGen([]string{"--out", "d"}, io.Discard)
	if err != nil || cfg.Paragraphs != defaultGenParagraphs || cfg.Seed != defaultGenSeed || cfg.Out != "d" {
		t.Fatalf("defaults: %+v, %v", cfg, err)
	}
	for _, args := range [][]string{nil, {"--out", "d", "--paragraphs", "0"}, {"--out", "d", "extra"}} {
		if _, err := parseGen(args, io.Discard); err == nil {
			t.Errorf("%q accepted", args)
		}
	}
}
