package crawl

import (
	"context"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
)

func TestCrawlSampleUsesStableHost(t *testing.T) {
	store, _ := OpenStore(t.TempDir())
	rep, err := CrawlSample(context.Background(), store, mustGazetteer(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := store.Documents()
	if rep.Stored != len(docs) || len(docs) < 60 {
		t.Fatalf("stored %d, %d documents", rep.Stored, len(docs))
	}
	for _, d := range docs {
		if !strings.HasPrefix(d.URL, "https://"+corpus.SampleHost+"/") {
			t.Errorf("document URL %s is not under the sample host", d.URL)
		}
	}
}
