package crawl

import (
	"context"
	"strings"
	"testing"

	"github.com/inquirysearch/inquirysearch/corpus"
)

func TestReadJSONL(t *testing.T) {
	in := `{"id": "a", "title": "First", "body": "One.\n\nTwo words.", "type": "section", "published": "2021-03-04", "places": ["Ashcombe"], "url": "https://example.org/a"}

{"id": "b", "paragraphs": [{"number": "12", "text": " Twelve "}, {"text": "Unnumbered"}], "investigation": "X", "extra": "ignored"}
`
	docs, err := ReadJSONL(context.Background(), strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("%d documents", len(docs))
	}
	a, b := docs[0], docs[1]
	if !corpus.ValidID(a.ID) || a.URL != "https://example.org/a" || a.Type != corpus.TypeSection || a.Published != "2021-03-04" ||
		len(a.Paragraphs) != 2 || a.Paragraphs[1].Text != "Two words." || a.Paragraphs[1].Number != "u2" || a.ContentHash == "" {
		t.Errorf("a = %+v", a)
	}
	if b.Title != "b" || b.Type != corpus.TypeOther || b.Paragraphs[0].Number != "12" || b.Paragraphs[0].Text != "Twelve" || b.Paragraphs[1].Number != "u2" {
		t.Errorf("b = %+v", b)
	}
	again, _ := ReadJSONL(context.Background(), strings.NewReader(in))
	if again[0].ID != a.ID {
		t.Error("ids differ between two imports of one corpus")
	}
}

func TestReadJSONLRejectsBadLines(t *testing.T) {
	for name, in := range map[string]string{
		"not json":     "{\"id\": \"a\"}\n{oops}\n",
		"no id":        `{"title": "x"}`,
		"bad type":     `{"id": "a", "type": "podcast"}`,
		"bad date":     `{"id": "a", "published": "March 2021"}`,
		"both":         `{"id": "a", "body": "x", "paragraphs": [{"text": "y"}]}`,
		"repeated id":  "{\"id\": \"a\"}\n{\"id\": \"a\"}",
		"repeated num": `{"id": "a", "paragraphs": [{"number": "1", "text": "x"}, {"number": "1", "text": "y"}]}`,
	} {
		if docs, err := ReadJSONL(context.Background(), strings.NewReader(in)); err == nil || docs != nil || !strings.Contains(err.Error(), "line") {
			t.Errorf("%s: %v, %d documents", name, err, len(docs))
		}
	}
}
