package samplesite

import (
	"net/http"
	"regexp"
	"strings"
)

// archiveOrigin is the original site a capture of the web-archive shell
// names in its path.
const archiveOrigin = "https://sample-inquiry.test"

// ArchivedPath is the path of a page's capture in the web-archive shell:
// "/ukgwa/<ArchiveStamp>/https://sample-inquiry.test/news" for "/news".
func ArchivedPath(path string) string {
	return "/ukgwa/" + ArchiveStamp + "/" + archiveOrigin + path
}

// capturePath matches the path of a capture, in the archive's newer form
// and its older one (a timestamp and one slash after the scheme); group 1
// is the original path.
var capturePath = regexp.MustCompile(`^/(?:ukgwa/)?\d{14}/https?:/+` + regexp.QuoteMeta(strings.TrimPrefix(archiveOrigin, "https://")) + `(/.*)?$`)

// serveCapture answers a request for a capture in the web-archive shell as
// the archive does: the original page, its links and redirects kept inside
// the archive. What the site's robots.txt forbade was never captured. It
// reports false for a path that is not a capture.
func (s *Site) serveCapture(w http.ResponseWriter, r *http.Request, sh *shell) bool {
	m := capturePath.FindStringSubmatch(r.URL.Path)
	if m == nil {
		return false
	}
	original := m[1]
	if original == "" {
		original = "/"
	}
	if strings.HasPrefix(original, RobotsDisallowed) {
		s.notFound(w)
		return true
	}
	inner := r.Clone(r.Context())
	inner.URL.Path, inner.URL.RawPath = original, ""
	inner.RequestURI = inner.URL.RequestURI()
	s.serve(archiveRedirects{w}, inner, sh)
	return true
}

// archiveRedirects keeps a redirect of the original site inside the
// archive, as the archive's replay does.
type archiveRedirects struct{ http.ResponseWriter }

func (a archiveRedirects) WriteHeader(code int) {
	if loc := a.Header().Get("Location"); strings.HasPrefix(loc, "/") {
		a.Header().Set("Location", ArchivedPath(loc))
	}
	a.ResponseWriter.WriteHeader(code)
}
