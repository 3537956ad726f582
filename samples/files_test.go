package samples

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v17/parquet/file"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"
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

// TestRowCounts reads the checked-in files back twice: with parquet-go into
// the generator's own types, and with Arrow's reader, which is what the
// readers package uses, so a file Arrow cannot open fails here first.
func TestRowCounts(t *testing.T) {
	tb := readAll(t, ".")
	got := map[string]int{
		"emails": len(tb.emails), "meetings": len(tb.meetings), "calls": len(tb.calls),
		"users": len(tb.users), "leads": len(tb.leads), "opt_outs": len(tb.optOuts),
	}
	want := map[string]struct{ rows, groups int }{
		"emails": {319, 3}, "meetings": {65, 1}, "calls": {43, 1},
		"users": {30, 1}, "leads": {20, 1}, "opt_outs": {2, 1},
	}
	for _, name := range tableFiles {
		w := want[name]
		if got[name] != w.rows {
			t.Errorf("%s: parquet-go read %d rows, want %d", name, got[name], w.rows)
		}
		f, err := file.OpenParquetFile(name+".parquet", false)
		if err != nil {
			t.Fatalf("arrow: open %s: %v", name, err)
		}
		if n := f.NumRows(); n != int64(w.rows) {
			t.Errorf("%s: arrow sees %d rows, want %d", name, n, w.rows)
		}
		if n := f.NumRowGroups(); n != w.groups {
			t.Errorf("%s: %d row groups, want %d", name, n, w.groups)
		}
		if _, err := pqarrow.FromParquet(f.MetaData().Schema, nil, nil); err != nil {
			t.Errorf("arrow: schema of %s: %v", name, err)
		}
		f.Close()
	}
}

// TestColumnsAsArrowSeesThem pins the physical shape the readers rely
// on: recipient lists are LIST<utf8> with nullable elements, timestamps
// carry UTC, and calls keep their millisecond unit.
func TestColumnsAsArrowSeesThem(t *testing.T) {
	want := map[string]string{
		"emails":   "message_id: utf8, mailbox: utf8, sent_at: timestamp[us, tz=UTC], from_address: utf8, to_addresses: list<list: utf8, nullable>, cc_addresses: list<list: utf8, nullable>, bcc_addresses: list<list: utf8, nullable>, subject: utf8",
		"calls":    "call_id: utf8, started_at: timestamp[ms, tz=UTC], duration_seconds: int64, from_address: utf8, to_address: utf8",
		"users":    "user_id: utf8, email: utf8, full_name: utf8, first_name: utf8, title: utf8, roles: list<list: utf8, nullable>, is_disabled: bool",
		"opt_outs": "email: utf8, opted_out_at: timestamp[ms, tz=UTC]",
	}
	for name, fields := range want {
		f, err := file.OpenParquetFile(name+".parquet", false)
		if err != nil {
			t.Fatal(err)
		}
		s, err := pqarrow.FromParquet(f.MetaData().Schema, nil, nil)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, fd := range s.Fields() {
			got = append(got, fd.Name+": "+fd.Type.String())
		}
		if g := strings.Join(got, ", "); g != fields {
			t.Errorf("%s columns:\n got  %s\n want %s", name, g, fields)
		}
	}
}
