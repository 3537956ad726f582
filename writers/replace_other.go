//go:build !linux

package writers

import (
	"errors"
	"io/fs"
	"os"
)

// replace puts staged at target, moving an existing target to old first.
// Without an atomic exchange the target is briefly absent, never partial.
func replace(staged, target, old string) error {
	if _, err := os.Lstat(target); !errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(target, old); err != nil {
			return err
		}
	}
	return os.Rename(staged, target)
}
