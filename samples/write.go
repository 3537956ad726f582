package samples

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/parquet-go/parquet-go"
)

// rowsPerGroup is small on purpose: the emails file then has several row
// groups, so a reader that only looks at the first one is caught.
const rowsPerGroup = 128

// Write writes the six input tables of SPEC §2 into dir as emails.parquet,
// meetings.parquet, calls.parquet, users.parquet, leads.parquet and
// opt_outs.parquet. The output is the same bytes on every call: the data is
// fixed or drawn from a fixed seed, and the files carry a fixed created_by.
func Write(dir string) error {
	t := build()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create sample directory: %w", err)
	}
	return errors.Join(
		writeTable(filepath.Join(dir, "emails.parquet"), t.emails),
		writeTable(filepath.Join(dir, "meetings.parquet"), t.meetings),
		writeTable(filepath.Join(dir, "calls.parquet"), t.calls),
		writeTable(filepath.Join(dir, "users.parquet"), t.users),
		writeTable(filepath.Join(dir, "leads.parquet"), t.leads),
		writeTable(filepath.Join(dir, "opt_outs.parquet"), t.optOuts),
	)
}

// writeTable writes rows to a temporary file beside path and renames it
// into place, so an interrupted regeneration never leaves a torn file.
func writeTable[T any](path string, rows []T) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*.parquet")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	w := parquet.NewGenericWriter[T](f,
		parquet.Compression(&parquet.Snappy),
		parquet.MaxRowsPerRowGroup(rowsPerGroup),
		parquet.CreatedBy("wkw-samples", "1.0.0", "fixed"),
	)
	if _, err := w.Write(rows); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("close parquet writer for %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close %s: %w", path, err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
