package readers

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go/format"
)

type idRow struct {
	ID string `parquet:"id"`
}

var idCols = []Column{{Name: "id", Kind: String, Required: true}}

func TestOpenSingleFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "users.parquet")
	writeGo(t, path, []idRow{{"u1"}, {"u2"}, {"u3"}})
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}

	tbl := mustOpen(t, dir, "users", idCols)

	want := []File{{Path: path, Size: st.Size(), Rows: 3, RowGroups: 1}}
	if !reflect.DeepEqual(tbl.Files, want) {
		t.Errorf("Files = %+v, want %+v", tbl.Files, want)
	}
	if tbl.Name != "users" || tbl.Rows() != 3 {
		t.Errorf("Name, Rows() = %q, %d, want users, 3", tbl.Name, tbl.Rows())
	}
	if got := readStrings(t, tbl, 0); !reflect.DeepEqual(got, []strVal{str("u1"), str("u2"), str("u3")}) {
		t.Errorf("values = %v", got)
	}
}

func TestOpenPartsInLexicalOrder(t *testing.T) {
	dir := t.TempDir()
	parts := filepath.Join(dir, "emails")
	writeGo(t, filepath.Join(parts, "part-2.parquet"), []idRow{{"from-2"}})
	writeGo(t, filepath.Join(parts, "part-10.parquet"), []idRow{{"from-10a"}, {"from-10b"}})
	writeGo(t, filepath.Join(parts, "part-1.parquet"), []idRow{{"from-1"}})
	for _, junk := range []string{"_SUCCESS", "part-1.parquet.crc", "README"} {
		writeBytes(t, filepath.Join(parts, junk), []byte("not parquet"))
	}

	tbl := mustOpen(t, dir, "emails", idCols)

	var paths []string
	for _, f := range tbl.Files {
		paths = append(paths, f.Path)
	}
	// Lexical, not numeric: "part-10" sorts before "part-2".
	wantPaths := []string{
		filepath.Join(parts, "part-1.parquet"),
		filepath.Join(parts, "part-10.parquet"),
		filepath.Join(parts, "part-2.parquet"),
	}
	if !reflect.DeepEqual(paths, wantPaths) {
		t.Errorf("paths = %q, want %q", paths, wantPaths)
	}
	if tbl.Rows() != 4 {
		t.Errorf("Rows() = %d, want 4", tbl.Rows())
	}
	want := []strVal{str("from-1"), str("from-10a"), str("from-10b"), str("from-2")}
	if got := readStrings(t, tbl, 0); !reflect.DeepEqual(got, want) {
		t.Errorf("values = %v, want %v", got, want)
	}
}

func TestOpenEmptyDirectoryIsEmptyTable(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "calls"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeBytes(t, filepath.Join(dir, "calls", "_SUCCESS"), nil)

	tbl := mustOpen(t, dir, "calls", idCols)

	if len(tbl.Files) != 0 || tbl.Rows() != 0 {
		t.Errorf("Files, Rows() = %v, %d, want none, 0", tbl.Files, tbl.Rows())
	}
	calls := 0
	if err := scan(t, tbl, 10, func(*Batch) error { calls++; return nil }); err != nil || calls != 0 {
		t.Errorf("Scan = %v after %d calls, want nil after 0", err, calls)
	}
}

func TestOpenLayoutErrors(t *testing.T) {
	tests := []struct {
		name    string
		setup   func(t *testing.T, dir string)
		want    error
		mention []string
	}{{
		name: "both file and directory",
		setup: func(t *testing.T, dir string) {
			writeGo(t, filepath.Join(dir, "leads.parquet"), []idRow{{"a"}})
			writeGo(t, filepath.Join(dir, "leads", "part-0.parquet"), []idRow{{"b"}})
		},
		want:    ErrLayout,
		mention: []string{"leads.parquet", `leads"`},
	}, {
		name:    "neither",
		setup:   func(t *testing.T, dir string) {},
		want:    ErrMissing,
		mention: []string{"leads.parquet", `leads"`},
	}, {
		name: "NAME.parquet is a directory",
		setup: func(t *testing.T, dir string) {
			writeGo(t, filepath.Join(dir, "leads.parquet", "part-0.parquet"), []idRow{{"a"}})
		},
		want:    ErrLayout,
		mention: []string{"leads.parquet"},
	}, {
		name: "NAME is a plain file",
		setup: func(t *testing.T, dir string) {
			writeBytes(t, filepath.Join(dir, "leads"), []byte("x"))
		},
		want:    ErrLayout,
		mention: []string{`leads"`},
	}, {
		name: "nested directory among the parts",
		setup: func(t *testing.T, dir string) {
			writeGo(t, filepath.Join(dir, "leads", "part-0.parquet"), []idRow{{"a"}})
			writeGo(t, filepath.Join(dir, "leads", "x.parquet", "part-0.parquet"), []idRow{{"b"}})
		},
		want:    ErrLayout,
		mention: []string{"x.parquet"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			tt.setup(t, dir)
			_, err := Open(dir, "leads", idCols)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Open = %v, want %v", err, tt.want)
			}
			for _, m := range tt.mention {
				if !strings.Contains(err.Error(), m) {
					t.Errorf("error %q does not mention %q", err, m)
				}
			}
		})
	}
}

func TestOpenCorruptFiles(t *testing.T) {
	good := filepath.Join(t.TempDir(), "good.parquet")
	writeGo(t, good, []idRow{{"a"}, {"b"}})
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"zero length", nil},
		{"not parquet", []byte("message_id,sent_at\nm1,2024-01-01\n")},
		{"footer cut off", data[:len(data)-20]},
		{"last byte missing", data[:len(data)-1]},
		{"footer length past the start", append(append([]byte("PAR1"), 0xff, 0xff, 0, 0), "PAR1"...)},
		{"footer of garbage", append(append([]byte("PAR1xxxxxxxxxxxxxxxx"), 16, 0, 0, 0), "PAR1"...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			// The bad file is a later part, so Open must check every part.
			writeGo(t, filepath.Join(dir, "users", "part-0.parquet"), []idRow{{"ok"}})
			bad := filepath.Join(dir, "users", "part-1.parquet")
			writeBytes(t, bad, tt.data)
			_, err := Open(dir, "users", idCols)
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("Open = %v, want ErrCorrupt", err)
			}
			if !strings.Contains(err.Error(), bad) {
				t.Errorf("error %q does not name %s", err, bad)
			}
		})
	}
}

func TestOpenFooterRowCountsDisagree(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "users.parquet")
	writeGo(t, path, []idRow{{"a"}, {"b"}})
	patchFooter(t, path, func(md *format.FileMetaData) { md.NumRows = 3 })

	_, err := Open(dir, "users", idCols)
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "declares 3 rows") {
		t.Fatalf("Open = %v, want ErrCorrupt naming %s and the 3 declared rows", err, path)
	}
}
