// Package searchapi is the search layer as its callers see it: the
// requests they make, the results they get back and the kinds of error,
// with the checks a request passes before it runs (Request.Validate). It
// imports no index and nothing of bleve, so that a caller, the server
// above all, depends on these types and not on how searches are run;
// package search runs them over a bleve index.
//
// All its types are plain values, safe to share once built.
package searchapi
