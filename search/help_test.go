package search

import (
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/search/searchapi"
)

// Every example in the help is a query that parses and runs.
func TestHelpExamplesRun(t *testing.T) {
	t.Parallel()
	for _, e := range Help {
		if _, err := Parse(e.Example); err != nil {
			t.Errorf("help example %q: %v", e.Example, err)
		}
		mustSearch(t, Request{Query: e.Example})
	}
	text := searchapi.HelpText()
	for _, e := range Help {
		if !strings.Contains(text, e.Syntax) || !strings.Contains(text, e.Example) {
			t.Errorf("the help text lacks %q", e.Syntax)
		}
	}
}
