package corpus

import (
	"crypto/sha256"
	"encoding/hex"
)

// minBodyForIdentity is the body text (in bytes) a page needs before its
// content alone can make it a duplicate of another page: below it, pages
// that share a heading and a failed extraction would collapse into one.
const minBodyForIdentity = 200

// ContentHash is the hash under which a crawl stores a page's content once
// and detects that it changed. Two pages share it only if their report,
// heading, paragraphs and footnotes are identical and their body is
// non-trivial; a page with (almost) no body hashes its URL as well, so it is
// never anyone's duplicate.
func ContentHash(d *Document) string {
	h := sha256.New()
	h.Write([]byte(d.Report + "\n" + d.Heading + "\n"))
	body := 0
	for _, p := range d.Paragraphs {
		h.Write([]byte(p.Number + " " + p.Text + "\n"))
		body += len(p.Text)
	}
	for _, f := range d.Footnotes {
		h.Write([]byte(f.Text + "\n"))
	}
	if body < minBodyForIdentity {
		h.Write([]byte("\x00url " + d.URL))
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}
