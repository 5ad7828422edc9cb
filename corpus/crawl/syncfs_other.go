//go:build !linux

package crawl

import (
	"fmt"
	"os"
)

// syncFiles makes the files just written durable, one fsync each: only
// Linux has syncfs(2).
func syncFiles(_ string, files []string) error {
	for _, name := range files {
		f, err := os.OpenFile(name, os.O_RDWR, 0)
		if err != nil {
			return fmt.Errorf("sync %s: %w", name, err)
		}
		err = f.Sync()
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("sync %s: %w", name, err)
		}
	}
	return nil
}
