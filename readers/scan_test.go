package readers

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	pq "github.com/parquet-go/parquet-go"
)

// mailRow has one column of every kind, each nullable, plus a column that no
// projection asks for.
type mailRow struct {
	ID     *string    `parquet:"message_id,optional"`
	SentAt *time.Time `parquet:"sent_at,optional,timestamp(millisecond)"`
	To     []*string  `parquet:"to_addresses,optional,list"`
	Done   *bool      `parquet:"is_done,optional"`
	N      *int64     `parquet:"n,optional"`
	Extra  string     `parquet:"subject"`
}

var mailCols = []Column{
	{Name: "message_id", Kind: String, Required: true},
	{Name: "sent_at", Kind: Timestamp, Required: true},
	{Name: "to_addresses", Kind: StringList},
	{Name: "is_done", Kind: Bool},
	{Name: "n", Kind: Int64},
}

// mailRecord is what one row reads back as.
type mailRecord struct {
	ID     strVal
	SentAt intVal
	To     []strVal // nil for a null list
	Done   *bool
	N      intVal
}

func TestScanHandWrittenRows(t *testing.T) {
	dir := t.TempDir()
	writeGo(t, filepath.Join(dir, "emails.parquet"), []mailRow{
		{ID: ptr("m1"), SentAt: ptr(time.UnixMilli(1_700_000_000_123)), To: []*string{ptr("a@x.com"), nil, ptr("")}, Done: ptr(true), N: ptr(int64(-7))},
		{ID: nil, SentAt: ptr(time.UnixMilli(-1_500)), To: []*string{}, Done: ptr(false), N: ptr(int64(0))},
		{ID: ptr(""), SentAt: nil, To: nil, Done: nil, N: nil},
	})
	tbl := mustOpen(t, dir, "emails", mailCols)

	got := readMail(t, tbl, 2)

	want := []mailRecord{
		{str("m1"), some(1_700_000_000_123_000), []strVal{str("a@x.com"), null, str("")}, ptr(true), some(-7)},
		{null, some(-1_500_000), []strVal{}, ptr(false), some(0)},
		{str(""), intVal{}, nil, nil, intVal{}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows:\n got %+v\nwant %+v", got, want)
	}
}

// genMail makes row i of a generated table; its pattern of nulls, empty
// lists and null elements repeats with short co-prime periods so that every
// combination lands on both sides of every batch and row group boundary.
func genMail(i int) (mailRow, mailRecord) {
	var row mailRow
	var rec mailRecord
	if i%7 != 3 {
		id := fmt.Sprintf("m%05d", i)
		row.ID, rec.ID = &id, str(id)
	}
	if i%11 != 5 {
		ms := int64(i)*86_400_000 - 1_000_000_000_001
		row.SentAt, rec.SentAt = ptr(time.UnixMilli(ms)), some(ms*1000)
	}
	switch i % 5 {
	case 0: // null list
	case 1:
		row.To, rec.To = []*string{}, []strVal{}
	default:
		rec.To = []strVal{}
		for j := 0; j < i%4+1; j++ {
			if (i+j)%6 == 0 {
				row.To, rec.To = append(row.To, nil), append(rec.To, null)
				continue
			}
			s := fmt.Sprintf("r%d-%d@example.com", i, j)
			row.To, rec.To = append(row.To, &s), append(rec.To, str(s))
		}
	}
	if i%3 != 0 {
		row.Done, rec.Done = ptr(i%2 == 0), ptr(i%2 == 0)
	}
	if i%13 != 0 {
		n := int64(i)*1_000_003 - 5_000_000
		row.N, rec.N = &n, some(n)
	}
	row.Extra = "ignored"
	return row, rec
}

func TestScanRoundTrip(t *testing.T) {
	const groupRows = 1000
	for _, rows := range []int{0, 1, 123, 4097} {
		dir := t.TempDir()
		written := make([]mailRow, rows)
		want := make([]mailRecord, rows)
		for i := range written {
			written[i], want[i] = genMail(i)
		}
		writeGo(t, filepath.Join(dir, "emails.parquet"), written, pq.MaxRowsPerRowGroup(groupRows))
		tbl := mustOpen(t, dir, "emails", mailCols)
		wantGroups := (rows + groupRows - 1) / groupRows
		if rows == 0 {
			wantGroups = tbl.Files[0].RowGroups // a writer may or may not emit an empty group
		}
		if tbl.Rows() != int64(rows) || tbl.Files[0].RowGroups != wantGroups {
			t.Fatalf("%d rows: footer says %d rows in %d groups, want %d groups", rows, tbl.Rows(), tbl.Files[0].RowGroups, wantGroups)
		}
		for _, batch := range []int{1, 123, 4097} {
			t.Run(fmt.Sprintf("rows=%d/batch=%d", rows, batch), func(t *testing.T) {
				got := readMail(t, tbl, batch)
				if len(got) != rows {
					t.Fatalf("read %d rows, want %d", len(got), rows)
				}
				for i := range want {
					if !reflect.DeepEqual(got[i], want[i]) {
						t.Fatalf("row %d:\n got %+v\nwant %+v", i, got[i], want[i])
					}
				}
				// Batches never span row groups: each group of g rows
				// gives ceil(g/batch) batches.
				wantBatches := 0
				for left := rows; left > 0; left -= groupRows {
					g := min(left, groupRows)
					wantBatches += (g + batch - 1) / batch
				}
				if n := countBatches(t, tbl, batch); n != wantBatches {
					t.Errorf("%d batches, want %d", n, wantBatches)
				}
			})
		}
	}
}

func readMail(t *testing.T, tbl *Table, batchSize int) []mailRecord {
	t.Helper()
	var got []mailRecord
	err := scan(t, tbl, batchSize, func(b *Batch) error {
		if b.Len < 1 || b.Len > batchSize {
			t.Errorf("batch of %d rows with batch size %d", b.Len, batchSize)
		}
		id, at, to, done, n := b.Str(0), b.Time(1), b.List(2), b.Bool(3), b.Int(4)
		for i := 0; i < b.Len; i++ {
			var r mailRecord
			s, ok := id.Value(i)
			r.ID = strVal{strings.Clone(s), ok}
			r.SentAt.v, r.SentAt.ok = at.Micros(i)
			if start, end := to.Range(i); start != end || !listIsNull(b, i) {
				r.To = []strVal{}
				for j := start; j < end; j++ {
					s, ok := to.Elem(j)
					r.To = append(r.To, strVal{strings.Clone(s), ok})
				}
			}
			if v, ok := done.Value(i); ok {
				r.Done = &v
			}
			r.N.v, r.N.ok = n.Value(i)
			got = append(got, r)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("scan: %v", err)
	}
	return got
}

// listIsNull tells a null list from an empty one, which the public API
// deliberately does not: callers treat both as no recipients.
func listIsNull(b *Batch, i int) bool {
	return b.List(2).valid.null(i)
}

func countBatches(t *testing.T, tbl *Table, batchSize int) int {
	t.Helper()
	n := 0
	if err := scan(t, tbl, batchSize, func(*Batch) error { n++; return nil }); err != nil {
		t.Fatalf("scan: %v", err)
	}
	return n
}

func TestScanBatchFieldsNameFileAndRowGroup(t *testing.T) {
	dir := t.TempDir()
	parts := filepath.Join(dir, "users")
	writeGo(t, filepath.Join(parts, "a.parquet"), []idRow{{"1"}, {"2"}, {"3"}}, pq.MaxRowsPerRowGroup(2))
	writeGo(t, filepath.Join(parts, "b.parquet"), []idRow{{"4"}})
	tbl := mustOpen(t, dir, "users", idCols)

	var got []string
	err := scan(t, tbl, 0, func(b *Batch) error {
		got = append(got, fmt.Sprintf("%s#%d:%d", filepath.Base(b.File), b.RowGroup, b.Len))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a.parquet#0:2", "a.parquet#1:1", "b.parquet#0:1"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("batches = %q, want %q", got, want)
	}
}

func TestScanAbsentOptionalColumnsReadAsNull(t *testing.T) {
	dir := t.TempDir()
	type onlyID struct {
		ID string `parquet:"message_id"`
		At int64  `parquet:"sent_at,timestamp(microsecond)"`
	}
	writeGo(t, filepath.Join(dir, "emails.parquet"), []onlyID{{"x", 5}, {"y", -5}})
	tbl := mustOpen(t, dir, "emails", mailCols)

	got := readMail(t, tbl, 10)

	want := []mailRecord{
		{ID: str("x"), SentAt: some(5)},
		{ID: str("y"), SentAt: some(-5)},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows:\n got %+v\nwant %+v", got, want)
	}
}

func TestScanNoProjectedColumnPresent(t *testing.T) {
	dir := t.TempDir()
	writeGo(t, filepath.Join(dir, "opt_outs.parquet"), []idRow{{"a"}, {"b"}, {"c"}, {"d"}, {"e"}}, pq.MaxRowsPerRowGroup(3))
	cols := []Column{{Name: "email", Kind: String}, {Name: "opted_out_at", Kind: Timestamp}}
	tbl := mustOpen(t, dir, "opt_outs", cols)

	var lens []int
	nulls := 0
	err := scan(t, tbl, 2, func(b *Batch) error {
		lens = append(lens, b.Len)
		for i := 0; i < b.Len; i++ {
			_, sok := b.Str(0).Value(i)
			_, tok := b.Time(1).Micros(i)
			if !sok && !tok {
				nulls++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(lens, []int{2, 1, 2}) || nulls != 5 {
		t.Errorf("batch lengths %v with %d null rows, want [2 1 2] with 5", lens, nulls)
	}
}

func TestScanSameColumnTwice(t *testing.T) {
	dir := t.TempDir()
	writeGo(t, filepath.Join(dir, "users.parquet"), []idRow{{"a"}, {"b"}})
	tbl := mustOpen(t, dir, "users", []Column{{Name: "id", Kind: String}, {Name: "id", Kind: String}})

	if got := readStrings(t, tbl, 1); !reflect.DeepEqual(got, []strVal{str("a"), str("b")}) {
		t.Errorf("second projection of id = %v", got)
	}
}

func TestScanStopsOnCallbackError(t *testing.T) {
	dir := t.TempDir()
	writeGo(t, filepath.Join(dir, "users.parquet"), []idRow{{"a"}, {"b"}, {"c"}})
	tbl := mustOpen(t, dir, "users", idCols)
	errStop := errors.New("duplicate user id")

	calls := 0
	err := scan(t, tbl, 1, func(*Batch) error {
		calls++
		if calls == 2 {
			return errStop
		}
		return nil
	})

	if err != errStop || calls != 2 {
		t.Errorf("Scan = %v after %d calls, want the callback's own error after 2", err, calls)
	}
}

func TestScanDoesNotRecoverCallbackPanic(t *testing.T) {
	dir := t.TempDir()
	writeGo(t, filepath.Join(dir, "users.parquet"), []idRow{{"a"}, {"b"}})
	tbl := mustOpen(t, dir, "users", idCols)
	boom := errors.New("boom")

	var recovered any
	func() {
		defer func() { recovered = recover() }()
		_ = scan(t, tbl, 1, func(*Batch) error { panic(boom) })
	}()

	if recovered != boom {
		t.Errorf("recovered %v, want the callback's panic value", recovered)
	}
}

func TestScanHonoursContext(t *testing.T) {
	dir := t.TempDir()
	writeGo(t, filepath.Join(dir, "users", "p0.parquet"), []idRow{{"a"}, {"b"}, {"c"}})
	writeGo(t, filepath.Join(dir, "users", "p1.parquet"), []idRow{{"d"}})
	tbl := mustOpen(t, dir, "users", idCols)

	t.Run("cancelled during the scan", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		calls := 0
		err := scanCtx(t, ctx, tbl, 1, func(*Batch) error {
			calls++
			cancel()
			return nil
		})
		if !errors.Is(err, context.Canceled) || calls != 1 {
			t.Errorf("Scan = %v after %d calls, want context.Canceled after 1", err, calls)
		}
		// Whichever goroutine notices first, the error names what it concerns.
		if err != nil && !strings.Contains(err.Error(), "users") && !strings.Contains(err.Error(), "p0.parquet") {
			t.Errorf("Scan = %q: names neither the table nor a file", err)
		}
	})
	t.Run("cancelled before", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		calls := 0
		err := scanCtx(t, ctx, tbl, 1, func(*Batch) error { calls++; return nil })
		if !errors.Is(err, context.Canceled) || calls != 0 {
			t.Errorf("Scan = %v after %d calls, want context.Canceled after 0", err, calls)
		}
		if err != nil && !strings.Contains(err.Error(), "users") && !strings.Contains(err.Error(), ".parquet") {
			t.Errorf("Scan = %q: names neither the table nor a file", err)
		}
	})
}

func TestBatchAccessorOfWrongKindPanics(t *testing.T) {
	dir := t.TempDir()
	writeGo(t, filepath.Join(dir, "users.parquet"), []idRow{{"a"}})
	tbl := mustOpen(t, dir, "users", idCols)

	var msg any
	err := scan(t, tbl, 0, func(b *Batch) error {
		defer func() { msg = recover() }()
		b.Int(0)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := msg.(string); !strings.Contains(s, `"id" is string, read as int64`) {
		t.Errorf("panic = %v, want one naming the column and both kinds", msg)
	}
}
