package samplesite

import (
	"bufio"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

// page is one parsed page file.
type page struct {
	file         string
	URL          string
	Report       string
	Subtitle     string
	Heading      string
	Contents     string
	Date         string
	Banner       string
	RedirectFrom []string
	Body         []string
	Footnotes    []string
}

// parsePage reads a page file: a header of "key: value" lines, a line "---",
// body lines, and optionally "=== footnotes" followed by footnote lines.
func parsePage(name, src string) (*page, error) {
	p := &page{file: name}
	sc := bufio.NewScanner(strings.NewReader(src))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	section := "header"
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), " \t\r")
		switch section {
		case "header":
			if line == "---" {
				section = "body"
				continue
			}
			if strings.TrimSpace(line) == "" {
				continue
			}
			key, value, ok := strings.Cut(line, ":")
			if !ok {
				return nil, fmt.Errorf("%s: header line %q has no colon", name, line)
			}
			value = strings.TrimSpace(value)
			switch strings.TrimSpace(key) {
			case "url":
				p.URL = value
			case "report":
				p.Report = value
			case "subtitle":
				p.Subtitle = value
			case "heading":
				p.Heading = value
			case "contents":
				p.Contents = value
			case "date":
				p.Date = value
			case "banner":
				p.Banner = value
			case "redirect-from":
				p.RedirectFrom = append(p.RedirectFrom, value)
			default:
				return nil, fmt.Errorf("%s: unknown header key %q", name, key)
			}
		case "body":
			if strings.TrimSpace(line) == "=== footnotes" {
				section = "footnotes"
				continue
			}
			if strings.TrimSpace(line) != "" {
				p.Body = append(p.Body, line)
			}
		case "footnotes":
			if strings.TrimSpace(line) != "" {
				p.Footnotes = append(p.Footnotes, strings.TrimSpace(line))
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if p.URL == "" || !strings.HasPrefix(p.URL, "/") {
		return nil, fmt.Errorf("%s: missing or relative url", name)
	}
	return p, nil
}

// loadPages parses every .page file below root in fsys.
func loadPages(fsys fs.FS, root string) ([]*page, error) {
	var pages []*page
	err := fs.WalkDir(fsys, root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(path, ".page") {
			return nil
		}
		b, err := fs.ReadFile(fsys, path)
		if err != nil {
			return err
		}
		p, err := parsePage(path, string(b))
		if err != nil {
			return err
		}
		pages = append(pages, p)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load sample pages: %w", err)
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].file < pages[j].file })
	return pages, nil
}
