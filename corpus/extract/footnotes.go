package extract

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"

	"github.com/inquirysearch/inquirysearch/corpus"
)

var markerPattern = regexp.MustCompile(`\s*\[(\d{1,3})\]`)

// takeMarkers strips "[n]" footnote markers from a paragraph's text and
// returns the footnote numbers it cited.
func takeMarkers(text string) (string, []int) {
	var nums []int
	text = markerPattern.ReplaceAllStringFunc(text, func(m string) string {
		n, _ := strconv.Atoi(strings.Trim(strings.TrimSpace(m), "[]"))
		nums = append(nums, n)
		return ""
	})
	return text, nums
}

const shortcodeOpen = "[iicsa-references:"

// shortcode is the JSON inside an unrendered "[iicsa-references:{…}]"
// marker, which some older report pages show in place of a footnote marker.
type shortcode struct {
	Title string `json:"title"`
	URL   string `json:"url"`
	Text  string `json:"text"`
}

// takeShortcodes removes unrendered reference shortcodes from text and
// turns each into a footnote numbered after next.
func takeShortcodes(text string, next int) (string, []corpus.Footnote) {
	var notes []corpus.Footnote
	for {
		i := strings.Index(text, shortcodeOpen)
		if i < 0 {
			return text, notes
		}
		rest := text[i+len(shortcodeOpen):]
		dec := json.NewDecoder(strings.NewReader(rest))
		var sc shortcode
		if err := dec.Decode(&sc); err != nil {
			// Not a well-formed shortcode: leave the text as it is.
			return text, notes
		}
		end := int(dec.InputOffset())
		tail := strings.TrimLeft(rest[end:], " ")
		if !strings.HasPrefix(tail, "]") {
			return text, notes
		}
		tail = tail[1:]
		body := strings.TrimSpace(strings.Join(nonEmpty(sc.Title, sc.Text, sc.URL), ", "))
		notes = append(notes, corpus.Footnote{Number: next, Text: body, References: corpus.References(body)})
		next++
		text = strings.TrimRight(text[:i], " ") + tail
	}
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
