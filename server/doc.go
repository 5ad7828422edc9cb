// Package server answers the HTTP side of Inquiry Search: the JSON search
// API under /api/v1/ and the server-rendered search pages, which work
// without JavaScript. It is read-only: building the index belongs to the
// command line.
//
// Handlers return errors; one adapter (errors.go) maps the search layer's
// error kinds to HTTP statuses, and renders them as JSON under /api/ and as
// an HTML page elsewhere. Every search runs under the request's context
// with a timeout. Crawled text is untrusted: templates escape it, snippets
// arrive already escaped with only <mark> added, and every page is sent
// with a Content-Security-Policy that allows no inline script.
package server
