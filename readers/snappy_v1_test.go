package readers

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/compress"
)

// Snappy-compressed V1 data pages, as pyarrow and Spark write them (parquet-go,
// which makes the other fixtures, does not), read back exactly, every value
// of two string columns across many pages and two decoders. Arrow v17 frees
// such a page's buffer while still decoding it: through a Pool that
// overwrites what it takes back, this fails unless Scan holds those frees
// back until the row group is done.
func TestScanSnappyV1Pages(t *testing.T) {
	dir := t.TempDir()
	const rows = 30_000
	sc := arrow.NewSchema([]arrow.Field{
		{Name: "message_id", Type: arrow.BinaryTypes.String},
		{Name: "from_address", Type: arrow.BinaryTypes.String},
	}, nil)
	id := func(i int) string { return fmt.Sprintf("<msg-%07d@mail.example>", i) }
	from := func(i int) string { return fmt.Sprintf("sender%05d@ext%03d.example", i*7919%100000, i%997) }
	for part := range 2 {
		writeArrow(t, filepath.Join(dir, "emails", fmt.Sprintf("p%d.parquet", part)), sc, func(b *array.RecordBuilder) {
			for i := part * rows; i < (part+1)*rows; i++ {
				b.Field(0).(*array.StringBuilder).Append(id(i))
				b.Field(1).(*array.StringBuilder).Append(from(i))
			}
		}, parquet.WithCompression(compress.Codecs.Snappy), parquet.WithDictionaryDefault(false),
			parquet.WithDataPageSize(16<<10), parquet.WithDataPageVersion(parquet.DataPageV1))
	}
	tbl := mustOpen(t, dir, "emails", []Column{{Name: "message_id", Kind: String}, {Name: "from_address", Kind: String}})
	for _, base := range []struct {
		name string
		mem  memory.Allocator
	}{
		{"go", memory.NewGoAllocator()},
		{"pool, freed buffers overwritten", NewPool(64 << 20).Poison()},
	} {
		t.Run(base.name, func(t *testing.T) { scanV1(t, tbl, base.mem, rows, id, from) })
	}
}

func scanV1(t *testing.T, tbl *Table, base memory.Allocator, rows int, id, from func(int) string) {
	mem := memory.NewCheckedAllocator(base)
	defer mem.AssertSize(t, 0)
	row := 0
	err := tbl.Scan(context.Background(), mem, 1000, func(b *Batch) error {
		ids, froms := b.Str(0), b.Str(1)
		for i := 0; i < b.Len; i++ {
			a, _ := ids.Value(i)
			f, _ := froms.Value(i)
			if a != id(row) || f != from(row) {
				return fmt.Errorf("row %d = %q %q, want %q %q", row, a, f, id(row), from(row))
			}
			row++
		}
		return nil
	})
	if err != nil || row != 2*rows {
		t.Fatalf("scan: %v after %d rows, want %d", err, row, 2*rows)
	}
}
