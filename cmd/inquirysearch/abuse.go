package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// abuseRequests are the costliest requests a client can make, each as a
// path and how it is read: proximity over common words, several of them
// OR'd, phrases of common words, the empty box, the deepest page by
// number, a page past every int, and exports of everything read slowly.
// COMMON1 and COMMON2 stand for words drawn from the commonest thirty.
var abuseRequests = []struct {
	path string
	slow bool // read the body a little at a time
}{
	{"/api/v1/search?q=" + url.QueryEscape(`"the school"~50`), false},
	{"/api/v1/search?q=" + url.QueryEscape(`"the school"~50 OR "of the"~20 OR "and the"~10 OR "in the"~30`), false},
	{"/api/v1/search?q=" + url.QueryEscape(`"COMMON1 COMMON2"~40 OR "the COMMON2"~40`), false},
	{"/api/v1/search?q=" + url.QueryEscape(`"COMMON1 COMMON2"`), false},
	{"/api/v1/search?q=" + url.QueryEscape(`"COMMON1 the COMMON2"`), false},
	{"/api/v1/search?q=", false},
	{"/api/v1/search?q=COMMON1+COMMON2&page=100&size=100", false},
	{"/api/v1/search?q=COMMON1&page=100&size=100&sort=newest", false},
	{"/api/v1/search?q=&page=100&size=100&sort=oldest", false},
	{"/api/v1/search?q=a&page=9223372036854775807", false},
	{"/search?q=" + url.QueryEscape(`"the school"~30`), false},
	{"/api/v1/search.csv?q=", true},
	{"/api/v1/search.ndjson?q=the", true},
}

// abuseConfig is one mixed-abuse run.
type abuseConfig struct {
	Target    string
	Clients   int           // abusive clients, each from its own loopback address
	Duration  time.Duration //
	ProbeRate int           // requests per second of the well-behaved client
	ServerPID int           // sampled for resident memory; 0: not sampled
}

// abuseReport is what a mixed-abuse run saw.
type abuseReport struct {
	Clients     int            `json:"clients"`
	Duration    string         `json:"duration"`
	Abusive     map[string]int `json:"abusive_status_codes"` // by status code, "error" for no response
	Probe       map[string]int `json:"probe_status_codes"`
	ProbeP50ms  float64        `json:"probe_p50_ms"`
	ProbeP99ms  float64        `json:"probe_p99_ms"`
	ProbeMaxms  float64        `json:"probe_max_ms"`
	MaxRSSBytes int64          `json:"max_rss_bytes,omitempty"`
	Unexpected  int            `json:"unexpected_5xx"` // 5xx other than a 503 refusal
}

// runAbuse drives the target with cfg.Clients clients that send only the
// costliest requests, as fast as the server answers them, while one
// well-behaved client sends ordinary searches at a steady rate and times
// them. Each abusive client dials from its own address in 127.0.0.0/8, so
// that the server's per-client limits see many clients, as they would.
func runAbuse(ctx context.Context, cfg abuseConfig) (*abuseReport, error) {
	base, err := checkLoopback(cfg.Target)
	if err != nil {
		return nil, err
	}
	if cfg.Clients <= 0 || cfg.Duration <= 0 || cfg.ProbeRate <= 0 {
		return nil, fmt.Errorf("clients, duration and probe rate must be positive")
	}
	words, err := vocabulary()
	if err != nil {
		return nil, err
	}
	common := words[:min(30, len(words))]
	words = words[:min(1000, len(words))]
	target := strings.TrimSuffix(base.String(), "/")
	ctx, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()

	rep := &abuseReport{Clients: cfg.Clients, Duration: cfg.Duration.String(), Abusive: map[string]int{}, Probe: map[string]int{}}
	var mu sync.Mutex
	count := func(m map[string]int, code string) {
		mu.Lock()
		defer mu.Unlock()
		m[code]++
		if c, err := strconv.Atoi(code); err == nil && c >= 500 && c != http.StatusServiceUnavailable {
			rep.Unexpected++
		}
	}
	var wg sync.WaitGroup
	for i := range cfg.Clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client := clientFrom(net.IPv4(127, 0, byte(1+i/250), byte(2+i%250)))
			defer client.CloseIdleConnections()
			rng := rand.New(rand.NewSource(int64(i)))
			for ctx.Err() == nil {
				r := abuseRequests[rng.Intn(len(abuseRequests))]
				// Common words, varied so that the result cache answers
				// few of the requests, as it would for a real attacker.
				path := strings.NewReplacer("COMMON1", common[rng.Intn(len(common))], "COMMON2", common[rng.Intn(len(common))]).Replace(r.path)
				code := fetch(ctx, client, target+path, r.slow)
				if ctx.Err() != nil {
					break // cut by the end of the run, not by the server
				}
				count(rep.Abusive, code)
			}
		}()
	}
	var rss sync.WaitGroup
	if cfg.ServerPID > 0 {
		rss.Add(1)
		go func() {
			defer rss.Done()
			for ctx.Err() == nil {
				if n, err := residentBytes(cfg.ServerPID); err == nil && n > rep.MaxRSSBytes {
					mu.Lock()
					rep.MaxRSSBytes = n
					mu.Unlock()
				}
				time.Sleep(100 * time.Millisecond)
			}
		}()
	}
	var lat []time.Duration
	probe := clientFrom(net.IPv4(127, 0, 0, 1))
	tick := time.NewTicker(time.Second / time.Duration(cfg.ProbeRate))
	rng := rand.New(rand.NewSource(99))
probing:
	for {
		select {
		case <-ctx.Done():
			break probing
		case <-tick.C:
		}
		q := words[rng.Intn(len(words))] + " " + words[rng.Intn(len(words))]
		start := time.Now()
		code := fetch(ctx, probe, target+"/api/v1/search?q="+url.QueryEscape(q), false)
		if ctx.Err() != nil {
			break // cut by the end of the run, not by the server
		}
		lat = append(lat, time.Since(start))
		count(rep.Probe, code)
	}
	tick.Stop()
	wg.Wait()
	rss.Wait()
	slices.Sort(lat)
	if len(lat) > 0 {
		at := func(p float64) float64 { return ms(lat[min(len(lat)-1, int(p*float64(len(lat))))]) }
		rep.ProbeP50ms, rep.ProbeP99ms, rep.ProbeMaxms = at(0.50), at(0.99), ms(lat[len(lat)-1])
	}
	return rep, nil
}

// clientFrom returns an HTTP client whose connections leave from ip.
func clientFrom(ip net.IP) *http.Client {
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: ip}, Timeout: 5 * time.Second}
	return &http.Client{
		Transport: &http.Transport{DialContext: d.DialContext, MaxIdleConnsPerHost: 4},
		Timeout:   30 * time.Second,
	}
}

// fetch makes one GET and returns its status code, or "error". A slow
// read takes the body 1 KiB at a time, a quarter of a second apart, as a
// client on a poor link would.
func fetch(ctx context.Context, c *http.Client, u string, slow bool) string {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return "error"
	}
	resp, err := c.Do(req)
	if err != nil {
		return "error"
	}
	defer resp.Body.Close()
	if slow {
		buf := make([]byte, 1024)
		for ctx.Err() == nil {
			if _, err := io.ReadFull(resp.Body, buf); err != nil {
				break
			}
			time.Sleep(250 * time.Millisecond)
		}
	} else {
		io.Copy(io.Discard, resp.Body)
	}
	return strconv.Itoa(resp.StatusCode)
}

// residentBytes reads a process's resident set size from /proc.
func residentBytes(pid int) (int64, error) {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10, err
		}
	}
	return 0, fmt.Errorf("no VmRSS for process %d", pid)
}

// printAbuse writes an abuse report for people.
func printAbuse(w io.Writer, rep *abuseReport) {
	codes := func(m map[string]int) string {
		var out []string
		for c, n := range m {
			out = append(out, fmt.Sprintf("%s×%d", c, n))
		}
		slices.Sort(out)
		return strings.Join(out, " ")
	}
	fmt.Fprintf(w, "%d abusive clients for %s: %s\n", rep.Clients, rep.Duration, codes(rep.Abusive))
	fmt.Fprintf(w, "well-behaved client: %s; p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", codes(rep.Probe), rep.ProbeP50ms, rep.ProbeP99ms, rep.ProbeMaxms)
	if rep.MaxRSSBytes > 0 {
		fmt.Fprintf(w, "server resident memory at most %.0f MiB\n", float64(rep.MaxRSSBytes)/(1<<20))
	}
	fmt.Fprintf(w, "unexpected 5xx (other than 503 refusals): %d\n", rep.Unexpected)
}
