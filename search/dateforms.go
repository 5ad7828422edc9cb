package search

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// The forms a date may be typed in besides ISO (2020, 2020-03,
// 2020-03-20). Numeric dates are read day first, as in the UK: 20/03/2020
// is 20 March and 03/04/2020 is 3 April.
var (
	numericDay   = regexp.MustCompile(`^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$`)
	numericMonth = regexp.MustCompile(`^(\d{1,2})[/.\-](\d{4})$`)
	isoSlashes   = regexp.MustCompile(`^(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?$`)
	// "20 March 2020", "20th Mar 2020", "March 2020", "March 20, 2020".
	dayMonthYear = regexp.MustCompile(`^(?i)(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$`)
	monthDayYear = regexp.MustCompile(`^(?i)([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$`)
	monthYear    = regexp.MustCompile(`^(?i)([a-z]+)\.?,?\s+(\d{4})$`)
)

// dateFormsHelp is said of any date that cannot be read.
const dateFormsHelp = "write a year (2020), a month (2020-03, March 2020, 03/2020) or a day (2020-03-20, 20/03/2020, 20 March 2020); numeric dates are read day first"

// isoDate rewrites a date typed in any accepted form as ISO: 2020,
// 2020-03 or 2020-03-20, which datePeriod reads. A date it cannot read,
// or one naming a month or day that does not exist, is an error that says
// why.
func isoDate(s string) (string, error) {
	s = strings.Join(strings.Fields(s), " ")
	var year, month, day string
	switch m := (matches{}); {
	case m.of(numericDay, s):
		day, month, year = m[1], m[2], m[3]
	case m.of(numericMonth, s):
		month, year = m[1], m[2]
	case m.of(isoSlashes, s):
		year, month, day = m[1], m[2], m[3]
	case m.of(dayMonthYear, s):
		day, month, year = m[1], monthNumber(m[2]), m[3]
	case m.of(monthDayYear, s):
		month, day, year = monthNumber(m[1]), m[2], m[3]
	case m.of(monthYear, s):
		month, year = monthNumber(m[1]), m[2]
	default:
		return s, nil // ISO or nothing: datePeriod says which
	}
	if month == "" {
		return "", invalidf(fmt.Sprintf("%q is not a date: the month is not one of January to December", s))
	}
	mm, _ := strconv.Atoi(month)
	if mm < 1 || mm > 12 {
		return "", invalidf(fmt.Sprintf("%q is not a date: there is no month %s (numeric dates are read day first, as in 20/03/2020)", s, month))
	}
	out := fmt.Sprintf("%s-%02d", year, mm)
	if day == "" {
		return out, nil
	}
	dd, _ := strconv.Atoi(day)
	y, _ := strconv.Atoi(year)
	if dd < 1 || dd > daysIn(y, time.Month(mm)) {
		return "", invalidf(fmt.Sprintf("%q is not a date: %s has no day %s (numeric dates are read day first, as in 20/03/2020)", s, time.Month(mm), day))
	}
	return fmt.Sprintf("%s-%02d", out, dd), nil
}

// matches holds the submatches of the last pattern tried.
type matches []string

func (m *matches) of(re *regexp.Regexp, s string) bool {
	*m = re.FindStringSubmatch(s)
	return *m != nil
}

// monthNumber reads an English month name or its abbreviation (three
// letters, or "Sept") as two digits; "" when it is neither.
func monthNumber(name string) string {
	n := strings.ToLower(name)
	if n == "sept" {
		n = "sep"
	}
	for m := time.January; m <= time.December; m++ {
		full := strings.ToLower(m.String())
		if n == full || (len(n) == 3 && strings.HasPrefix(full, n)) {
			return fmt.Sprintf("%02d", int(m))
		}
	}
	return ""
}

func daysIn(year int, m time.Month) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
