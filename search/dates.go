package search

import (
	"fmt"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/inquirysearch/inquirysearch/indexer"
)

// The years a date may name. The index keeps dates as nanoseconds since
// 1970 in an int64, which reaches from September 1677 to April 2262: a
// date outside these whole years cannot be compared with those stored, and
// was read as no bound at all.
const (
	MinYear = 1678
	MaxYear = 2261
)

// dateRange is a half-open span of publication dates, [from, to); a zero
// end is open.
type dateRange struct {
	from, to time.Time
}

// datePeriod reads a year, a month or a day (2020, 2020-06, 2020-06-01,
// or a form isoDate reads: 20/06/2020, June 2020) and returns the span it
// covers.
func datePeriod(typed string) (dateRange, error) {
	s, err := isoDate(typed)
	if err != nil {
		return dateRange{}, err
	}
	for _, p := range []struct {
		layout string
		next   func(time.Time) time.Time
	}{
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
		{"2006-01-02", func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }},
	} {
		if len(s) != len(p.layout) {
			continue
		}
		if t, err := time.Parse(p.layout, s); err == nil {
			if y := t.Year(); y < MinYear || y > MaxYear {
				return dateRange{}, invalidf(fmt.Sprintf("%q is out of range: dates run from %d to %d", typed, MinYear, MaxYear))
			}
			return dateRange{from: t, to: p.next(t)}, nil
		}
	}
	return dateRange{}, invalidf(fmt.Sprintf("%q is not a date: %s", typed, dateFormsHelp))
}

// parseDates reads the value of a published: filter: a period
// (2020, 2020-06, 2020-06-01), a range of periods with both ends included
// (2019..2021, 2019.., ..2021), or a comparison (>2020-06-01, >=2020,
// <2021, <=2021-03).
func parseDates(expr string) (dateRange, error) {
	e := strings.TrimSpace(expr)
	if a, b, ok := strings.Cut(e, ".."); ok {
		var r dateRange
		if a = strings.TrimSpace(a); a != "" {
			p, err := datePeriod(a)
			if err != nil {
				return r, err
			}
			r.from = p.from
		}
		if b = strings.TrimSpace(b); b != "" {
			p, err := datePeriod(b)
			if err != nil {
				return r, err
			}
			r.to = p.to
		}
		if r.from.IsZero() && r.to.IsZero() {
			return r, invalidf("a date range needs at least one end, as in 2019..2021")
		}
		if !r.from.IsZero() && !r.to.IsZero() && !r.from.Before(r.to) {
			return r, invalidf(fmt.Sprintf("the date range %q ends before it starts", expr))
		}
		return r, nil
	}
	for _, op := range []string{">=", "<=", ">", "<"} {
		if rest, ok := strings.CutPrefix(e, op); ok {
			p, err := datePeriod(strings.TrimSpace(rest))
			if err != nil {
				return dateRange{}, err
			}
			switch op {
			case ">=":
				return dateRange{from: p.from}, nil
			case ">":
				return dateRange{from: p.to}, nil
			case "<=":
				return dateRange{to: p.to}, nil
			default:
				return dateRange{to: p.from}, nil
			}
		}
	}
	return datePeriod(e)
}

// normaliseDates rewrites the value of a published: filter with its dates
// in ISO form (published:"20 March 2020..June 2020" reads back as
// published:2020-03-20..2020-06), so that the parsed query is one the
// search box reads again, and checks it.
func normaliseDates(expr string) (string, error) {
	e := strings.TrimSpace(expr)
	var out string
	if a, b, ok := strings.Cut(e, ".."); ok {
		a, err := isoDate(a)
		if err != nil {
			return "", err
		}
		if b, err = isoDate(b); err != nil {
			return "", err
		}
		out = a + ".." + b
	} else {
		op := ""
		for _, o := range []string{">=", "<=", ">", "<"} {
			if rest, ok := strings.CutPrefix(e, o); ok {
				op, e = o, rest
				break
			}
		}
		d, err := isoDate(e)
		if err != nil {
			return "", err
		}
		out = op + d
	}
	out = strings.Join(strings.Fields(out), "")
	if _, err := parseDates(out); err != nil {
		return "", err
	}
	return out, nil
}

// query returns the range as a query on the publication date.
func (r dateRange) query() query.Query {
	yes, no := true, false
	q := bleve.NewDateRangeInclusiveQuery(r.from, r.to, &yes, &no)
	q.SetField(indexer.FieldPublished)
	return q
}

// requestDates reads the from= and to= parameters of a request: from is
// the start of its period, to the end of its period, both included.
func requestDates(from, to string) (*dateRange, error) {
	if from == "" && to == "" {
		return nil, nil
	}
	var r dateRange
	if from != "" {
		p, err := datePeriod(strings.TrimSpace(from))
		if err != nil {
			return nil, fmt.Errorf("from: %w", err)
		}
		r.from = p.from
	}
	if to != "" {
		p, err := datePeriod(strings.TrimSpace(to))
		if err != nil {
			return nil, fmt.Errorf("to: %w", err)
		}
		r.to = p.to
	}
	if !r.from.IsZero() && !r.to.IsZero() && !r.from.Before(r.to) {
		return nil, invalidf(fmt.Sprintf("from %s is after to %s", from, to))
	}
	return &r, nil
}
