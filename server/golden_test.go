package server

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// The search API's shape is reviewed as a diff: the JSON of a few searches
// over the sample index, against testdata/golden. What changes from run to
// run (took_ms, index_version) is blanked. After a deliberate change, run
// go test ./server -run TestSearchAPIGolden -update and read the diff.
func TestSearchAPIGolden(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ name, path string }{
		{"phrase-filtered", `/api/v1/search?q=%22record+keeping%22&type=section`},
		{"newest-page-2", `/api/v1/search?q=council&sort=newest&size=3&page=2`},
		{"nothing-found", `/api/v1/search?q=zzzzqqqq`},
	} {
		var v map[string]any
		if resp := getJSON(t, c.path, &v); resp.StatusCode != 200 {
			t.Fatalf("%s: status %d", c.path, resp.StatusCode)
		}
		for key, blank := range map[string]any{"took_ms": 0, "index_version": "(the build's version)"} {
			if _, ok := v[key]; !ok {
				t.Errorf("%s: no %s", c.path, key)
			}
			v[key] = blank
		}
		got, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, '\n')
		file := filepath.Join("testdata", "golden", "search-"+c.name+".json")
		if *update {
			if err := os.WriteFile(file, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%v (run with -update to write it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (run with -update and read the diff):\n%s", c.path, file, got)
		}
	}
}
