package samplesite

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"regexp"
	"strings"
)

// shell is one way of printing the sample's pages: the markup a
// publishing system wraps around the same content. Extraction must read
// every shell's pages as the same documents.
type shell struct {
	layout  *template.Template
	style   style
	rewrite func(page []byte, path string) []byte // what an archive or mirror does to the saved page
	// captures serves pages at their archive paths too
	// (ArchivedPath), so that a crawl can follow the rewritten links.
	captures bool
}

var funcs = template.FuncMap{"inc": func(i int) int { return i + 1 }}

func shellLayout(name string) *template.Template {
	return template.Must(template.New(name).Funcs(funcs).ParseFS(files, "shells/"+name))
}

var sampleShell = &shell{layout: layout, style: sampleStyle}

// shells are the page shells of real publishing systems, by name.
var shells = map[string]*shell{
	"sample": sampleShell,
	// Drupal 7: an empty skip-link target beside the h1, fields in
	// field-items wrappers, a sidebar menu and a footnotes field.
	"drupal7": {layout: shellLayout("drupal7.html"), style: style{
		marker: func(n string) string {
			return `<sup><a href="#footnote-` + n + `" id="footnote-ref-` + n + `">[` + n + `]</a></sup>`
		},
		numberSep: " ",
	}},
	// Drupal 8/9 Classy: the empty <a id="main-content"> inside <main>, the
	// h1 in its own block outside the article, numbers followed by a
	// no-break space, bare <sup> markers and notes in a field of a class
	// nothing knows.
	"drupal8": {layout: shellLayout("drupal8.html"), style: style{
		marker:      func(n string) string { return `<sup>` + n + `</sup>` },
		numberSep:   "\u00a0",
		letterLists: true,
	}},
	// GOV.UK Frontend and govspeak: caption above the h1, a tab after each
	// number, "[footnote n]" markers, kramdown's footnote list.
	"govuk": {layout: shellLayout("govuk.html"), style: style{
		marker: func(n string) string {
			return `<sup id="fnref:` + n + `" role="doc-noteref"><a href="#fn:` + n + `" class="govuk-link" rel="footnote">[footnote ` + n + `]</a></sup>`
		},
		numberSep: "\t",
	}},
	// The UK Government Web Archive's capture: its banner on top and every
	// link rewritten through the archive.
	"ukgwa": {layout: layout, style: sampleStyle, rewrite: archiveCapture, captures: true},
	// An offline mirror (HTTrack, wget): pages renamed to .html and a
	// comment naming where they came from.
	"mirror": {layout: layout, style: sampleStyle, rewrite: mirrorCopy},
	// A CMS that numbers paragraphs with <ol start> lists, marks notes with
	// <sup> links and prints them as a <div> of <p> of its own class.
	"olcms": {layout: shellLayout("olcms.html"), style: style{
		marker:      func(n string) string { return `<sup id="ref-` + n + `"><a href="#note-` + n + `">` + n + `</a></sup>` },
		numberSep:   " ",
		olNumbers:   true,
		letterLists: true,
	}},
}

// Shells lists the page shells HandlerIn serves, "sample" (the site's own
// layout) first.
var Shells = []string{"sample", "drupal7", "drupal8", "govuk", "ukgwa", "mirror", "olcms"}

// HandlerIn serves the sample site with every page printed in the named
// shell. It fails for an unknown shell.
func HandlerIn(name string) (http.Handler, error) {
	sh, ok := shells[name]
	if !ok {
		return nil, fmt.Errorf("sample site: no shell %q (have %s)", name, strings.Join(Shells, ", "))
	}
	s, err := Load()
	if err != nil {
		return nil, err
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if sh.captures && s.serveCapture(w, r, sh) {
			return
		}
		s.serve(w, r, sh)
	}), nil
}

// ArchiveStamp is the capture time of the web-archive shell's pages.
const ArchiveStamp = "20230117000000"

var (
	sitePath = regexp.MustCompile(`(href|src)="(/[^"]*)"`)
	bodyTag  = []byte("<body>")
)

func archiveCapture(page []byte, _ string) []byte {
	page = sitePath.ReplaceAll(page, []byte(`$1="`+ArchivedPath("")+`$2"`))
	banner := `<body><div id="webarchive-banner" class="ukgwa-banner"><p>This page has been archived by The National Archives in the UK Government Web Archive on 17 January 2023.</p>` +
		`<p><a href="https://webarchive.nationalarchives.gov.uk/">Go to the UK Government Web Archive</a> – <a href="` + ArchivedPath("/") + `">this capture's home page</a></p></div>`
	return bytes.Replace(page, bodyTag, []byte(banner), 1)
}

// mirroredLink is a link to a page (not to a file with an extension of
// its own), which a mirror saves as .html.
var mirroredLink = regexp.MustCompile(`href="(/(?:[^"?#]*/)?[^"?#./]+)"`)

func mirrorCopy(page []byte, path string) []byte {
	page = mirroredLink.ReplaceAll(page, []byte(`href="$1.html"`))
	page = bytes.ReplaceAll(page, []byte(`.html.html"`), []byte(`.html"`))
	note := "<!-- Mirrored from sample-inquiry.test" + path + " by HTTrack Website Copier/3.x [XR&CO'2014], Tue, 17 Jan 2023 09:00:00 GMT -->\n"
	return append([]byte(note), page...)
}
