package search

import (
	"errors"
	"strings"
	"testing"
)

func TestForgivingDates(t *testing.T) {
	t.Parallel()
	for typed, want := range map[string]string{
		"20/03/2020":     "2020-03-20",
		"3/4/2020":       "2020-04-03", // day first
		"20.03.2020":     "2020-03-20",
		"20-03-2020":     "2020-03-20",
		"03/2020":        "2020-03",
		"2020/03/20":     "2020-03-20",
		"20 March 2020":  "2020-03-20",
		"20th mar 2020":  "2020-03-20",
		"1 Sept 2019":    "2019-09-01",
		"March 20, 2020": "2020-03-20",
		"March 2020":     "2020-03",
		" march   2020 ": "2020-03",
		"2020-03":        "2020-03",
		"2020":           "2020",
	} {
		got, err := isoDate(typed)
		if err != nil || got != want {
			t.Errorf("isoDate(%q) = %q, %v; want %q", typed, got, err, want)
		}
	}
	for typed, says := range map[string]string{
		"03/20/2020":     "no month 20",
		"31/02/2020":     "no day 31",
		"20 Marchy 2020": "not one of January",
		"yesterday":      "not a date",
		"2020-13":        "not a date",
	} {
		_, err := datePeriod(typed)
		if err == nil || !errors.Is(err, ErrInvalidQuery) || !strings.Contains(err.Error(), says) {
			t.Errorf("datePeriod(%q) = %v; want an invalid query saying %q", typed, err, says)
		}
	}
}

// The forgiving forms find what their ISO forms find, in the parameters
// and in the query, and a published: filter reads back in ISO form.
func TestForgivingDatesSearch(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ typed, iso Request }{
		{Request{From: "March 2020"}, Request{From: "2020-03"}},
		{Request{From: "01/03/2020", To: "30 June 2021"}, Request{From: "2020-03-01", To: "2021-06-30"}},
		{Request{Query: `council published:"March 2020..31/12/2021"`}, Request{Query: "council published:2020-03..2021-12-31"}},
		{Request{Query: `published:">= 1 June 2020"`}, Request{Query: "published:>=2020-06-01"}},
	} {
		got, want := mustSearch(t, c.typed), mustSearch(t, c.iso)
		if got.Total != want.Total || got.Total == 0 {
			t.Errorf("%+v: %d results; %+v: %d", c.typed, got.Total, c.iso, want.Total)
		}
		if got.Parsed != want.Parsed {
			t.Errorf("%+v read as %q; want %q", c.typed, got.Parsed, want.Parsed)
		}
	}
	for _, bad := range []Request{{From: "13/13/2020"}, {To: "Smarch 2020"}, {Query: `published:"30/02/2021"`}} {
		if _, err := testSearcher.Search(t.Context(), bad); !errors.Is(err, ErrInvalidQuery) {
			t.Errorf("%+v: %v; want an invalid query", bad, err)
		}
	}
}
