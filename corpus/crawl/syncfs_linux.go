package crawl

import (
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// syncFiles makes the files just written in dir durable with one
// syncfs(2) of dir's file system, which the kernel answers with one
// journal commit, rather than an fsync each.
func syncFiles(dir string, _ []string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	defer d.Close()
	if err := unix.Syncfs(int(d.Fd())); err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}
