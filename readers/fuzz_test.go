package readers

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/apache/arrow/go/v17/arrow/memory"
)

// fuzzEmailColumns is the projection pipeline/tables.go reads emails with.
var fuzzEmailColumns = []Column{
	{Name: "message_id", Kind: String, Required: true},
	{Name: "sent_at", Kind: Timestamp, Required: true},
	{Name: "from_address", Kind: String, Required: true},
	{Name: "to_addresses", Kind: StringList},
	{Name: "cc_addresses", Kind: StringList},
	{Name: "bcc_addresses", Kind: StringList},
}

// fuzzDeadline bounds one input; the seeds take milliseconds, so anything
// near it is a hang. It must stay well under the 10 s after which Go's fuzz
// worker kills itself without a word, which the engine reports only as a
// worker that "terminated unexpectedly" and leaves no input to reproduce.
const fuzzDeadline = 4 * time.Second

// FuzzOpenAndScan feeds arbitrary bytes to Open and Scan as an emails table.
// Whatever the bytes, the readers must return rather than panic or hang,
// classify every failure as ErrCorrupt or ErrSchema, hand out no value an
// accessor cannot read, deliver exactly the rows the footer declares when
// they succeed, and give back every byte of Arrow memory.
func FuzzOpenAndScan(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "emails.parquet"), data, 0o600); err != nil {
			t.Fatal(err)
		}
		done := make(chan struct{})
		var rows, declared int64
		var err error
		mem := memory.NewCheckedAllocator(NewPool(16 << 20).Poison()) // wkw's allocator, freed memory overwritten
		go func() {
			defer close(done)
			var tbl *Table
			if tbl, err = Open(dir, "emails", fuzzEmailColumns); err != nil {
				return
			}
			declared = tbl.Rows()
			err = tbl.Scan(context.Background(), mem, 100, func(b *Batch) error {
				touchEmails(b)
				rows += int64(b.Len)
				return nil
			})
		}()
		select {
		case <-done:
		case <-time.After(fuzzDeadline):
			t.Fatalf("Open and Scan did not return within %v", fuzzDeadline)
		}
		mem.AssertSize(t, 0)
		switch {
		case err == nil && rows != declared:
			t.Fatalf("Scan delivered %d rows without error, footer declares %d", rows, declared)
		case err != nil && !errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrSchema):
			t.Fatalf("error is neither ErrCorrupt nor ErrSchema: %v", err)
		}
	})
}

// touchEmails reads every value of a batch through the accessors, so that a
// view pointing outside its buffers shows up as a panic here.
func touchEmails(b *Batch) {
	for i := 0; i < b.Len; i++ {
		b.Str(0).Value(i)
		b.Time(1).Micros(i)
		b.Str(2).Value(i)
		for c := 3; c < 6; c++ {
			l := b.List(c)
			start, end := l.Range(i)
			for j := start; j < end; j++ {
				l.Elem(j)
			}
		}
	}
}
