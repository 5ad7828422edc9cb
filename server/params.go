package server

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// searchRequest reads a search from URL parameters:
// q, page, size, sort, from, to, expand (true or false), after (a
// result's next cursor, which sets the page), facets (the facets to count,
// or none), the repeatable filters investigation, report, type, place, year
// and institution; unit (document or paragraph) is what one row of an
// export is; scope=paragraph asks for the words in one paragraph;
// hits=ids asks for each hit's id and score alone.
func searchRequest(q url.Values) (searchapi.Request, error) {
	req := searchapi.Request{Query: q.Get("q"), Sort: q.Get("sort"), Filters: searchapi.Filters{},
		From: strings.TrimSpace(q.Get("from")), To: strings.TrimSpace(q.Get("to")), After: strings.TrimSpace(q.Get("after")),
		Unit: strings.ToLower(strings.TrimSpace(q.Get("unit"))), Scope: strings.ToLower(strings.TrimSpace(q.Get("scope"))),
		Hits: strings.ToLower(strings.TrimSpace(q.Get("hits")))}
	switch v := strings.ToLower(strings.TrimSpace(q.Get("expand"))); v {
	case "", "true", "1", "yes", "on":
	case "false", "0", "no", "off":
		req.NoExpand = true
	default:
		return req, badParam(fmt.Sprintf("expand must be true or false, not %q", v))
	}
	// facets=none, or facets=type,year (repeatable): the names are checked
	// with the rest of the request.
	for _, v := range q["facets"] {
		for _, name := range strings.Split(v, ",") {
			if name = strings.TrimSpace(name); name != "" {
				req.Facets = append(req.Facets, name)
			}
		}
	}
	var err error
	if req.Page, err = intParam(q, "page"); err != nil {
		return req, err
	}
	if req.Size, err = intParam(q, "size"); err != nil {
		return req, err
	}
	for _, f := range searchapi.Facets {
		for _, v := range q[f] {
			if strings.TrimSpace(v) != "" {
				req.Filters[f] = append(req.Filters[f], v)
			}
		}
	}
	return req, nil
}

// intParam reads an optional whole-number parameter; absent is 0. Only
// its form is checked here: its range is the request's to check
// (searchapi.Request.Validate), so that one bad value always gets one
// answer.
func intParam(q url.Values, name string) (int, error) {
	v := strings.TrimSpace(q.Get(name))
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, badParam(fmt.Sprintf("%s must be a whole number, not %q", name, v))
	}
	return n, nil
}

func itoa(n int) string { return strconv.Itoa(n) }

// requestValues are the URL parameters that describe a search, so pages
// can build links that change one of them.
func requestValues(r *http.Request) url.Values {
	out := url.Values{}
	for k, vs := range r.URL.Query() {
		switch k {
		case "q", "sort", "size", "from", "to", "expand", "scope", "investigation", "report", "type", "place", "year", "institution", "speaker", "hearing", "role":
			for _, v := range vs {
				if v != "" {
					out.Add(k, v)
				}
			}
		}
	}
	return out
}
