package writers

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// WriteJSON writes v as indented JSON to path through a temporary file in
// the same directory, synced and renamed, so path is whole or absent.
func WriteJSON(path string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("%w: encode %s: %w", ErrOutput, path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*.json")
	if err != nil {
		return fmt.Errorf("%w: create %s: %w", ErrOutput, path, err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(FileMode); err != nil {
		tmp.Close()
		return fmt.Errorf("%w: chmod %s: %w", ErrOutput, tmp.Name(), err)
	}
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("%w: write %s: %w", ErrOutput, path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("%w: sync %s: %w", ErrOutput, path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%w: close %s: %w", ErrOutput, path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("%w: rename onto %s: %w", ErrOutput, path, err)
	}
	return nil
}
