package readers

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/apache/arrow/go/v17/arrow/memory"
	pq "github.com/parquet-go/parquet-go"
)

func BenchmarkScanMail(b *testing.B) {
	const rows = 200_000
	dir := b.TempDir()
	written := make([]mailRow, rows)
	for i := range written {
		written[i], _ = genMail(i)
	}
	if err := pq.WriteFile(filepath.Join(dir, "emails.parquet"), written, pq.MaxRowsPerRowGroup(50_000)); err != nil {
		b.Fatal(err)
	}
	tbl, err := Open(dir, "emails", mailCols)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		var sum int64
		err := tbl.Scan(context.Background(), memory.DefaultAllocator, 0, func(bt *Batch) error {
			id, at, to, done, cnt := bt.Str(0), bt.Time(1), bt.List(2), bt.Bool(3), bt.Int(4)
			for i := 0; i < bt.Len; i++ {
				s, _ := id.Value(i)
				us, _ := at.Micros(i)
				start, end := to.Range(i)
				for j := start; j < end; j++ {
					e, _ := to.Elem(j)
					sum += int64(len(e))
				}
				d, _ := done.Value(i)
				c, _ := cnt.Value(i)
				if d {
					sum++
				}
				sum += int64(len(s)) + us&1 + c&1
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		if sum == 0 {
			b.Fatal("read nothing")
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
