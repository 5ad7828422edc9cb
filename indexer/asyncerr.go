package indexer

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"github.com/inquirysearch/inquirysearch/internal/engine"
)

// asyncErrors holds, by index path, the first error bleve's background
// threads met while writing an index under construction. The persister
// reports a failed write (a full disk, a read-only file system) only
// through this callback and then tries again for ever, so a build that
// did not look here waited on a disk that would never take its data.
var asyncErrors sync.Map // path -> error

// asyncErrorCallback names the callback in bleve's registry.
const asyncErrorCallback = "inquirysearch-build"

func init() {
	engine.OnWriteError(asyncErrorCallback, func(err error, path string) {
		asyncErrors.LoadOrStore(path, err)
	})
}

// asyncError returns the first background error of the index at path
// (bleve reports the path of its store, inside the index's directory).
func asyncError(path string) error {
	var err error
	asyncErrors.Range(func(k, v any) bool {
		if within(k.(string), path) {
			err = fmt.Errorf("the index could not be written: %w", v.(error))
			return false
		}
		return true
	})
	return err
}

func forgetAsyncError(path string) {
	asyncErrors.Range(func(k, _ any) bool {
		if within(k.(string), path) {
			asyncErrors.Delete(k)
		}
		return true
	})
}

func within(p, dir string) bool {
	return p == dir || strings.HasPrefix(p, dir+string(filepath.Separator))
}
