package corpus

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The roles a hearing's speakers have, as facet and filter values.
const (
	RoleWitness = "witness"
	RoleCounsel = "counsel"
	RoleChair   = "chair"
	RolePanel   = "panel"
	RoleOther   = "other"
)

// Roles lists the speaker roles in the order a user would browse them.
var Roles = []string{RoleWitness, RoleCounsel, RoleChair, RolePanel, RoleOther}

// Hearing is the sitting a transcript records: the day of the hearing
// (counted from 1 within an investigation) and its date.
type Hearing struct {
	Day  int    `json:"day,omitempty"`
	Date string `json:"date,omitempty"` // YYYY-MM-DD
}

// Label names the sitting as the record does: "Day 12, 20 September 2020".
// It is the hearing facet's value, so two transcripts of one sitting share it.
func (h Hearing) Label() string {
	date := h.Date
	if t, err := time.Parse("2006-01-02", h.Date); err == nil {
		date = t.Format("2 January 2006")
	}
	switch {
	case h.Day > 0 && date != "":
		return fmt.Sprintf("Day %d, %s", h.Day, date)
	case h.Day > 0:
		return fmt.Sprintf("Day %d", h.Day)
	}
	return date
}

// SplitLine splits a transcript paragraph number "34:5" into its page and
// line; ok is false for any other number.
func SplitLine(number string) (page, line int, ok bool) {
	p, l, found := strings.Cut(number, ":")
	if !found {
		return 0, 0, false
	}
	page, err1 := strconv.Atoi(p)
	line, err2 := strconv.Atoi(l)
	return page, line, err1 == nil && err2 == nil && page > 0 && line > 0
}

// LineSpan says where a turn lies, as the record cites it: "page 34, lines
// 5–17", "page 34, line 5", or across a page break "pages 34–35, lines
// 34:20–35:3". It is empty for a paragraph that is not a transcript's.
func (p Paragraph) LineSpan() string {
	page, line, ok := SplitLine(p.Number)
	if !ok {
		return ""
	}
	endPage, endLine, ok := SplitLine(p.End)
	if !ok || (endPage == page && endLine <= line) || endPage < page {
		return fmt.Sprintf("page %d, line %d", page, line)
	}
	if endPage == page {
		return fmt.Sprintf("page %d, lines %d–%d", page, line, endLine)
	}
	return fmt.Sprintf("pages %d–%d, lines %s–%s", page, endPage, p.Number, p.End)
}

// TurnCitation cites a transcript paragraph as the record does: "Day 12,
// 20 September 2020, page 34, lines 5–17 (Ms Jane Smith)".
func TurnCitation(h Hearing, p Paragraph) string {
	parts := []string{}
	if l := h.Label(); l != "" {
		parts = append(parts, l)
	}
	if s := p.LineSpan(); s != "" {
		parts = append(parts, s)
	}
	out := strings.Join(parts, ", ")
	if p.Speaker != "" {
		out += " (" + p.Speaker + ")"
	}
	return out
}

// TypeTestimony is the type of one speaker's turns at one sitting, taken
// out of a transcript so that a search can keep to one person's words.
// Extraction never produces it: the indexer derives it.
const TypeTestimony Type = "testimony"

func init() { Types = append(Types, TypeTestimony) }
