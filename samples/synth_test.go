package samples

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow/go/v17/parquet/file"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"
	"github.com/parquet-go/parquet-go"
)

var synthAsOf = time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)

func smallSynth() SynthParams {
	return SynthParams{Users: 50, Leads: 200, Emails: 5000, Meetings: 500, Calls: 200, Seed: 7, AsOf: synthAsOf, Parts: 2}
}

func synthesize(t testing.TB, p SynthParams) string {
	t.Helper()
	dir := t.TempDir()
	if err := Synthesize(context.Background(), dir, p, nil); err != nil {
		t.Fatal(err)
	}
	return dir
}

// synthFiles lists a table's files: NAME.parquet or NAME/*.parquet.
func synthFiles(t testing.TB, dir, name string) []string {
	t.Helper()
	if _, err := os.Stat(filepath.Join(dir, name+".parquet")); err == nil {
		return []string{filepath.Join(dir, name+".parquet")}
	}
	files, err := filepath.Glob(filepath.Join(dir, name, "*.parquet"))
	if err != nil || len(files) == 0 {
		t.Fatalf("table %s: no files (%v)", name, err)
	}
	return files
}

// readSynth reads every file of a table; part[i] is the file row i came from.
func readSynth[T any](t testing.TB, dir, name string) (rows []T, part []int) {
	t.Helper()
	for i, path := range synthFiles(t, dir, name) {
		got, err := parquet.ReadFile[T](path)
		if err != nil {
			t.Fatalf("read %s: %v", path, err)
		}
		rows = append(rows, got...)
		for range got {
			part = append(part, i)
		}
	}
	return rows, part
}

func TestGenerateFilesAndCounts(t *testing.T) {
	dir := synthesize(t, smallSynth())
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{"calls", "emails", "leads.parquet", "meetings", "opt_outs.parquet", "users.parquet"}
	if !slices.Equal(names, want) {
		t.Errorf("output directory holds %v, want %v", names, want)
	}
	for _, name := range []string{"emails", "meetings", "calls"} {
		got := synthFiles(t, dir, name)
		wantParts := []string{filepath.Join(dir, name, "part-00000.parquet"), filepath.Join(dir, name, "part-00001.parquet")}
		if !slices.Equal(got, wantParts) {
			t.Errorf("%s parts: %v, want %v", name, got, wantParts)
		}
	}
	emails, emailPart := readSynth[emailRow](t, dir, "emails")
	meetings, meetingPart := readSynth[meetingRow](t, dir, "meetings")
	calls, callPart := readSynth[callRow](t, dir, "calls")
	for name, part := range map[string][]int{"emails": emailPart, "meetings": meetingPart, "calls": callPart} {
		if n := slices.Index(part, 1); n < len(part)/4 || n > 3*len(part)/4 {
			t.Errorf("%s: part 0 holds %d of %d rows, want them spread over both parts", name, n, len(part))
		}
	}
	users, _ := readSynth[userRow](t, dir, "users")
	leads, _ := readSynth[leadRow](t, dir, "leads")
	optOuts, _ := readSynth[optOutRow](t, dir, "opt_outs")
	counts := map[string][2]int{
		"emails": {len(emails), 5000}, "meetings": {len(meetings), 500}, "calls": {len(calls), 200},
		"users": {len(users), 50}, "leads": {len(leads), 200}, "opt_outs": {len(optOuts), 1},
	}
	for name, c := range counts {
		if c[0] != c[1] {
			t.Errorf("%s: %d rows, want %d", name, c[0], c[1])
		}
	}
}

// TestGenerateSchema pins the columns as Arrow (the readers' library) sees
// them, against SPEC §2's names and types.
func TestGenerateSchema(t *testing.T) {
	dir := synthesize(t, smallSynth())
	want := map[string]string{
		"emails":   "message_id: utf8, mailbox: utf8, sent_at: timestamp[us, tz=UTC], from_address: utf8, to_addresses: list<list: utf8, nullable>, cc_addresses: list<list: utf8, nullable>, bcc_addresses: list<list: utf8, nullable>, subject: utf8",
		"meetings": "meeting_id: utf8, start_at: timestamp[us, tz=UTC], end_at: timestamp[us, tz=UTC], organizer_address: utf8, required_attendees: list<list: utf8, nullable>, optional_attendees: list<list: utf8, nullable>, is_cancelled: bool",
		"calls":    "call_id: utf8, started_at: timestamp[ms, tz=UTC], duration_seconds: int64, from_address: utf8, to_address: utf8",
		"users":    "user_id: utf8, email: utf8, full_name: utf8, first_name: utf8, title: utf8, roles: list<list: utf8, nullable>, is_disabled: bool",
		"leads":    "record_id: utf8, record_type: utf8, email: utf8, full_name: utf8, company: utf8, owner_user_id: utf8",
		"opt_outs": "email: utf8, opted_out_at: timestamp[ms, tz=UTC]",
	}
	for name, fields := range want {
		for _, path := range synthFiles(t, dir, name) {
			f, err := file.OpenParquetFile(path, false)
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
				t.Errorf("%s columns:\n got  %s\n want %s", path, g, fields)
			}
		}
	}
}

func TestGenerateDeterministic(t *testing.T) {
	p := smallSynth()
	a, b := synthesize(t, p), synthesize(t, p)
	p.Seed++
	c := synthesize(t, p)
	for _, name := range []string{"emails", "meetings", "calls", "users", "leads", "opt_outs"} {
		fa, fb, fc := synthFiles(t, a, name), synthFiles(t, b, name), synthFiles(t, c, name)
		for i := range fa {
			x, _ := os.ReadFile(fa[i])
			y, _ := os.ReadFile(fb[i])
			z, _ := os.ReadFile(fc[i])
			if len(x) == 0 || !bytes.Equal(x, y) {
				t.Errorf("%s: two runs with the same parameters differ (%d vs %d bytes)", fa[i], len(x), len(y))
			}
			if bytes.Equal(x, z) {
				t.Errorf("%s: seeds %d and %d give the same bytes", filepath.Base(fa[i]), p.Seed-1, p.Seed)
			}
		}
	}
}

func TestGenerateParamsValidate(t *testing.T) {
	cases := []struct {
		name   string
		change func(*SynthParams)
		msg    string // a fragment of the error, "" for none
	}{
		{"defaults", func(*SynthParams) {}, ""},
		{"one user", func(p *SynthParams) { p.Users = 1 }, "users: 1"},
		{"negative emails", func(p *SynthParams) { p.Emails = -1 }, "emails -1"},
		{"negative leads", func(p *SynthParams) { p.Leads = -5 }, "leads -5"},
		{"zero parts", func(p *SynthParams) { p.Parts = 0 }, "parts: 0"},
		{"no date", func(p *SynthParams) { p.AsOf = time.Time{} }, "as-of"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := DefaultSynthParams()
			c.change(&p)
			err := p.validate()
			if c.msg == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.msg) {
				t.Fatalf("error %v, want one mentioning %q", err, c.msg)
			}
		})
	}
}

// TestGenerateReplacesAndCancels: a second run in another layout replaces
// the first (NAME.parquet and NAME/ never both), and a cancelled run leaves
// the directory exactly as it was.
func TestGenerateReplacesAndCancels(t *testing.T) {
	p := smallSynth()
	dir := synthesize(t, p)
	p.Parts = 1
	var progress []string
	if err := Synthesize(context.Background(), dir, p, func(s string) { progress = append(progress, s) }); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "emails")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("emails/ still present after a one-part run: %v", err)
	}
	if !slices.Contains(progress, "emails: 5000/5000 rows, done") {
		t.Errorf("progress %q lacks the emails table's final line", progress)
	}
	before, _ := os.ReadFile(filepath.Join(dir, "emails.parquet"))

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p.Seed++
	if err := Synthesize(ctx, dir, p, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled run returned %v, want context.Canceled", err)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "emails.parquet"))
	if len(before) == 0 || !bytes.Equal(before, after) {
		t.Errorf("cancelled run changed emails.parquet (%d to %d bytes)", len(before), len(after))
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 6 {
		t.Errorf("cancelled run left %d entries, want the 6 tables", len(entries))
	}
}

func TestGenerateIntoAFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "taken")
	if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Synthesize(context.Background(), path, smallSynth(), nil)
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("error %v, want one naming %s", err, path)
	}
}

func BenchmarkGenerateEmails(b *testing.B) {
	p := SynthParams{Users: 5000, Leads: 0, Emails: 200_000, Meetings: 0, Calls: 0, Seed: 1, AsOf: synthAsOf, Parts: 4}
	b.ReportAllocs()
	for b.Loop() {
		synthesize(b, p)
	}
	b.ReportMetric(float64(p.Emails*b.N)/b.Elapsed().Seconds(), "rows/s")
}
