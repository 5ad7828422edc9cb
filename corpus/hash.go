package corpus

import (
	"crypto/sha256"
	"encoding/hex"
)

func ContentHash(d *Document) string {
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
