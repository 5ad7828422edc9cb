package crawl

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/samplesite"
)

// SampleSeeds are the paths a crawl of the sample site starts from.
var SampleSeeds = []string{"/", "/reports-recommendations/publications", "/news"}

// ServeSample serves the embedded sample site on a loopback port until ctx
// ends, and returns its base URL ("http://127.0.0.1:PORT").
func ServeSample(ctx context.Context) (string, error) { return serveSample(ctx, "sample") }

// serveSample serves the sample site with its pages in the named shell.
func serveSample(ctx context.Context, shell string) (string, error) {
	h, err := samplesite.HandlerIn(shell)
	if err != nil {
		return "", err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("serve sample site: %w", err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			slog.Error("sample site stopped", "error", err)
		}
	}()
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	return "http://" + ln.Addr().String(), nil
}

// CrawlSample crawls the embedded sample site with the real crawler into
// store, with the sample-site politeness settings (no rate limit: the site
// is in this process). opts.Seeds is filled in from SampleSeeds.
func CrawlSample(ctx context.Context, store *Store, gaz *corpus.Gazetteer, opts Options) (*CrawlReport, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	shell := opts.SampleShell
	if shell == "" {
		shell = "sample"
	}
	base, err := serveSample(ctx, shell)
	if err != nil {
		return nil, err
	}
	opts.Seeds = nil
	for _, s := range SampleSeeds {
		if shell == "ukgwa" {
			// The web archive's copy is crawled through the archive, as
			// a real capture is: from its seeds' captures.
			s = samplesite.ArchivedPath(s)
		}
		opts.Seeds = append(opts.Seeds, "http://"+corpus.SampleHost+s)
	}
	opts.AllowedHosts = []string{corpus.SampleHost}
	opts.Client = sampleClient(strings.TrimPrefix(base, "http://"))
	if opts.Rate == 0 {
		opts.Rate = -1
	}
	if opts.PerHost == 0 {
		opts.PerHost = 4
	}
	c, err := NewCrawler(store, gaz, opts)
	if err != nil {
		return nil, err
	}
	return c.Run(ctx)
}

// sampleClient returns an HTTP client that reaches SampleHost at addr and
// no other host.
func sampleClient(addr string) *http.Client {
	dialer := &net.Dialer{Timeout: 5 * time.Second}
	return &http.Client{
		Timeout: 30 * time.Second,
		Transport: &http.Transport{
			DialContext: func(ctx context.Context, network, hostport string) (net.Conn, error) {
				host, _, err := net.SplitHostPort(hostport)
				if err != nil || host != corpus.SampleHost {
					return nil, fmt.Errorf("sample client: %s is not the sample site", hostport)
				}
				return dialer.DialContext(ctx, network, addr)
			},
		},
	}
}
