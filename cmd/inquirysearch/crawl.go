package main

import (
	"context"
	"fmt"
	"io"

	"github.com/inquirysearch/inquirysearch/corpus"
)

func runCrawl(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("crawl", "crawl --seed URL [--seed URL ...] [--data DIR]\n       inquirysearch crawl --sample [--data DIR]", stderr)
	var seeds, hosts stringList
	fs.Var(&seeds, "seed", "URL to start from (repeatable)")
	fs.Var(&hosts, "allow-host", "host whose links are followed (repeatable; default: the seeds' hosts)")
	data := fs.String("data", defaultDataDir(), "data directory holding the corpus and the index (env INQUIRYSEARCH_DATA)")
	rate := fs.Float64("rate", 1, "requests per second to each host")
	maxPages := fs.Int("max-pages", 10000, "stop after fetching this many pages")
	agent := fs.String("user-agent", corpus.DefaultUserAgent, "User-Agent sent with every request")
	sample := fs.Bool("sample", false, "crawl the embedded sample site instead of seeds")
	verbose := fs.Bool("verbose", false, "log debug detail")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if len(seeds) == 0 && !*sample {
		fs.Usage()
		return fmt.Errorf("crawl needs at least one --seed URL, or --sample")
	}
	dirs := dataDirs{root: *data}
	store, err := corpus.OpenStore(dirs.corpus())
	if err != nil {
		return err
	}
	gaz, err := corpus.DefaultGazetteer()
	if err != nil {
		return err
	}
	opts := corpus.Options{
		Seeds: seeds, AllowedHosts: hosts, Rate: *rate, MaxPages: *maxPages, UserAgent: *agent,
		Logger: newLogger(stderr, *verbose), Progress: crawlProgress(stdout, 10),
	}
	var rep *corpus.CrawlReport
	if *sample {
		opts.Rate = 0
		rep, err = corpus.CrawlSample(ctx, store, gaz, opts)
	} else {
		var c *corpus.Crawler
		if c, err = corpus.NewCrawler(store, gaz, opts); err == nil {
			rep, err = c.Run(ctx)
		}
	}
	if rep != nil {
		fmt.Fprintf(stdout, "Crawl finished in %s: %d stored, %d duplicates, %d skipped, %d failed. Report: %s/crawl.json\n",
			rep.Finished.Sub(rep.Started).Round(1e6), rep.Stored, rep.Duplicates, rep.Skipped, rep.Failed, dirs.corpus())
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, "Run `inquirysearch index` to make the new pages searchable.")
	return nil
}
