package server

import (
	"strings"
	"testing"
)

// TestSearchAPIIDHits asks the API for hits of their ids alone: the same
// documents and total as whole hits, each with no title or snippet; an
// unknown choice is a 400 naming the parameter.
func TestSearchAPIIDHits(t *testing.T) {
	type hit struct {
		ID      string  `json:"id"`
		Score   float64 `json:"score"`
		Title   string  `json:"title"`
		Snippet string  `json:"snippet"`
	}
	type result struct {
		Total int   `json:"total"`
		Hits  []hit `json:"hits"`
	}
	var full, ids result
	if resp := getJSON(t, "/api/v1/search?q=council&size=5", &full); resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	if resp := getJSON(t, "/api/v1/search?q=council&size=5&hits=ids", &ids); resp.StatusCode != 200 {
		t.Fatalf("hits=ids: status %d", resp.StatusCode)
	}
	if ids.Total != full.Total || len(ids.Hits) != len(full.Hits) || len(full.Hits) == 0 {
		t.Fatalf("hits=ids: %d of %d hits, want %d of %d", len(ids.Hits), ids.Total, len(full.Hits), full.Total)
	}
	for i, h := range ids.Hits {
		if h.ID != full.Hits[i].ID || h.Score != full.Hits[i].Score || h.Title != "" || h.Snippet != "" {
			t.Errorf("hit %d: %+v, want %s alone", i, h, full.Hits[i].ID)
		}
	}
	resp, body := get(t, "/api/v1/search?q=council&hits=titles")
	if resp.StatusCode != 400 || !strings.Contains(body, "hits") {
		t.Errorf("hits=titles: %d %s", resp.StatusCode, body)
	}
}
