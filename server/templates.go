package server

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"strings"
	"time"
)

// templates holds one parsed template set per page, each with the layout.
type templates struct {
	byName map[string]*template.Template
}

var funcs = template.FuncMap{
	"typeLabel":   typeLabel,
	"facetLabel":  facetLabel,
	"add":         func(a, b int) int { return a + b },
	"paragraphs":  func(s string) []string { return strings.Split(s, "\n\n") },
	"longDate":    longDate,
	"speakerURL":  speakerURL,
	"statusLabel": statusLabel,
	"statusClass": statusClass,
	"navAt":       navAt,
	"paraLabel":   paraLabel,
	"paraShort":   paraShort,
	"quoteOp":     quoteOp,
	"percent":     percent,
	"paraRuns":    paraRuns,
	"notice":      func() *noticeView { return nil },
	"sample":      func() bool { return false },
}

// parseTemplates parses every page with the layout; the layout's notice
// is fixed for the server's life, and sample says whether the index holds
// the embedded sample site.
func parseTemplates(notice *noticeView, sample func() bool) (*templates, error) {
	t := &templates{byName: map[string]*template.Template{}}
	site := template.FuncMap{"notice": func() *noticeView { return notice }, "sample": sample}
	for _, name := range []string{"search.html", "document.html", "error.html", "help.html", "recommendations.html", "evidence.html", "similar.html", "speaker.html", "quote.html", "batch.html", "evidencelookup.html"} {
		tmpl, err := template.New("layout.html").Funcs(funcs).Funcs(site).ParseFS(assets, "templates/layout.html", "templates/"+name)
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", name, err)
		}
		t.byName[name] = tmpl
	}
	return t, nil
}

// render executes a page into a buffer first, so that a template error
// becomes a clean 500 rather than half a page.
func (s *Server) render(w http.ResponseWriter, status int, name string, data any) {
	var buf bytes.Buffer
	if err := s.pages.byName[name].Execute(&buf, data); err != nil {
		s.log.Error("render page", "template", name, "error", err)
		http.Error(w, "something went wrong on our side", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// typeLabel turns a document type value into words: "executive-summary"
// reads "Executive summary".
func typeLabel(t string) string {
	if t == "" {
		return ""
	}
	s := strings.ReplaceAll(t, "-", " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

// longDate writes an ISO date the way British readers expect: "2019-07-31"
// reads "31 July 2019". Anything else is returned as it came.
func longDate(iso string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	return t.Format("2 January 2006")
}

func facetLabel(f string) string {
	switch f {
	case "type":
		return "Document type"
	case "year":
		return "Year published"
	}
	return typeLabel(f)
}
