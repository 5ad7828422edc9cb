package server

import (
	"os/exec"
	"strings"
	"testing"
)

// The server sees the search layer through searchapi.Service alone: it
// depends on neither the indexer nor bleve, so that any backend can stand
// behind it.
func TestServerDependsOnNoIndex(t *testing.T) {
	t.Parallel()
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 20 {
		t.Fatalf("go list -deps gave %d packages", len(deps))
	}
	const module = "github.com/inquirysearch/inquirysearch/"
	for _, p := range deps {
		if strings.HasPrefix(p, "github.com/blevesearch/") || p == module+"indexer" || p == module+"search" ||
			strings.HasPrefix(p, module+"internal/") {
			t.Errorf("the server depends on %s", p)
		}
	}
}
