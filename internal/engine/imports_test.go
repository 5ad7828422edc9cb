package engine

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// internals are the packages below bleve's search API.
var internals = []string{
	"github.com/blevesearch/bleve/v2/index/",
	"github.com/blevesearch/bleve/v2/search/searcher",
	"github.com/blevesearch/bleve_index_api",
	"github.com/blevesearch/scorch_segment_api",
}

// Only this package reaches into bleve's internals, tests included, so
// that an upgrade of bleve has one package to check.
func TestOnlyEngineImportsInternals(t *testing.T) {
	t.Parallel()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	here, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || filepath.Dir(path) == here {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		checked++
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			for _, in := range internals {
				if strings.HasPrefix(p, in) {
					rel, _ := filepath.Rel(root, path)
					t.Errorf("%s imports %s; only internal/engine may", rel, p)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 50 {
		t.Fatalf("only %d files checked under %s", checked, root)
	}
}
