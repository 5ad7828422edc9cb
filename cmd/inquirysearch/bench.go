package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/inquirysearch/inquirysearch/indexer"
	"github.com/inquirysearch/inquirysearch/search"
	"github.com/inquirysearch/inquirysearch/server"
)

// benchFigure is the latency of one kind of query on one path.
type benchFigure struct {
	Kind        string  `json:"kind"`
	Path        string  `json:"path"` // in-process, http or raw-bleve
	Concurrency int     `json:"concurrency"`
	Queries     int     `json:"queries"`
	P50ms       float64 `json:"p50_ms"`
	P95ms       float64 `json:"p95_ms"`
	P99ms       float64 `json:"p99_ms"`
	MeanHits    float64 `json:"mean_hits"`
}

// benchReport is what `bench` measures on one data directory.
type benchReport struct {
	Data        string        `json:"data"`
	Documents   int           `json:"documents"`
	Paragraphs  int           `json:"paragraphs"`
	IndexBytes  int64         `json:"index_bytes"`
	ColdStartMS float64       `json:"cold_start_ms"`
	Checked     int           `json:"counts_checked"`
	Figures     []benchFigure `json:"figures"`
	RawBuildS   float64       `json:"raw_bleve_build_s,omitempty"`
}

// Bench's defaults: enough queries per kind for a steady p95, at one
// client and at the number of cores of the machine the figures come from.
const (
	defaultBenchQueries = 200
	defaultBenchConc    = "1,4"
	defaultBenchPaths   = "in-process,http,http-cached"
)

// benchConfig is one measurement of a data directory.
type benchConfig struct {
	Data        string
	Queries     int             // per kind and concurrency
	Checks      int             // queries per kind whose counts are checked against a scan
	Concurrency []int           // numbers of concurrent clients
	Raw         bool            // also build and measure raw bleve
	JSON        string          // a file for the report as JSON, or ""
	Kinds       string          // comma-separated words; only kinds naming one are measured
	Paths       map[string]bool // in-process, http, http-cached
	CPUProfile  string          // a file for a CPU profile of the timed queries, or ""
}

func parseBench(args []string, stderr io.Writer) (*benchConfig, error) {
	fs := newFlagSet("bench", "bench --data DIR [--queries N] [--concurrency 1,4] [--raw] [--json FILE]", stderr)
	cfg := &benchConfig{}
	fs.StringVar(&cfg.Data, "data", defaultDataDir(), "data directory with a corpus and a built index")
	fs.IntVar(&cfg.Queries, "queries", defaultBenchQueries, "queries per kind and concurrency")
	fs.IntVar(&cfg.Checks, "checks", defaultChecks, "queries of each kind whose hit counts are checked against a scan of the corpus")
	conc := fs.String("concurrency", defaultBenchConc, "comma-separated numbers of concurrent clients")
	fs.BoolVar(&cfg.Raw, "raw", false, "also build and measure raw bleve with a plain mapping, the floor the service stands on")
	fs.StringVar(&cfg.JSON, "json", "", "also write the report as JSON to this file")
	fs.StringVar(&cfg.Kinds, "kinds", "", "measure only the query kinds whose names contain one of these comma-separated words")
	paths := fs.String("paths", defaultBenchPaths, "comma-separated paths to measure: in-process, http, http-cached")
	fs.StringVar(&cfg.CPUProfile, "cpuprofile", "", "write a CPU profile of the timed queries to this file")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("bench takes no arguments, got %q", fs.Args())
	}
	if cfg.Queries < 1 {
		return nil, fmt.Errorf("--queries: %d is not a positive number", cfg.Queries)
	}
	if cfg.Checks < 0 {
		return nil, fmt.Errorf("--checks: %d is negative", cfg.Checks)
	}
	for _, c := range strings.Split(*conc, ",") {
		v, err := strconv.Atoi(strings.TrimSpace(c))
		if err != nil || v < 1 {
			return nil, fmt.Errorf("--concurrency: %q is not a positive number", c)
		}
		cfg.Concurrency = append(cfg.Concurrency, v)
	}
	cfg.Paths = map[string]bool{}
	for _, p := range strings.Split(*paths, ",") {
		p = strings.TrimSpace(p)
		if !slices.Contains(strings.Split(defaultBenchPaths, ","), p) {
			return nil, fmt.Errorf("--paths: %q is not one of %s", p, defaultBenchPaths)
		}
		cfg.Paths[p] = true
	}
	return cfg, nil
}

func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseBench(args, stderr)
	if err != nil {
		return err
	}
	levels := cfg.Concurrency
	dirs := dataDirs{root: cfg.Data}
	rep := &benchReport{Data: cfg.Data}

	// Cold start: open the index, compute what serve computes before it
	// is ready (the empty box), and answer one search.
	start := time.Now()
	idx, meta, err := indexer.Open(dirs.index())
	if err != nil {
		return err
	}
	s := search.New(idx, meta)
	defer s.Close()
	if err := s.Warm(ctx); err != nil {
		return err
	}
	if _, err := s.Search(ctx, search.Request{Query: "council"}); err != nil {
		return err
	}
	rep.ColdStartMS = ms(time.Since(start))
	rep.Documents, rep.Paragraphs = meta.Documents, meta.Paragraphs
	rep.IndexBytes = dirSize(dirs.index())

	docs, err := dirs.documents(newLogger(stderr, false))
	if err != nil {
		return err
	}
	oracle, err := newBenchOracle(docs)
	if err != nil {
		return err
	}
	oracle.checks = cfg.Checks
	kinds := filterKinds(oracle.queryKinds(cfg.Queries), cfg.Kinds)

	// Hit counts first: a fast engine that miscounts is not fast.
	for _, k := range kinds {
		for _, q := range k.queries {
			if q.want < 0 {
				continue
			}
			res, err := s.Search(ctx, q.req)
			if err != nil {
				return err
			}
			if int(res.Total) != q.want {
				return fmt.Errorf("%s %q: the index finds %d, a scan of the corpus %d", k.name, q.req.Query, res.Total, q.want)
			}
			rep.Checked++
		}
	}
	fmt.Fprintf(stdout, "%d documents, %d paragraphs, index %.1f MB, cold start %.0f ms; %d hit counts checked against a corpus scan\n",
		rep.Documents, rep.Paragraphs, float64(rep.IndexBytes)/1e6, rep.ColdStartMS, rep.Checked)

	base, stop, err := benchServer(s, false)
	if err != nil {
		return err
	}
	defer stop()
	cachedBase, stopCached, err := benchServer(s, true)
	if err != nil {
		return err
	}
	defer stopCached()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	want := cfg.Paths
	if cfg.CPUProfile != "" {
		stopProfile, err := startCPUProfile(cfg.CPUProfile)
		if err != nil {
			return err
		}
		defer stopProfile()
	}
	for _, k := range kinds {
		for _, c := range levels {
			if want["in-process"] {
				rep.Figures = append(rep.Figures, measure(k, "in-process", c, func(q benchQuery) (int, error) {
					if q.prefix != "" {
						res, err := s.Suggest(ctx, q.prefix)
						if err != nil {
							return 0, err
						}
						return len(res.Suggestions), nil
					}
					res, err := s.Search(ctx, q.req)
					if err != nil {
						return 0, err
					}
					return int(res.Total), nil
				}))
			}
			if want["http"] {
				rep.Figures = append(rep.Figures,
					measure(k, "http", c, func(q benchQuery) (int, error) { return httpSearch(ctx, client, base, q) }))
			}
		}
		if want["http-cached"] {
			// The same queries again through the result cache, once it has
			// seen them: what a repeated search costs.
			warm := func(q benchQuery) (int, error) { return httpSearch(ctx, client, cachedBase, q) }
			measure(k, "warm-up", 1, warm)
			rep.Figures = append(rep.Figures, measure(k, "http-cached", 1, warm))
		}
	}
	if cfg.Raw {
		rb, err := newRawBleve(ctx, docs, filepath.Join(cfg.Data, "raw-bleve-index"))
		if err != nil {
			return err
		}
		defer rb.close()
		rep.RawBuildS = rb.buildTime.Seconds()
		for _, k := range kinds {
			for _, c := range levels {
				if f, ok := rb.measure(ctx, k, c); ok {
					rep.Figures = append(rep.Figures, f)
				}
			}
		}
	}
	printBench(stdout, rep)
	if cfg.JSON != "" {
		b, _ := json.MarshalIndent(rep, "", "  ")
		if err := os.WriteFile(cfg.JSON, b, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", cfg.JSON, err)
		}
	}
	return nil
}

// measure runs every query of a kind from c concurrent clients and
// returns its latency percentiles.
func measure(k benchKind, path string, c int, do func(benchQuery) (int, error)) benchFigure {
	lat := make([]time.Duration, len(k.queries))
	hits := make([]int, len(k.queries))
	var next int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range c {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= len(k.queries) {
					return
				}
				t := time.Now()
				n, err := do(k.queries[i])
				lat[i] = time.Since(t)
				if os.Getenv("SLOWDEBUG") != "" && lat[i] > 8*time.Millisecond {
					fmt.Fprintf(os.Stderr, "slow %v %q %d\n", lat[i], k.queries[i].req.Query, n)
				}
				if err != nil {
					lat[i] = time.Hour // an error counts as the worst latency
				}
				hits[i] = n
			}
		}()
	}
	wg.Wait()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	total := 0
	for _, h := range hits {
		total += h
	}
	pct := func(p float64) float64 { return ms(lat[min(len(lat)-1, int(p*float64(len(lat))))]) }
	return benchFigure{Kind: k.name, Path: path, Concurrency: c, Queries: len(lat),
		P50ms: pct(0.50), P95ms: pct(0.95), P99ms: pct(0.99), MeanHits: float64(total) / float64(len(hits))}
}

// benchServer serves s over HTTP on loopback, with the result cache that
// `serve` puts in front of it or without.
func benchServer(s *search.Searcher, cache bool) (string, func(), error) {
	var b server.Backend = s
	if cache {
		c, err := server.NewCached(s, 4096)
		if err != nil {
			return "", nil, err
		}
		b = c
	}
	h, err := server.New(b, server.Options{})
	if err != nil {
		return "", nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), func() { srv.Close() }, nil
}

func httpSearch(ctx context.Context, client *http.Client, base string, bq benchQuery) (int, error) {
	if bq.prefix != "" {
		return httpGetCount(ctx, client, base+"/api/v1/suggest?q="+urlEscape(bq.prefix), func(body []byte) (int, error) {
			var s search.Suggestions
			err := json.Unmarshal(body, &s)
			return len(s.Suggestions), err
		})
	}
	r := bq.req
	q := make([]string, 0, 6)
	add := func(k, v string) { q = append(q, k+"="+urlEscape(v)) }
	add("q", r.Query)
	if r.NoExpand {
		add("expand", "false")
	}
	if r.Page > 1 {
		add("page", fmt.Sprint(r.Page))
	}
	for f, vs := range r.Filters {
		for _, v := range vs {
			add(f, v)
		}
	}
	return httpGetCount(ctx, client, base+"/api/v1/search?"+strings.Join(q, "&"), func(body []byte) (int, error) {
		var res struct {
			Total int `json:"total"`
		}
		err := json.Unmarshal(body, &res)
		return res.Total, err
	})
}

// httpGetCount fetches url and reads a count from its JSON body.
func httpGetCount(ctx context.Context, client *http.Client, url string, count func([]byte) (int, error)) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, err
	}
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("%s: status %d", url, resp.StatusCode)
	}
	return count(body)
}

func dirSize(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			n += info.Size()
		}
		return nil
	})
	return n
}

func printBench(w io.Writer, rep *benchReport) {
	fmt.Fprintf(w, "\n| kind | path | clients | p50 ms | p95 ms | p99 ms | mean hits |\n|---|---|---|---|---|---|---|\n")
	for _, f := range rep.Figures {
		fmt.Fprintf(w, "| %s | %s | %d | %.2f | %.2f | %.2f | %.0f |\n", f.Kind, f.Path, f.Concurrency, f.P50ms, f.P95ms, f.P99ms, f.MeanHits)
	}
}
