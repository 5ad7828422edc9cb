package search

import "github.com/inquirysearch/inquirysearch/search/searchapi"

// invalidf wraps ErrInvalidQuery with a message for the user.
func invalidf(msg string) error { return searchapi.Invalid(msg) }
