package corpus

import (
	"net/url"
	"testing"
)

// FuzzCanonical: canonicalisation never panics, gives a parseable absolute
// URL, and is idempotent (a canonical URL is its own canonical form).
func FuzzCanonical(f *testing.F) {
	for _, s := range []string{
		"https://www.iicsa.org.uk/publications/investigation/westminster.html",
		"https://webarchive.nationalarchives.gov.uk/ukgwa/20230101000000/https://www.iicsa.org.uk/news/x",
		"https://webarchive.nationalarchives.gov.uk/20190101000000/http:/www.iicsa.org.uk/a/",
		"http://127.0.0.1:8080/news?page=2&tab=scope#x",
		"https://iicsa.org.uk/investigations/x6cec.html?tab=scope",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		c, err := Canonical(raw)
		if err != nil {
			return
		}
		u, err := url.Parse(c)
		if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
			t.Fatalf("Canonical(%q) = %q, not an absolute http(s) URL", raw, c)
		}
		again, err := Canonical(c)
		if err != nil || again != c {
			t.Fatalf("not idempotent: %q -> %q -> %q (%v)", raw, c, again, err)
		}
	})
}
