package pipeline

import (
	"context"

	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/wkw/wkw/readers"
)

// ScanStats is what a scan-only pass saw: the cost floor of a run, since a
// run must at least read and decode these columns.
type ScanStats struct {
	Rows, Values, Bytes int64
}

// ScanOnly reads and decodes every column a run reads from the interaction
// tables of input, touching every value, and does nothing else. It is the
// baseline the performance figures are measured against.
func ScanOnly(ctx context.Context, input string, mem memory.Allocator, batch int) (ScanStats, error) {
	if mem == nil {
		mem = memory.DefaultAllocator
	}
	var st ScanStats
	for _, spec := range tableSpecs {
		t, err := readers.Open(input, spec.name, spec.columns)
		if err != nil {
			if !spec.required {
				continue
			}
			return st, err
		}
		err = t.Scan(ctx, mem, batch, func(b *readers.Batch) error {
			st.Rows += int64(b.Len)
			for c, col := range t.Columns {
				touch(b, c, col.Kind, &st)
			}
			return nil
		})
		if err != nil {
			return st, err
		}
	}
	return st, nil
}

func touch(b *readers.Batch, c int, k readers.Kind, st *ScanStats) {
	switch k {
	case readers.String:
		col := b.Str(c)
		for i := 0; i < b.Len; i++ {
			if s, ok := col.Value(i); ok {
				st.Values++
				st.Bytes += int64(len(s))
			}
		}
	case readers.Timestamp:
		col := b.Time(c)
		for i := 0; i < b.Len; i++ {
			if _, ok := col.Micros(i); ok {
				st.Values++
			}
		}
	case readers.StringList:
		col := b.List(c)
		for i := 0; i < b.Len; i++ {
			start, end := col.Range(i)
			for j := start; j < end; j++ {
				if s, ok := col.Elem(j); ok {
					st.Values++
					st.Bytes += int64(len(s))
				}
			}
		}
	case readers.Bool:
		col := b.Bool(c)
		for i := 0; i < b.Len; i++ {
			if _, ok := col.Value(i); ok {
				st.Values++
			}
		}
	case readers.Int64:
		col := b.Int(c)
		for i := 0; i < b.Len; i++ {
			if _, ok := col.Value(i); ok {
				st.Values++
			}
		}
	}
}
