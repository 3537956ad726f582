package readers

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// File is one Parquet file of a table, as its footer describes it.
type File struct {
	Path      string
	Size      int64
	Rows      int64
	RowGroups int
}

// Table is an input table that has been located and whose every file's
// schema has been checked.
type Table struct {
	Name    string
	Files   []File   // lexical path order
	Columns []Column // the projection; Batch column index c refers to Columns[c]
}

// Open locates NAME.parquet or the directory NAME/ under dir and checks every
// file's footer against cols before any row is read, so that a bad part file
// fails the run before any work is done on the good ones.
//
// In NAME/ only regular files (or links to them) named *.parquet count, in
// lexical order; other files such as _SUCCESS or .crc are ignored, and the
// directory is not searched recursively. NAME/ with no parts is an empty
// table. Errors wrap ErrMissing, ErrLayout, ErrSchema or ErrCorrupt.
func Open(dir, name string, cols []Column) (*Table, error) {
	paths, err := locate(dir, name)
	if err != nil {
		return nil, err
	}
	t := &Table{Name: name, Columns: append([]Column(nil), cols...)}
	for _, p := range paths {
		f, err := inspect(p, t.Columns)
		if err != nil {
			return nil, err
		}
		t.Files = append(t.Files, f)
	}
	return t, nil
}

// Rows is the total row count over all files according to their footers.
func (t *Table) Rows() int64 {
	var n int64
	for _, f := range t.Files {
		n += f.Rows
	}
	return n
}

// locate returns the table's files in lexical path order.
func locate(dir, name string) ([]string, error) {
	single := filepath.Join(dir, name+".parquet")
	parts := filepath.Join(dir, name)
	si, serr := os.Stat(single)
	pi, perr := os.Stat(parts)
	if serr != nil && !errors.Is(serr, fs.ErrNotExist) {
		return nil, fmt.Errorf("stat table file: %w", serr)
	}
	if perr != nil && !errors.Is(perr, fs.ErrNotExist) {
		return nil, fmt.Errorf("stat table directory: %w", perr)
	}
	switch {
	case serr == nil && perr == nil:
		return nil, fmt.Errorf("%w: table %q: both %q and %q exist; keep one", ErrLayout, name, single, parts)
	case serr != nil && perr != nil:
		return nil, fmt.Errorf("%w: table %q: neither %q nor directory %q exists", ErrMissing, name, single, parts)
	case serr == nil:
		if si.IsDir() {
			return nil, fmt.Errorf("%w: table %q: %q is a directory; name a directory of parts %q", ErrLayout, name, single, parts)
		}
		return []string{single}, nil
	}
	if !pi.IsDir() {
		return nil, fmt.Errorf("%w: table %q: %q is not a directory and %q does not exist", ErrLayout, name, parts, single)
	}
	return listParts(parts)
}

// listParts returns the *.parquet files of dir. os.ReadDir sorts by file
// name, which within one directory is lexical path order.
func listParts(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("list table directory: %w", err)
	}
	var paths []string
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".parquet") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		// Stat rather than e.Type() so that links to part files count.
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("stat part file: %w", err)
		}
		if !fi.Mode().IsRegular() {
			// Skipping a nested directory silently could drop data that a
			// partitioned export put there.
			return nil, fmt.Errorf("%w: %q is not a regular file; nested part directories are not read", ErrLayout, p)
		}
		paths = append(paths, p)
	}
	return paths, nil
}
