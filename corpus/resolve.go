package corpus

import "strings"

// Resolve fills in what a page does not say about itself but its report
// does: the report's name as the report spells it (NormaliseReports), and,
// since section pages print no publication date, the date of the report's
// landing page (matched by report title, whatever its capitalisation). It
// changes docs in place and returns how many changes it made. Resolve is
// idempotent.
func Resolve(docs []*Document) int {
	renamed := NormaliseReports(docs)
	dates := map[string]string{}
	for _, d := range docs {
		if d.Report == "" || d.Published == "" || d.Type == TypeNews {
			continue
		}
		k := reportKey(d.Report)
		if cur, ok := dates[k]; !ok || d.Published < cur {
			dates[k] = d.Published
		}
	}
	changed := 0
	for _, d := range docs {
		if d.Published != "" || d.Report == "" {
			continue
		}
		if date, ok := dates[reportKey(d.Report)]; ok {
			d.Published = date
			changed++
		}
	}
	return renamed + changed
}

func reportKey(title string) string {
	return strings.Join(strings.Fields(strings.ToLower(title)), " ")
}
