package extract

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/inquirysearch/inquirysearch/corpus"
)

// Trace is the account Explain gives of how one page was read: what was
// removed as chrome, which element was read as the content, where the
// footnotes were found, and what became of each block.
type Trace struct {
	Lines []string
}

func (t *Trace) printf(format string, args ...any) {
	if t != nil {
		t.Lines = append(t.Lines, fmt.Sprintf(format, args...))
	}
}

// Explain extracts an HTML page as Extract does and returns, with the
// document, the account of how it was read, block by block.
func Explain(body []byte, pageURL string, gaz *corpus.Gazetteer) (*corpus.Document, *Trace, error) {
	return read(body, pageURL, gaz, &Trace{})
}

// WriteTo prints the trace, one line per step.
func (t *Trace) WriteTo(w io.Writer) (int64, error) {
	var n int64
	for _, l := range t.Lines {
		k, err := fmt.Fprintln(w, l)
		n += int64(k)
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// clip shortens a block's text for a trace line.
func clip(s string) string {
	s = strings.ReplaceAll(s, "\n", " / ")
	if utf8.RuneCountInString(s) <= 90 {
		return s
	}
	r := []rune(s)
	return string(r[:87]) + "..."
}
