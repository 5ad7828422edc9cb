package crawl

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// scope decides which URLs belong to a crawl. A URL is judged by its
// original (canonical) form, so a web-archive copy of an allowed page is
// allowed, and fetched only from an allowed host or a web archive a seed
// points into.
type scope struct {
	hosts    map[string]bool // original hosts, without www.
	archives map[string]bool // hosts of web archives the seeds use
	prefixes []string
}

func newScope(seeds, hosts, prefixes []string) (*scope, error) {
	s := &scope{hosts: map[string]bool{}, archives: map[string]bool{}, prefixes: prefixes}
	for _, h := range hosts {
		s.hosts[hostKey(h)] = true
	}
	for _, seed := range seeds {
		u, err := url.Parse(seed)
		if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
			return nil, fmt.Errorf("crawler: bad seed URL %q", seed)
		}
		orig, archived := corpus.UnwrapArchive(u)
		if archived {
			s.archives[hostKey(u.Host)] = true
		} else {
			orig = u
		}
		if len(hosts) == 0 {
			s.hosts[hostKey(orig.Host)] = true
		}
	}
	return s, nil
}

func hostKey(h string) string { return strings.TrimPrefix(strings.ToLower(h), "www.") }

// allows reports whether u may be fetched; withPrefix also applies the
// path prefixes (seeds and redirect targets of seeds skip them).
func (s *scope) allows(u *url.URL, withPrefix bool) bool {
	orig, archived := corpus.UnwrapArchive(u)
	if archived {
		if !s.archives[hostKey(u.Host)] {
			return false
		}
	} else {
		orig = u
	}
	if !s.hosts[hostKey(orig.Host)] {
		return false
	}
	if !withPrefix || len(s.prefixes) == 0 {
		return true
	}
	canon, err := corpus.Canonical(orig.String())
	if err != nil {
		return false
	}
	cu, _ := url.Parse(canon)
	for _, p := range s.prefixes {
		if strings.HasPrefix(cu.Path, p) {
			return true
		}
	}
	return false
}

// trapGuard spots URLs that only a crawler trap would lead to: listings
// paged past any real end, endless query variants of one path, and paths
// that repeat themselves.
type trapGuard struct {
	maxPage     int
	maxVariants int
	variants    map[string]int // canonical path -> distinct query strings queued
}

func newTrapGuard(maxPage, maxVariants int) *trapGuard {
	return &trapGuard{maxPage: maxPage, maxVariants: maxVariants, variants: map[string]int{}}
}

// check returns a reason if canonical looks like a trap, and counts it
// otherwise. It is called once per new canonical URL.
func (t *trapGuard) check(canonical string) error {
	if len(canonical) > 2000 {
		return fmt.Errorf("%w: URL longer than 2000 characters", ErrTrap)
	}
	u, err := url.Parse(canonical)
	if err != nil {
		return err
	}
	if p := u.Query().Get("page"); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 0 || n > t.maxPage {
			return fmt.Errorf("%w: page %q beyond the cap of %d", ErrTrap, p, t.maxPage)
		}
	}
	counts := map[string]int{}
	for _, seg := range strings.Split(u.Path, "/") {
		if seg == "" {
			continue
		}
		if counts[seg]++; counts[seg] > 3 {
			return fmt.Errorf("%w: path segment %q repeats", ErrTrap, seg)
		}
	}
	if u.RawQuery != "" {
		key := u.Host + u.Path
		if t.variants[key] >= t.maxVariants {
			return fmt.Errorf("%w: more than %d query variants of %s", ErrTrap, t.maxVariants, u.Path)
		}
		t.variants[key]++
	}
	return nil
}
