package samples

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/parquet-go/parquet-go"
)

var tableFiles = []string{"emails", "meetings", "calls", "users", "leads", "opt_outs"}

// TestWriteMatchesCheckedInFiles regenerates the tables and compares them
// byte for byte with the files beside this test: it fails when generation
// is not deterministic or when someone edited the story without running
// `go generate ./samples`.
func TestWriteMatchesCheckedInFiles(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir); err != nil {
		t.Fatal(err)
	}
	for _, name := range tableFiles {
		got, err := os.ReadFile(filepath.Join(dir, name+".parquet"))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(name + ".parquet")
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s.parquet differs from a fresh Write (%d vs %d bytes): run go generate ./samples", name, len(got), len(want))
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(tableFiles) {
		t.Errorf("Write left %d files, want %d (temporary files not cleaned up?)", len(entries), len(tableFiles))
	}
}

func readBack[T any](t *testing.T, dir, name string) []T {
	t.Helper()
	rows, err := parquet.ReadFile[T](filepath.Join(dir, name+".parquet"))
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return rows
}

// readAll reads the checked-in tables back into the generator's own types.
func readAll(t *testing.T, dir string) tables {
	t.Helper()
	return tables{
		emails:   readBack[emailRow](t, dir, "emails"),
		meetings: readBack[meetingRow](t, dir, "meetings"),
		calls:    readBack[callRow](t, dir, "calls"),
		users:    readBack[userRow](t, dir, "users"),
		leads:    readBack[leadRow](t, dir, "leads"),
		optOuts:  readBack[optOutRow](t, dir, "opt_outs"),
	}
}
