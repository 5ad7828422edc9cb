package search

import "errors"

// The kinds of error the search layer returns. Callers test them with
// errors.Is; the wrapped message says what exactly was wrong and is fit to
// show to the person who typed the query.
var (
	ErrInvalidQuery = errors.New("invalid query")
	ErrNotFound     = errors.New("not found")
	ErrUnavailable  = errors.New("search unavailable")
)

// invalid wraps ErrInvalidQuery with a message for the user.
type invalid struct{ msg string }

func (e invalid) Error() string        { return e.msg }
func (e invalid) Is(target error) bool { return target == ErrInvalidQuery }

func invalidf(msg string) error { return invalid{msg: msg} }
