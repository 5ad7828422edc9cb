package crawl

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSetAsideDocumentReturnsWithTheNextCrawl damages a stored document
// whose page answers conditional requests: it is set aside with its fetch
// record, and the next crawl fetches the page in full and stores it again.
func TestSetAsideDocumentReturnsWithTheNextCrawl(t *testing.T) {
	h := newHostileSite(t)
	store, _ := OpenStore(t.TempDir())
	crawl := func() *CrawlReport { return crawlHostile(t, h, store) }
	first := crawl()
	// A page with a twin (the site serves some bodies at two URLs) is not
	// the case: whichever twin comes back first is stored and the other
	// is its duplicate, so the choice would rest on the crawl's timing.
	twinned := map[string]bool{}
	for _, p := range first.Pages {
		if p.DuplicateOf != "" {
			twinned[p.DuplicateOf] = true
		}
	}
	docs, _ := store.Documents()
	var id, url string
	for _, d := range docs {
		if twinned[d.ID] || twinned[d.URL] {
			continue
		}
		if m, err := store.Meta(d.ID); err == nil && m.ETag != "" {
			id, url = d.ID, d.URL
			break
		}
	}
	if id == "" {
		t.Fatal("no stored page has a validator")
	}
	if err := os.WriteFile(filepath.Join(store.dir, "docs", id+".json"), []byte(`{"id": "dama`), 0o644); err != nil {
		t.Fatal(err)
	}
	readable, aside, err := store.ReadableDocuments()
	if err != nil || len(aside) != 1 || aside[0].ID != id || len(readable) != len(docs)-1 {
		t.Fatalf("set aside %+v (%v), %d readable of %d", aside, err, len(readable), len(docs))
	}
	if _, err := os.Stat(aside[0].Meta); err != nil || aside[0].Meta == "" {
		t.Errorf("the fetch record was not kept beside the document: %q %v", aside[0].Meta, err)
	}
	if _, err := store.Meta(id); err == nil {
		t.Error("the fetch record is still in meta/, so the next crawl would ask for the page conditionally")
	}

	second := crawl()
	d, err := store.Document(id)
	if err != nil || d.URL != url {
		t.Fatalf("the page set aside was not stored again: %v", err)
	}
	for _, p := range second.Pages {
		if p.ID == id && (p.Outcome != OutcomeStored || p.Change != ChangeNew) {
			t.Errorf("the page set aside was %s (%s) in the next crawl, want stored as new", p.Outcome, p.Change)
		}
	}
}
