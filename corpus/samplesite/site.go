package samplesite

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
)

//go:embed pages layout.html robots.txt shells transcripts
var files embed.FS

// RobotsDisallowed is the path prefix the sample site's robots.txt forbids;
// the site links to it so that a crawl can show it is honoured.
const RobotsDisallowed = "/internal/"

var layout = template.Must(template.New("layout.html").Funcs(template.FuncMap{
	"inc": func(i int) int { return i + 1 },
}).ParseFS(files, "layout.html"))

// Site is the parsed sample site. It is safe for concurrent use.
type Site struct {
	pages     map[string]*page // by canonical key (see key)
	redirects map[string]string
	ordered   []*page
}

var (
	loadOnce sync.Once
	loaded   *Site
	loadErr  error
)

// Load parses the embedded pages once and returns the site.
func Load() (*Site, error) {
	loadOnce.Do(func() {
		pages, err := loadPages(files, "pages")
		if err != nil {
			loadErr = err
			return
		}
		s := &Site{pages: map[string]*page{}, redirects: map[string]string{}, ordered: pages}
		for _, p := range pages {
			k := key(p.URL)
			if other, dup := s.pages[k]; dup {
				loadErr = fmt.Errorf("sample site: %s and %s share the url %s", other.file, p.file, p.URL)
				return
			}
			s.pages[k] = p
			for _, from := range p.RedirectFrom {
				s.redirects[key(from)] = p.URL
			}
		}
		loaded = s
	})
	return loaded, loadErr
}

// Handler returns an http.Handler serving the embedded sample site.
// It panics if the embedded pages do not parse, which a test catches first.
func Handler() http.Handler {
	s, err := Load()
	if err != nil {
		panic(err)
	}
	return s
}

// URLs lists the path (and query) of every page, in file order.
func (s *Site) URLs() []string {
	out := make([]string, 0, len(s.ordered))
	for _, p := range s.ordered {
		out = append(out, p.URL)
	}
	return out
}

// key reduces a path and query to the form under which the site files a
// page: no ".html", the "/reports-recommendations" prefix present, and only
// the query keys the real site uses.
func key(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	p := strings.TrimSuffix(u.Path, ".html")
	if p != "/" {
		p = strings.TrimSuffix(p, "/")
	}
	if strings.HasPrefix(p, "/publications/") {
		p = "/reports-recommendations" + p
	}
	q := u.Query()
	var parts []string
	for _, k := range []string{"page", "tab"} {
		if v := q.Get(k); v != "" && !(k == "page" && v == "1") {
			parts = append(parts, k+"="+v)
		}
	}
	sort.Strings(parts)
	if len(parts) > 0 {
		return p + "?" + strings.Join(parts, "&")
	}
	return p
}

func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.serve(w, r, sampleShell) }

// serve answers r with the site's pages printed in shell sh.
func (s *Site) serve(w http.ResponseWriter, r *http.Request, sh *shell) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if r.URL.Path == "/robots.txt" {
		b, _ := files.ReadFile("robots.txt")
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write(b)
		return
	}
	if servePDF(w, r) || serveVideo(w, r) {
		return
	}
	k := key(r.URL.RequestURI())
	if to, ok := s.redirects[k]; ok {
		http.Redirect(w, r, to, http.StatusMovedPermanently)
		return
	}
	p, ok := s.pages[k]
	if !ok {
		s.notFound(w)
		return
	}
	var buf bytes.Buffer
	err := sh.layout.Execute(&buf, map[string]any{
		"Heading":   p.Heading,
		"Report":    p.Report,
		"Subtitle":  p.Subtitle,
		"Contents":  p.Contents,
		"Date":      p.Date,
		"Banner":    p.Banner,
		"Body":      renderBody(p.Body, sh.style),
		"Footnotes": renderFootnotes(p.Footnotes, sh.style),
	})
	if err != nil {
		http.Error(w, "render: "+err.Error(), http.StatusInternalServerError)
		return
	}
	out := buf.Bytes()
	if sh.rewrite != nil {
		out = sh.rewrite(out, r.URL.Path)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(out)
}

func (s *Site) notFound(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	fmt.Fprint(w, `<!DOCTYPE html><html lang="en-GB"><head><title>Page not found</title></head>`+
		`<body><main id="main-content"><h1>Page not found</h1><p>The page you asked for does not exist.</p></main></body></html>`)
}
