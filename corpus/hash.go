package corpus

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func contentHash(d *Document) string {
	h := sha256.New()
	h.Write([]byte(d.Report + "\n" + d.Heading + "\n"))
	for _, p := range d.Paragraphs {
		h.Write([]byte(p.Number + " " + p.Text + "\n"))
	}
	for _, f := range d.Footnotes {
		h.Write([]byte(f.Text + "\n"))
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}
