package crawl

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/internal/testpdf"
)

func TestCrawlStoresPDFTranscript(t *testing.T) {
	pdf := testpdf.Make(t, testpdf.TranscriptPages())
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, page("Hearings", "The transcripts of the hearing.", "/key-documents/9/view/transcript-day-2.pdf"))
		case "/key-documents/9/view/transcript-day-2.pdf":
			w.Header().Set("Content-Type", "application/pdf")
			w.Write(pdf)
		default:
			http.NotFound(w, r)
		}
	}))
	defer ts.Close()
	store, _ := OpenStore(t.TempDir())
	c, _ := NewCrawler(store, mustGazetteer(t), Options{Seeds: []string{ts.URL + "/"}, Rate: -1})
	if _, err := c.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	id := corpus.IDFor(mustCanonical(t, ts.URL+"/key-documents/9/view/transcript-day-2.pdf"))
	doc, err := store.Document(id)
	if err != nil {
		t.Fatal(err)
	}
	testpdf.CheckTranscript(t, doc)
	raw, ext, err := store.Raw(id)
	if err != nil || ext != "pdf" || !bytes.Equal(raw, pdf) {
		t.Errorf("raw PDF kept as %q (%v)", ext, err)
	}
}
