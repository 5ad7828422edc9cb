package indexer

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/crawl"
)

func sampleDocs(t testing.TB) []*corpus.Document {
	t.Helper()
	store, err := crawl.OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	gaz, _ := corpus.DefaultGazetteer()
	if _, err := crawl.CrawlSample(context.Background(), store, gaz, crawl.Options{}); err != nil {
		t.Fatal(err)
	}
	docs, err := store.Documents()
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func TestBuildAndOpen(t *testing.T) {
	t.Parallel()
	docs := sampleDocs(t)
	dir := filepath.Join(t.TempDir(), "index")
	meta, err := Build(context.Background(), docs, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	paras := 0
	for _, d := range docs {
		paras += len(d.Paragraphs)
	}
	if meta.Documents != len(docs) || meta.Paragraphs != paras || meta.CorpusDigest == "" {
		t.Errorf("meta = %+v for %d docs, %d paragraphs", meta, len(docs), paras)
	}
	idx, got, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != meta.Version {
		t.Errorf("opened version %q, built %q", got.Version, meta.Version)
	}
	recs, err := Recommendations(docs)
	if err != nil || len(recs) == 0 || meta.Recommendations != len(recs) {
		t.Errorf("meta counts %d recommendations, derived %d (%v)", meta.Recommendations, len(recs), err)
	}
	n, _ := idx.DocCount()
	if ts := Testimonies(docs); len(ts) == 0 || meta.Testimonies != len(ts) || int(n) != len(docs)+len(recs)+len(ts) {
		t.Errorf("index holds %d documents, want %d pages and %d recommendations", n, len(docs), len(recs))
	}

	// A rebuild of the same corpus has the same digest.
	idx.Close()
	again, err := Build(context.Background(), docs, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if again.CorpusDigest != meta.CorpusDigest {
		t.Error("the corpus digest changed without a change of corpus")
	}
	docs[0].ContentHash = "changed"
	changed, err := Build(context.Background(), docs, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if changed.CorpusDigest == meta.CorpusDigest {
		t.Error("the corpus digest did not change with the corpus")
	}
}

func TestFailedBuildKeepsLiveIndex(t *testing.T) {
	t.Parallel()
	docs := sampleDocs(t)
	dir := filepath.Join(t.TempDir(), "index")
	first, err := Build(context.Background(), docs, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Build(ctx, docs, dir, nil); err == nil {
		t.Fatal("a cancelled build succeeded")
	}
	bad := append([]*corpus.Document(nil), docs...)
	bad = append(bad, &corpus.Document{ID: corpus.IDFor("x"), Published: "not a date"})
	if _, err := Build(context.Background(), bad, dir, nil); err == nil {
		t.Fatal("a build with a bad document succeeded")
	}
	idx, meta, err := Open(dir)
	if err != nil {
		t.Fatalf("the live index did not survive failed builds: %v", err)
	}
	defer idx.Close()
	if meta.Version != first.Version {
		t.Errorf("live index is %q, want the first build %q", meta.Version, first.Version)
	}
	if _, err := os.Stat(dir + ".building"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed build left %s.building behind", dir)
	}
}

func TestOpenRestoresIndexLeftMidSwap(t *testing.T) {
	t.Parallel()
	docs := sampleDocs(t)
	dir := filepath.Join(t.TempDir(), "index")
	if _, err := Build(context.Background(), docs, dir, nil); err != nil {
		t.Fatal(err)
	}
	// A crash between the two renames leaves the old index at .old and
	// nothing at dir.
	if err := os.Rename(dir, dir+".old"); err != nil {
		t.Fatal(err)
	}
	idx, _, err := Open(dir)
	if err != nil {
		t.Fatalf("Open after an interrupted swap: %v", err)
	}
	idx.Close()
	if _, _, err := Open(filepath.Join(t.TempDir(), "none")); !errors.Is(err, ErrNoIndex) {
		t.Errorf("Open of nothing: %v, want ErrNoIndex", err)
	}
}

func TestAnalyzers(t *testing.T) {
	t.Parallel()
	m, err := NewMapping()
	if err != nil {
		t.Fatal(err)
	}
	tokens := func(analyzer, text string) []string {
		var out []string
		for _, tok := range m.AnalyzerNamed(analyzer).Analyze([]byte(text)) {
			out = append(out, string(tok.Term))
		}
		return out
	}
	tests := []struct {
		analyzer, text string
		want           []string
	}{
		{AnalyzerExact, "The Children’s Homes", []string{"the", "children's", "homes"}},
		{AnalyzerExact, "children's homes", []string{"children's", "homes"}},
		{AnalyzerText, "The Children’s Homes were recorded", []string{"children", "home", "record"}},
		{AnalyzerExact, "multi‑agency", []string{"multi", "agency"}},
		{AnalyzerKeyLow, "Elsworth Vale", []string{"elsworth vale"}},
	}
	for _, tt := range tests {
		got := tokens(tt.analyzer, tt.text)
		if len(got) != len(tt.want) {
			t.Errorf("%s(%q) = %q, want %q", tt.analyzer, tt.text, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s(%q) = %q, want %q", tt.analyzer, tt.text, got, tt.want)
				break
			}
		}
	}
	// Offsets still point into the original text after folding.
	toks := m.AnalyzerNamed(AnalyzerExact).Analyze([]byte("a children’s b"))
	if toks[1].Start != 2 || toks[1].End != 14 {
		t.Errorf("offsets %d-%d, want 2-14", toks[1].Start, toks[1].End)
	}
}
