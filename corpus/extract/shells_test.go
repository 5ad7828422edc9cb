package extract

import (
	"encoding/json"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
	"github.com/inquirysearch/inquirysearch/corpus/samplesite"
)

// shellPage renders one sample page in a shell.
func shellPage(t *testing.T, shell, path string) []byte {
	t.Helper()
	h, err := samplesite.HandlerIn(shell)
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	if rec.Code != 200 {
		t.Fatalf("%s %s: status %d", shell, path, rec.Code)
	}
	b, _ := io.ReadAll(rec.Body)
	return b
}

// comparable is what every shell must agree on: the document without its
// links (an archive or a mirror rewrites them) and without the name of the
// element its text was read from.
func comparable(d *corpus.Document) *corpus.Document {
	c := *d
	c.Links = nil
	if d.Extraction != nil {
		e := *d.Extraction
		e.Container = ""
		c.Extraction = &e
	}
	return &c
}

// TestTemplateMatrix reads every page of the sample site in every shell a
// real publishing system prints and requires the same document from each:
// the same paragraph numbers and text, footnotes linked to the same
// paragraphs, the same heading, report, date, type and places, and the
// same extraction counts and warnings.
func TestTemplateMatrix(t *testing.T) {
	site, err := samplesite.Load()
	if err != nil {
		t.Fatal(err)
	}
	gaz := mustGazetteer(t)
	pages, paras, notes := 0, 0, 0
	for _, u := range site.URLs() {
		want, err := Extract(samplePage(t, u), "https://"+corpus.SampleHost+u, gaz)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		paras += len(want.Paragraphs)
		notes += len(want.Footnotes)
		for _, shell := range samplesite.Shells[1:] {
			got, err := Extract(shellPage(t, shell, u), "https://"+corpus.SampleHost+u, gaz)
			if err != nil {
				t.Fatal(err)
			}
			if diff := jsonDiff(comparable(want), comparable(got)); diff != "" {
				t.Errorf("%s in the %s shell (read from %s) differs:\n%s", u, shell, got.Extraction.Container, diff)
			}
		}
	}
	t.Logf("%d pages, %d paragraphs, %d footnotes: identical in %d shells", pages, paras, notes, len(samplesite.Shells))
}

// TestShellGolden keeps one golden document per shell for the pages of
// TestExtractGolden; -update rewrites them.
func TestShellGolden(t *testing.T) {
	gaz := mustGazetteer(t)
	for _, shell := range samplesite.Shells[1:] {
		for name, path := range goldenPages {
			d, err := Extract(shellPage(t, shell, path), "https://"+corpus.SampleHost+path, gaz)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := json.MarshalIndent(d, "", "  ")
			file := filepath.Join("testdata", "shells", shell, name+".json")
			if *update {
				os.MkdirAll(filepath.Dir(file), 0o755)
				if err := os.WriteFile(file, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if strings.TrimSpace(string(want)) != string(got) {
				t.Errorf("%s in the %s shell differs from %s; run with -update and review the diff", path, shell, file)
			}
		}
	}
}

// jsonDiff shows the first lines where two values' indented JSON differ.
func jsonDiff(want, got any) string {
	a, _ := json.MarshalIndent(want, "", "  ")
	b, _ := json.MarshalIndent(got, "", "  ")
	if string(a) == string(b) {
		return ""
	}
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	var out []string
	for i := 0; i < max(len(al), len(bl)) && len(out) < 8; i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			out = append(out, "- "+strings.TrimSpace(x), "+ "+strings.TrimSpace(y))
		}
	}
	return strings.Join(out, "\n")
}
