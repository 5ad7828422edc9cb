package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/crawl"
)

const crawlSynopsis = `crawl --seed URL [--seed URL ...] [flags]
       inquirysearch crawl --preset iicsa [--dry-run] [flags]
       inquirysearch crawl --resume [--data DIR]
       inquirysearch crawl --sample [--data DIR]`

// crawlConfig is one crawl as the command line asks for it.
type crawlConfig struct {
	Data          string        // the data directory
	Options       crawl.Options // seeds, scope, politeness and limits
	Preset        string        // a known site's seeds and scope
	DryRun        bool          // print the plan and fetch nothing
	Resume        bool          // go on with the unfinished crawl's own seeds
	Sample        bool          // crawl the embedded sample site
	ReplaceSample bool          // remove the sample's pages before crawling real seeds
	WARC          bool          // also write WARC files
	WARCMaxBytes  int64
}

// parseCrawl reads the crawl subcommand's flags. Their defaults are the
// crawler's own (crawl.Options.WithDefaults), not copies of them.
func parseCrawl(args []string, stderr io.Writer) (*crawlConfig, *flag.FlagSet, error) {
	fs := newFlagSet("crawl", crawlSynopsis, stderr)
	d := crawl.Options{}.WithDefaults()
	var seeds, hosts, prefixes stringList
	fs.Var(&seeds, "seed", "URL to start from (repeatable)")
	fs.Var(&hosts, "allow-host", "host whose pages belong to the crawl (repeatable; default: the seeds' hosts)")
	fs.Var(&prefixes, "allow-prefix", "only follow links whose path starts with this (repeatable)")
	cfg := &crawlConfig{}
	fs.StringVar(&cfg.Preset, "preset", "", "a known site's seeds and scope rules: "+strings.Join(crawl.PresetNames(), ", "))
	fs.BoolVar(&cfg.DryRun, "dry-run", false, "print the seeds and scope rules and fetch nothing")
	dataFlag(fs, &cfg.Data)
	o := &cfg.Options
	fs.Float64Var(&o.Rate, "rate", d.Rate, "requests per second to each host")
	fs.IntVar(&o.PerHost, "per-host", d.PerHost, "requests in flight at once to each host")
	fs.IntVar(&o.Workers, "workers", d.Workers, "requests in flight at once in all")
	fs.IntVar(&o.MaxPages, "max-pages", d.MaxPages, "stop after fetching this many pages")
	fs.Int64Var(&o.MaxBodyBytes, "max-body", d.MaxBodyBytes, "largest response body to accept, in bytes")
	fs.DurationVar(&o.StallTimeout, "stall-timeout", d.StallTimeout, "abandon a response when no byte arrives for this long")
	retries := fs.Int("retries", d.MaxRetries, "retries of a request after a network error, 5xx or 429")
	fs.StringVar(&o.UserAgent, "user-agent", d.UserAgent, "User-Agent sent with every request; keep a contact URL in it")
	fs.BoolVar(&cfg.WARC, "warc", false, "also write every request and response as WARC files into DIR/warc")
	fs.Int64Var(&cfg.WARCMaxBytes, "warc-max-size", crawl.DefaultWARCMaxBytes, "start a new WARC file after this many bytes")
	fs.BoolVar(&cfg.Resume, "resume", false, "resume the unfinished crawl in the data directory with its own seeds")
	fs.BoolVar(&o.Fresh, "fresh", false, "discard an unfinished crawl instead of resuming it")
	fs.BoolVar(&cfg.Sample, "sample", false, "crawl the embedded sample site instead of seeds")
	fs.BoolVar(&cfg.ReplaceSample, "replace-sample", false, "remove the embedded sample site's pages from the data directory before crawling real seeds")
	verbose := fs.Bool("verbose", false, "log debug detail")
	if err := fs.Parse(args); err != nil {
		return nil, fs, err
	}
	if fs.NArg() > 0 {
		return nil, fs, fmt.Errorf("crawl takes no arguments, got %q (seeds go after --seed)", fs.Args())
	}
	o.Seeds, o.AllowedHosts, o.AllowedPrefixes = seeds, hosts, prefixes
	o.MaxRetries = *retries
	if *retries == 0 {
		o.MaxRetries = -1 // none; 0 would mean the default
	}
	o.Logger = newLogger(stderr, *verbose)
	if cfg.Preset != "" {
		p, err := crawl.LookupPreset(cfg.Preset)
		if err != nil {
			return nil, fs, err
		}
		o.Seeds = append(p.Seeds, seeds...)
		if len(hosts) == 0 {
			o.AllowedHosts = p.AllowedHosts
		}
		if len(prefixes) == 0 {
			o.AllowedPrefixes = p.AllowedPrefixes
		}
	}
	return cfg, fs, nil
}

func runCrawl(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, fs, err := parseCrawl(args, stderr)
	if err != nil {
		return err
	}
	opts := cfg.Options
	dirs := dataDirs{root: cfg.Data}
	if cfg.DryRun {
		printPlan(stdout, opts, cfg.Preset)
		fmt.Fprintf(stdout, "Data directory: %s (corpus in %s)\n", dirs.root, dirs.corpus())
		fmt.Fprintf(stdout, "Page cap: %d pages (--max-pages)\n", opts.WithDefaults().MaxPages)
		if ids := sampleIDs(dirs); len(ids) > 0 && !cfg.Sample {
			fmt.Fprintf(stdout, "The data directory holds %d pages of the embedded sample site: the crawl would be refused without --replace-sample.\n", len(ids))
		}
		return nil
	}
	store, err := crawl.OpenStore(dirs.corpus())
	if err != nil {
		return err
	}
	if !cfg.Sample && !cfg.Resume {
		removed, err := clearSample(store, dirs.root, "a crawl of real seeds", cfg.ReplaceSample, stdout)
		if err != nil {
			return err
		}
		if removed > 0 {
			opts.Fresh = true
		}
	}
	if cfg.Resume {
		saved, err := crawl.UnfinishedCrawl(store)
		if err != nil {
			return err
		}
		if saved == nil {
			return fmt.Errorf("no unfinished crawl in %s to resume", dirs.corpus())
		}
		opts.Seeds = saved
	}
	if len(opts.Seeds) == 0 && !cfg.Sample {
		fs.Usage()
		return errors.New("crawl needs --seed URL, --preset NAME, --resume or --sample")
	}
	gaz, err := corpus.DefaultGazetteer()
	if err != nil {
		return err
	}
	if cfg.WARC {
		ww, err := crawl.NewWARCWriter(filepath.Join(dirs.root, "warc"), "inquirysearch-", cfg.WARCMaxBytes)
		if err != nil {
			return err
		}
		opts.WARC = ww
		defer ww.Close()
	}
	prog := newCrawlStatus(stdout)
	opts.Progress = prog.update
	if cfg.Sample {
		opts.Seeds = nil
	}
	rep, err := crawlSeedsOrSample(ctx, store, gaz, opts)
	prog.finish()
	if rep != nil {
		printSummary(stdout, rep, filepath.Join(dirs.corpus(), "crawl.json"))
		printExtraction(stdout, rep.Extraction, filepath.Join(dirs.corpus(), crawl.ExtractionFile))
	}
	if err != nil {
		if rep != nil && !rep.Complete && ctx.Err() != nil {
			fmt.Fprintln(stdout, "The crawl was interrupted; run the same command again (or `crawl --resume`) to go on.")
		}
		return err
	}
	fmt.Fprintln(stdout, "Run `inquirysearch index` to make the new pages searchable.")
	return nil
}

// crawlSeedsOrSample crawls opts' seeds, or the embedded sample site when
// it names none: the one place that choice is made. The sample is served
// in-process, so it is fetched without a rate limit.
func crawlSeedsOrSample(ctx context.Context, store *crawl.Store, gaz *corpus.Gazetteer, opts crawl.Options) (*crawl.CrawlReport, error) {
	if len(opts.Seeds) == 0 {
		opts.Rate, opts.PerHost = 0, 0
		return crawl.CrawlSample(ctx, store, gaz, opts)
	}
	c, err := crawl.NewCrawler(store, gaz, opts)
	if err != nil {
		return nil, err
	}
	return c.Run(ctx)
}

// printPlan shows what a crawl would do, for --dry-run.
func printPlan(w io.Writer, opts crawl.Options, preset string) {
	opts = opts.WithDefaults()
	if preset != "" {
		p, _ := crawl.LookupPreset(preset)
		fmt.Fprintf(w, "Preset %s: %s\n", p.Name, p.Description)
	}
	fmt.Fprintln(w, "Seeds:")
	for _, s := range opts.Seeds {
		fmt.Fprintf(w, "  %s\n", s)
	}
	fmt.Fprintln(w, "Scope:")
	if len(opts.AllowedHosts) > 0 {
		fmt.Fprintf(w, "  hosts (with or without www.): %s\n", strings.Join(opts.AllowedHosts, ", "))
	} else {
		fmt.Fprintln(w, "  hosts: the seeds' hosts")
	}
	if len(opts.AllowedPrefixes) > 0 {
		fmt.Fprintf(w, "  path prefixes: %s\n", strings.Join(opts.AllowedPrefixes, " "))
	}
	fmt.Fprintln(w, "  web-archive copies (/ukgwa/<timestamp>/<url>, /<timestamp>/http:/<url>) are fetched from the archive a seed uses and identified by the original URL")
	fmt.Fprintln(w, "  canonical URLs: https, host lower-cased without www., no .html, /publications under /reports-recommendations, query keys page and tab only, no fragment")
	fmt.Fprintf(w, "  traps: ?page= above %d, more than %d query variants of one path, path segments repeated more than 3 times\n",
		opts.MaxPageNumber, opts.MaxVariants)
	fmt.Fprintln(w, "Politeness:")
	fmt.Fprintf(w, "  robots.txt and its Crawl-delay honoured; %g requests/s and %d at a time per host; User-Agent %q\n",
		opts.Rate, opts.PerHost, opts.UserAgent)
	fmt.Fprintf(w, "  at most %d pages, %d bytes per response; stalled responses abandoned after %s; %d retries with backoff\n",
		opts.MaxPages, opts.MaxBodyBytes, opts.StallTimeout, opts.MaxRetries)
}

// printSummary prints the counts a crawl report holds.
func printSummary(w io.Writer, rep *crawl.CrawlReport, path string) {
	state := "finished"
	if !rep.Complete {
		state = "stopped"
	}
	fmt.Fprintf(w, "Crawl %s in %s: %d new, %d changed, %d unchanged, %d gone, %d duplicates, %d skipped, %d failed; %s received, %d retries.\n",
		state, time.Duration(rep.Seconds*float64(time.Second)).Round(time.Millisecond), rep.New, rep.Changed, rep.Unchanged,
		len(rep.Gone), rep.Duplicates, rep.Skipped, rep.Failed, humanBytes(rep.Bytes), rep.Retries)
	if len(rep.ByClass) > 0 {
		fmt.Fprintf(w, "Skipped and failed by class: %s.\n", countList(rep.ByClass))
	}
	fmt.Fprintf(w, "Report: %s\n", path)
}

// countList prints counts by name as "name n, name n", names in order, so
// that two summaries of the same counts read the same.
func countList(counts map[string]int) string {
	parts := make([]string, 0, len(counts))
	for _, name := range slices.Sorted(maps.Keys(counts)) {
		parts = append(parts, fmt.Sprintf("%s %d", name, counts[name]))
	}
	return strings.Join(parts, ", ")
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// sampleIDs lists the sample site's pages in a data directory, for
// --dry-run; a directory that cannot be read holds none.
func sampleIDs(dirs dataDirs) []string {
	if _, err := os.Stat(dirs.corpus()); err != nil {
		return nil
	}
	store, err := crawl.OpenStore(dirs.corpus())
	if err != nil {
		return nil
	}
	ids, _ := store.SampleIDs()
	return ids
}
