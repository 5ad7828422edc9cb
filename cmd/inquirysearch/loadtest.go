package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// loadQueries is the query mix of a load test, in the proportions a search
// box sees: the empty box, common single words, phrases, filters, deeper
// pages and document views.
var loadQueries = []string{
	"/api/v1/search?q=",
	"/api/v1/search?q=council",
	"/api/v1/search?q=records",
	"/api/v1/search?q=safeguarding+children",
	"/api/v1/search?q=%22record+keeping%22",
	"/api/v1/search?q=%22multi-agency+safeguarding+hub%22",
	"/api/v1/search?q=referrals&type=section",
	"/api/v1/search?q=inspection&investigation=Larkspur+County+Council",
	"/api/v1/search?q=police+-council&sort=newest",
	"/api/v1/search?q=council&page=3",
	"/api/v1/search?q=&place=Ashcombe&year=2022",
	"/search?q=complaints",
	"/",
}

// loadConfig is one load run.
type loadConfig struct {
	Target   string
	Rate     int // requests per second
	Duration time.Duration
	Timeout  time.Duration
	// Varied makes most searches new ones (two words drawn from the
	// sample site's vocabulary), so that the result cache answers few of
	// them; without it the fixed mix repeats and the cache answers most.
	Varied bool
}

// loadReport summarises a load run.
type loadReport struct {
	Target      string         `json:"target"`
	Rate        int            `json:"rate"`
	Duration    string         `json:"duration"`
	Requests    uint64         `json:"requests"`
	Throughput  float64        `json:"throughput_per_s"`
	Success     float64        `json:"success_ratio"`
	P50ms       float64        `json:"p50_ms"`
	P95ms       float64        `json:"p95_ms"`
	P99ms       float64        `json:"p99_ms"`
	Maxms       float64        `json:"max_ms"`
	StatusCodes map[string]int `json:"status_codes"`
	Errors      []string       `json:"errors"`
}

// checkLoopback refuses any target but this machine: a load test is never
// pointed at someone else's server.
func checkLoopback(target string) (*url.URL, error) {
	u, err := url.Parse(target)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("target %q is not an http(s) URL", target)
	}
	host := u.Hostname()
	if host == "localhost" {
		return u, nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return nil, fmt.Errorf("target %q is not a loopback address; load tests only run against this machine", target)
	}
	return u, nil
}

// runLoad drives the target at a fixed rate for a fixed time with the query
// mix, and stops early when ctx ends.
func runLoad(ctx context.Context, cfg loadConfig) (*loadReport, error) {
	base, err := checkLoopback(cfg.Target)
	if err != nil {
		return nil, err
	}
	if cfg.Rate <= 0 || cfg.Duration <= 0 {
		return nil, fmt.Errorf("rate and duration must be positive")
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = defaultLoadTimeout
	}
	targets := make([]vegeta.Target, len(loadQueries))
	for i, q := range loadQueries {
		targets[i] = vegeta.Target{Method: http.MethodGet, URL: strings.TrimSuffix(base.String(), "/") + q}
	}
	targeter := vegeta.NewStaticTargeter(targets...)
	if cfg.Varied {
		if targeter, err = variedTargeter(strings.TrimSuffix(base.String(), "/"), targeter); err != nil {
			return nil, err
		}
	}
	attacker := vegeta.NewAttacker(vegeta.Timeout(cfg.Timeout), vegeta.KeepAlive(true), vegeta.Workers(8), vegeta.MaxWorkers(64))
	results := attacker.Attack(targeter, vegeta.Rate{Freq: cfg.Rate, Per: time.Second}, cfg.Duration, "inquirysearch")
	var m vegeta.Metrics
	done := ctx.Done()
loop:
	for {
		select {
		case res, ok := <-results:
			if !ok {
				break loop
			}
			m.Add(res)
		case <-done:
			attacker.Stop()
			done = nil
		}
	}
	m.Close()
	rep := &loadReport{
		Target: base.String(), Rate: cfg.Rate, Duration: cfg.Duration.String(), Requests: m.Requests,
		Throughput: m.Throughput, Success: m.Success,
		P50ms: ms(m.Latencies.P50), P95ms: ms(m.Latencies.P95), P99ms: ms(m.Latencies.P99), Maxms: ms(m.Latencies.Max),
		StatusCodes: m.StatusCodes, Errors: m.Errors,
	}
	if rep.Errors == nil {
		rep.Errors = []string{}
	}
	return rep, nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// Loadtest's defaults: a rate the sample site answers on one core, for
// long enough that p99 means something.
const (
	defaultLoadRate     = 50
	defaultLoadDuration = 10 * time.Second
	defaultLoadTimeout  = 5 * time.Second
	defaultAbuseClients = 200
)

// loadtestConfig is one loadtest run as the command line asks for it: a
// steady load, or with Abuse a mixed-abuse run.
type loadtestConfig struct {
	Load  loadConfig
	Abuse bool
	// AbuseClients and ServerPID are the mixed-abuse run's; it takes
	// its target, duration and probe rate from Load.
	AbuseClients int
	ServerPID    int
	JSON         bool
}

func parseLoadtest(args []string, stderr io.Writer) (*loadtestConfig, error) {
	fs := newFlagSet("loadtest", "loadtest [--target http://"+defaultAddr+"] [--rate N] [--duration D] [--json]", stderr)
	cfg := &loadtestConfig{}
	l := &cfg.Load
	fs.StringVar(&l.Target, "target", "http://"+defaultAddr, "base URL of a running server on this machine")
	fs.IntVar(&l.Rate, "rate", defaultLoadRate, "requests per second")
	fs.DurationVar(&l.Duration, "duration", defaultLoadDuration, "how long to keep up the rate")
	fs.DurationVar(&l.Timeout, "timeout", defaultLoadTimeout, "give up on one request after this long")
	fs.BoolVar(&cfg.JSON, "json", false, "print the report as JSON")
	fs.BoolVar(&l.Varied, "varied", false, "make three searches in four new ones, so the result cache answers few")
	fs.BoolVar(&cfg.Abuse, "abuse", false, "mixed abuse: --clients clients send only the costliest requests while one well-behaved client times ordinary searches")
	fs.IntVar(&cfg.AbuseClients, "clients", defaultAbuseClients, "with --abuse, how many abusive clients, each from its own loopback address")
	fs.IntVar(&cfg.ServerPID, "server-pid", 0, "with --abuse, the server's process id, to sample its resident memory")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("loadtest takes no arguments, got %q", fs.Args())
	}
	if _, err := checkLoopback(l.Target); err != nil {
		return nil, err
	}
	if l.Rate <= 0 || l.Duration <= 0 || l.Timeout <= 0 {
		return nil, errors.New("--rate, --duration and --timeout must be positive")
	}
	if cfg.Abuse && cfg.AbuseClients < 1 {
		return nil, fmt.Errorf("--clients: %d is not a positive number", cfg.AbuseClients)
	}
	return cfg, nil
}

func runLoadtest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseLoadtest(args, stderr)
	if err != nil {
		return err
	}
	if cfg.Abuse {
		l := cfg.Load
		rep, err := runAbuse(ctx, abuseConfig{Target: l.Target, Clients: cfg.AbuseClients, Duration: l.Duration, ProbeRate: l.Rate, ServerPID: cfg.ServerPID})
		if err != nil {
			return err
		}
		if cfg.JSON {
			return json.NewEncoder(stdout).Encode(rep)
		}
		printAbuse(stdout, rep)
		return nil
	}
	rep, err := runLoad(ctx, cfg.Load)
	if err != nil {
		return err
	}
	if cfg.JSON {
		return json.NewEncoder(stdout).Encode(rep)
	}
	codes := make([]string, 0, len(rep.StatusCodes))
	for c, n := range rep.StatusCodes {
		codes = append(codes, fmt.Sprintf("%s×%d", c, n))
	}
	sort.Strings(codes)
	fmt.Fprintf(stdout, "target %s, %d/s for %s: %d requests, %.1f/s succeeded (%.2f%%)\n",
		rep.Target, rep.Rate, rep.Duration, rep.Requests, rep.Throughput, rep.Success*100)
	fmt.Fprintf(stdout, "latency p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms\n", rep.P50ms, rep.P95ms, rep.P99ms, rep.Maxms)
	fmt.Fprintf(stdout, "status codes: %s\n", strings.Join(codes, " "))
	for _, e := range rep.Errors {
		fmt.Fprintf(stdout, "error: %s\n", e)
	}
	return nil
}

// variedTargeter sends three requests in four as a search for two words
// drawn from the most frequent thousand words of the sample vocabulary
// (some with a filter or a phrase), and the fourth from the fixed mix.
func variedTargeter(base string, fixed vegeta.Targeter) (vegeta.Targeter, error) {
	words, err := vocabulary()
	if err != nil {
		return nil, err
	}
	words = words[:min(1000, len(words))]
	var mu sync.Mutex
	rng := rand.New(rand.NewSource(7))
	n := 0
	return func(t *vegeta.Target) error {
		mu.Lock()
		n++
		i, a, b, kind := n, words[rng.Intn(len(words))], words[rng.Intn(len(words))], rng.Intn(4)
		mu.Unlock()
		if i%4 == 0 {
			return fixed(t)
		}
		q, filter := a+" "+b, ""
		switch kind {
		case 1:
			q = `"` + q + `"`
		case 2:
			filter = "&type=section"
		}
		t.Method, t.URL = http.MethodGet, base+"/api/v1/search?q="+url.QueryEscape(q)+filter
		return nil
	}, nil
}
