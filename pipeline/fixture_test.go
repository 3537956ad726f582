package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/parquet-go/parquet-go"
	"github.com/wkw/wkw/drafts"
	"github.com/wkw/wkw/readers"
	"github.com/wkw/wkw/writers"
)

// Input rows for tests, column for column as SPEC §2 names them.
type (
	emailIn struct {
		MessageID *string    `parquet:"message_id,optional"`
		SentAt    *time.Time `parquet:"sent_at,optional,timestamp(microsecond)"`
		From      *string    `parquet:"from_address,optional"`
		To        []*string  `parquet:"to_addresses,optional,list"`
		Cc        []*string  `parquet:"cc_addresses,optional,list"`
		Bcc       []*string  `parquet:"bcc_addresses,optional,list"`
	}
	meetingIn struct {
		MeetingID *string    `parquet:"meeting_id,optional"`
		StartAt   *time.Time `parquet:"start_at,optional,timestamp(millisecond)"`
		Organizer *string    `parquet:"organizer_address,optional"`
		Required  []*string  `parquet:"required_attendees,optional,list"`
		Optional  []*string  `parquet:"optional_attendees,optional,list"`
		Cancelled *bool      `parquet:"is_cancelled,optional"`
	}
	callIn struct {
		StartedAt time.Time `parquet:"started_at,timestamp(nanosecond)"`
		Duration  *int64    `parquet:"duration_seconds,optional"`
		From      string    `parquet:"from_address"`
		To        string    `parquet:"to_address"`
	}
	userIn struct {
		UserID     *string  `parquet:"user_id,optional"`
		Email      string   `parquet:"email"`
		FullName   string   `parquet:"full_name"`
		FirstName  *string  `parquet:"first_name,optional"`
		Title      *string  `parquet:"title,optional"`
		Roles      []string `parquet:"roles,list"`
		IsDisabled *bool    `parquet:"is_disabled,optional"`
	}
	leadIn struct {
		RecordID    *string `parquet:"record_id,optional"`
		RecordType  string  `parquet:"record_type"`
		Email       string  `parquet:"email"`
		FullName    string  `parquet:"full_name"`
		Company     *string `parquet:"company,optional"`
		OwnerUserID *string `parquet:"owner_user_id,optional"`
	}
	optOutIn struct {
		Email string `parquet:"email"`
	}
)

// fixture is a whole input directory in memory.
type fixture struct {
	emails   []emailIn
	meetings []meetingIn
	calls    []callIn
	users    []userIn
	leads    []leadIn
	optOuts  []optOutIn
}

func s(v string) *string { return &v }
func b(v bool) *bool     { return &v }
func i64(v int64) *int64 { return &v }

func list(xs ...string) []*string {
	out := make([]*string, len(xs))
	for i := range xs {
		out[i] = &xs[i]
	}
	return out
}

// testAsOf is the as-of date of every fixture run; day(n) is n days before it.
var testAsOf = time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)

func day(n int) *time.Time {
	t := testAsOf.AddDate(0, 0, -n)
	return &t
}

func putTable[T any](t *testing.T, path string, rows []T) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := parquet.NewGenericWriter[T](f)
	if _, err := w.Write(rows); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// write puts the fixture into a new directory; optional tables with no rows
// are left out.
func (f fixture) write(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	putTable(t, filepath.Join(dir, "users.parquet"), f.users)
	putTable(t, filepath.Join(dir, "leads.parquet"), f.leads)
	putTable(t, filepath.Join(dir, "emails.parquet"), f.emails)
	if f.meetings != nil {
		putTable(t, filepath.Join(dir, "meetings.parquet"), f.meetings)
	}
	if f.calls != nil {
		putTable(t, filepath.Join(dir, "calls.parquet"), f.calls)
	}
	if f.optOuts != nil {
		putTable(t, filepath.Join(dir, "opt_outs.parquet"), f.optOuts)
	}
	return dir
}

// options are the contract's defaults with the test's as-of date, a checked
// allocator, and a small batch size so that batches break inside tables.
func options(t *testing.T, input, out string) Options {
	t.Helper()
	// wkw's allocator, overwriting what it takes back: a read of freed
	// memory shows up as wrong values.
	mem := memory.NewCheckedAllocator(readers.NewPool(64 << 20).Poison())
	t.Cleanup(func() { mem.AssertSize(t, 0) })
	return Options{
		Input:             input,
		Out:               out,
		AsOf:              testAsOf,
		LookbackDays:      DefaultLookbackDays,
		HalfLifeDays:      DefaultHalfLifeDays,
		Top:               DefaultTop,
		MaxRecipients:     DefaultMaxRecipients,
		MaxAttendees:      DefaultMaxAttendees,
		AccessRoles:       DefaultAccessRoles,
		MaxRejectFraction: DefaultMaxRejectFraction,
		Template:          drafts.Default(),
		BatchSize:         7,
		Mem:               mem,
	}
}

// readParquet reads a whole output file back with parquet-go.
func readParquet[T any](t *testing.T, path string) []T {
	t.Helper()
	rows, err := parquet.ReadFile[T](path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return rows
}

func introducersOf(t *testing.T, out string) []writers.IntroducerRow {
	return readParquet[writers.IntroducerRow](t, filepath.Join(out, "introducers", "as_of=2026-11-21", "part-00000.parquet"))
}

// connectionsOf reads every part of the connections output, in order.
func connectionsOf(t *testing.T, out string) []writers.ConnectionRow {
	t.Helper()
	parts, err := filepath.Glob(filepath.Join(out, "connections", "as_of=2026-11-21", "part-*.parquet"))
	if err != nil || len(parts) == 0 {
		t.Fatalf("connections parts: %v, %v", parts, err)
	}
	var rows []writers.ConnectionRow
	for _, p := range parts { // Glob sorts
		rows = append(rows, readParquet[writers.ConnectionRow](t, p)...)
	}
	return rows
}

func draftsOf(t *testing.T, out string) []writers.DraftRow {
	return readParquet[writers.DraftRow](t, filepath.Join(out, "drafts", "as_of=2026-11-21", "part-00000.parquet"))
}

func mustRun(t *testing.T, o Options) *Manifest {
	t.Helper()
	man, err := Run(context.Background(), o)
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	return man
}
