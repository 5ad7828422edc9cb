package corpus

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"
)

// keptQueryKeys are the only query parameters the inquiry site gives
// meaning to; every other parameter is dropped from a canonical URL.
var keptQueryKeys = []string{"page", "tab"}

var (
	// The web archive wraps an original URL: /ukgwa/<timestamp>/<url> in its
	// newer form, /<timestamp>/http:/<host>/<path> in its older one.
	archivePrefix = regexp.MustCompile(`^/(?:ukgwa/)?(\d{14})/(https?):/+(.+)$`)
	// Offline mirrors glue a 4-hex hash to the slug of a page that had a
	// query string: councils6cec.html?tab=scope.
	mirrorHash = regexp.MustCompile(`^(.*[a-z])[0-9a-f]{4}$`)
)

// Canonical returns the one URL under which a page is identified, however
// the site or its archive served it: scheme https, host lower-cased without
// "www.", the web archive's wrapper removed, no ".html", no trailing slash,
// publication paths under "/reports-recommendations", only the query keys
// the site uses (sorted; page=1 dropped), and no fragment.
func Canonical(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("canonical url %q: %w", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("canonical url %q: not an http(s) URL", raw)
	}
	if u.Host == "" {
		return "", fmt.Errorf("canonical url %q: no host", raw)
	}
	// Clean before unwrapping, and unwrap until no wrapper is left: an
	// archived copy of an archived page is still that page. Each unwrap
	// shortens the path, so this ends.
	for {
		if u.Path != "" {
			u.Path = path.Clean(u.Path)
		}
		if !archivePrefix.MatchString(u.Path) {
			break
		}
		// A wrapper whose original cannot be read is refused: left in
		// place, the changes below could make it readable, and the
		// result would not be its own canonical form.
		original, ok := UnwrapArchive(u)
		if !ok {
			return "", fmt.Errorf("canonical url %q: an archived URL whose original cannot be read", raw)
		}
		u = original
	}
	host := strings.ToLower(u.Host)
	// Trim until nothing changes so that the result is its own canonical
	// form even for hosts like "www.www.x".
	for prev := ""; prev != host; {
		prev = host
		host = strings.TrimPrefix(host, "www.")
		host = strings.TrimSuffix(host, ":443")
		host = strings.TrimSuffix(host, ":80")
	}
	if host == "" || strings.HasPrefix(host, ":") {
		return "", fmt.Errorf("canonical url %q: no host", raw)
	}

	p := u.Path
	if p == "" {
		p = "/"
	}
	p = path.Clean(p)
	hadQuery := u.RawQuery != ""
	// Dropping ".html" can leave a dot segment ("/..html" -> "/.") or
	// another ".html", so clean and look again: the result must be its own
	// canonical form.
	for strings.HasSuffix(p, ".html") {
		p = path.Clean(strings.TrimSuffix(p, ".html"))
		if hadQuery {
			dir, last := path.Split(p)
			if m := mirrorHash.FindStringSubmatch(last); m != nil {
				p = dir + m[1]
			}
		}
	}
	if strings.HasPrefix(p, "/publications/") || p == "/publications" {
		p = "/reports-recommendations" + p
	}
	if p != "/" {
		p = strings.TrimSuffix(p, "/")
	}

	q := u.Query()
	var parts []string
	for _, k := range keptQueryKeys {
		v := q.Get(k)
		if v == "" || (k == "page" && v == "1") {
			continue
		}
		parts = append(parts, url.QueryEscape(k)+"="+url.QueryEscape(v))
	}
	sort.Strings(parts)

	out := url.URL{Scheme: "https", Host: host, Path: p, RawQuery: strings.Join(parts, "&")}
	if u.Scheme == "http" && isLoopback(host) {
		// Local test sites speak plain HTTP; keep their scheme so the
		// canonical URL can still be fetched.
		out.Scheme = "http"
	}
	return out.String(), nil
}

// UnwrapArchive recovers the original URL from a web-archive URL.
func UnwrapArchive(u *url.URL) (*url.URL, bool) {
	m := archivePrefix.FindStringSubmatch(u.Path)
	if m == nil {
		return nil, false
	}
	raw := m[2] + "://" + m[3]
	if u.RawQuery != "" {
		raw += "?" + u.RawQuery
	}
	orig, err := url.Parse(raw)
	if err != nil || orig.Host == "" {
		return nil, false
	}
	return orig, true
}

func isLoopback(host string) bool {
	h := host
	if i := strings.LastIndex(h, ":"); i > 0 && !strings.HasSuffix(h, "]") {
		h = h[:i]
	}
	return h == "localhost" || strings.HasPrefix(h, "127.") || h == "[::1]"
}
