package writers

import (
	"errors"
	"io/fs"
	"os"

	"golang.org/x/sys/unix"
)

// replace puts staged at target. An existing target is swapped out
// atomically with renameat2(RENAME_EXCHANGE), so a reader sees the old or
// the new output and never neither; the old one ends up at old. Where the
// file system cannot exchange, it falls back to two renames.
func replace(staged, target, old string) error {
	if _, err := os.Lstat(target); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(staged, target)
	}
	err := unix.Renameat2(unix.AT_FDCWD, staged, unix.AT_FDCWD, target, unix.RENAME_EXCHANGE)
	if err == nil {
		return os.Rename(staged, old)
	}
	if !errors.Is(err, unix.EINVAL) && !errors.Is(err, unix.ENOSYS) && !errors.Is(err, unix.ENOTSUP) {
		return err
	}
	if err := os.Rename(target, old); err != nil {
		return err
	}
	return os.Rename(staged, target)
}
