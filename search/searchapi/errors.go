package searchapi

import "errors"

// The kinds of error the search layer returns. Callers test them with
// errors.Is; the wrapped message says what exactly was wrong and is fit to
// show to the person who typed the query.
var (
	ErrInvalidQuery = errors.New("invalid query")
	ErrNotFound     = errors.New("not found")
	ErrUnavailable  = errors.New("search unavailable")
)

// invalid is an ErrInvalidQuery with its own message.
type invalid struct{ msg string }

func (e invalid) Error() string        { return e.msg }
func (e invalid) Is(target error) bool { return target == ErrInvalidQuery }

// Invalid returns an error that wraps ErrInvalidQuery with a message for
// the person who typed the query.
func Invalid(msg string) error { return invalid{msg: msg} }

// NotFound returns an error that wraps ErrNotFound with a message, fit to
// show, that says what is missing: a document, a paragraph of one.
func NotFound(msg string) error { return notFound{msg: msg} }

// notFound is an ErrNotFound with its own message.
type notFound struct{ msg string }

func (e notFound) Error() string        { return e.msg }
func (e notFound) Is(target error) bool { return target == ErrNotFound }
