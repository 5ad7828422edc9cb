package smalldisk

import (
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"testing"
)

// Mount mounts a tmpfs of size (as mount takes it: "64m") on a new
// temporary directory, unmounted when the test ends, and returns the
// directory. It skips the test without root or where mounting fails.
func Mount(t testing.TB, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a small tmpfs needs root")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v %s", err, out)
	}
	// Lazily: a server the test started may still hold files open.
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

// Shrink resizes the tmpfs at dir to what it holds now and a fraction
// (spare) of that again: room for a part of another copy, not a whole
// one. It skips the test where the tmpfs cannot be resized.
func Shrink(t testing.TB, dir string, spare float64) {
	t.Helper()
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	used := (st.Blocks - st.Bfree) * uint64(st.Bsize)
	size := used + uint64(float64(used)*spare)
	if out, err := exec.Command("mount", "-o", "remount,size="+strconv.FormatUint(size, 10), dir).CombinedOutput(); err != nil {
		t.Skipf("cannot shrink the tmpfs: %v %s", err, out)
	}
}
