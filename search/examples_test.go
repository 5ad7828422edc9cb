package search

import (
	"context"
	"testing"
)

// Every example is taken from the sample and finds something there.
func TestExamplesFindSomething(t *testing.T) {
	t.Parallel()
	ex, err := testSearcher.Examples(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{ex.Reference, ex.Document, "cipher:" + ex.Cipher, `"` + ex.Phrase + `"`,
		`speaker:"` + ex.Witness + `"`, `place:"` + ex.Place + `"`} {
		if len(q) < 4 {
			t.Errorf("an example is missing: %+v", ex)
			continue
		}
		if res := mustSearch(t, Request{Query: q}); res.Total == 0 {
			t.Errorf("the example %s finds nothing", q)
		}
	}
	t.Logf("%+v", ex)
}
