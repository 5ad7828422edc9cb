package crawl

import (
	"context"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/samplesite"
)

const archiveStamp = "20230117000000"

// webArchive imitates a web archive holding a copy of the sample site:
// pages under /ukgwa/<timestamp>/<original URL> (and the older
// /<timestamp>/http:/<host>/<path>), links and redirects rewritten to
// stay in the archive, and the archive's banner inserted into each page.
// Like a real archive's crawler, it did not capture what robots.txt
// forbade.
type webArchive struct {
	site http.Handler
}

var (
	archivedURL = regexp.MustCompile(`^/(?:ukgwa/)?\d{14}/https?:/+` + regexp.QuoteMeta(corpus.SampleHost) + `(/.*)?$`)
	hrefAttr    = regexp.MustCompile(`(href|src)="(/[^"]*|https?://(?:www\.)?` + regexp.QuoteMeta(corpus.SampleHost) + `[^"]*)"`)
)

func archiveWrap(original string) string {
	if strings.HasPrefix(original, "/") {
		original = "http://" + corpus.SampleHost + original
	}
	return "/ukgwa/" + archiveStamp + "/" + original
}

func (a webArchive) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/robots.txt" {
		w.Write([]byte("User-agent: *\nAllow: /\n"))
		return
	}
	m := archivedURL.FindStringSubmatch(r.URL.Path)
	if m == nil || strings.HasPrefix(m[1], samplesite.RobotsDisallowed) {
		http.NotFound(w, r)
		return
	}
	inner := httptest.NewRequest(http.MethodGet, "http://"+corpus.SampleHost+m[1]+queryOf(r), nil)
	rec := httptest.NewRecorder()
	a.site.ServeHTTP(rec, inner)
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	if loc := rec.Header().Get("Location"); loc != "" {
		w.Header().Set("Location", archiveWrap(loc))
	}
	body := rec.Body.Bytes()
	if strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
		body = hrefAttr.ReplaceAllFunc(body, func(b []byte) []byte {
			sm := hrefAttr.FindSubmatch(b)
			return []byte(string(sm[1]) + `="` + archiveWrap(string(sm[2])) + `"`)
		})
		banner := `<!-- BEGIN UKGWA BANNER INSERT --><div id="archive-banner"><p>1. This is an archived page held by the web archive. It may no longer be current.</p><a href="/search">Search the archive</a></div><!-- END UKGWA BANNER INSERT -->`
		// Inside the page's main content, where only stripping keeps it out
		// of the document.
		body = []byte(strings.Replace(string(body), "</main>", banner+"</main>", 1))
		w.Header().Del("Content-Length")
	}
	w.WriteHeader(rec.Code)
	w.Write(body)
}

func queryOf(r *http.Request) string {
	if r.URL.RawQuery == "" {
		return ""
	}
	return "?" + r.URL.RawQuery
}

func TestCrawlThroughWebArchiveGivesSameDocuments(t *testing.T) {
	ctx := context.Background()
	direct, _ := OpenStore(t.TempDir())
	if _, err := CrawlSample(ctx, direct, mustGazetteer(t), Options{}); err != nil {
		t.Fatal(err)
	}

	archive := httptest.NewServer(webArchive{site: samplesite.Handler()})
	defer archive.Close()
	// Both URL forms the archive uses: the newer /ukgwa/ one and the older
	// one with a single slash after http:.
	seeds := []string{
		archive.URL + "/" + archiveStamp + "/http:/" + corpus.SampleHost + SampleSeeds[0],
	}
	for _, s := range SampleSeeds[1:] {
		seeds = append(seeds, archive.URL+archiveWrap(s))
	}
	archived, _ := OpenStore(t.TempDir())
	c, err := NewCrawler(archived, mustGazetteer(t), Options{Seeds: seeds, Rate: -1, PerHost: 4})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := c.Run(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Stored < 50 {
		t.Fatalf("only %d pages stored through the archive", rep.Stored)
	}
	for _, p := range rep.Pages {
		if !strings.HasPrefix(p.URL, archive.URL+"/") {
			t.Errorf("fetched %s outside the archive", p.URL)
		}
	}

	// Identified by the original URL, with the archive's banner gone, the
	// documents are those of the direct crawl; their links differ only in
	// the archive's wrapping.
	sameDocuments(t, direct, archived, true)
	dd, _ := direct.Documents()
	ad, _ := archived.Documents()
	for i := range min(len(dd), len(ad)) {
		if !slices.Equal(canonicalLinks(dd[i].Links), canonicalLinks(ad[i].Links)) {
			t.Errorf("%s: links differ beyond the archive's wrapping", dd[i].URL)
		}
	}
}

func canonicalLinks(links []string) []string {
	var out []string
	for _, l := range links {
		if c, err := corpus.Canonical(l); err == nil && !strings.Contains(c, "/search") {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
