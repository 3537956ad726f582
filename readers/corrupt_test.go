package readers

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/compress"
	"github.com/parquet-go/parquet-go/format"
)

// writeSnappyIDs writes rows strings in row groups of groupRows, Snappy
// compressed and plain encoded, so that each column chunk is one long
// Snappy stream of repetitive text: mostly copy tags, which a flipped byte
// turns into an invalid stream.
func writeSnappyIDs(t *testing.T, path string, rows, groupRows int) {
	t.Helper()
	sc := arrow.NewSchema([]arrow.Field{{Name: "id", Type: arrow.BinaryTypes.String}}, nil)
	writeArrow(t, path, sc, func(b *array.RecordBuilder) {
		for i := 0; i < rows; i++ {
			b.Field(0).(*array.StringBuilder).Append(fmt.Sprintf("user-%03d@example.com", i%50))
		}
	}, parquet.WithCompression(compress.Codecs.Snappy), parquet.WithDictionaryDefault(false), parquet.WithMaxRowGroupLength(int64(groupRows)))
}

// flipChunkMiddle inverts 8 bytes in the middle of column chunk 0 of row group rg.
func flipChunkMiddle(t *testing.T, path string, rg int) {
	t.Helper()
	pf, _, err := openParquet(path, memory.DefaultAllocator)
	if err != nil {
		t.Fatal(err)
	}
	cc, err := pf.MetaData().RowGroup(rg).ColumnChunk(0)
	pf.Close()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	mid := cc.DataPageOffset() + cc.TotalCompressedSize()/2
	for i := mid; i < mid+8; i++ {
		b[i] ^= 0xff
	}
	writeBytes(t, path, b)
}

func TestScanCorruptSnappyPage(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "users.parquet")
	writeSnappyIDs(t, path, 20_000, 10_000)
	flipChunkMiddle(t, path, 1)
	// The footer is intact, so Open cannot tell.
	tbl := mustOpen(t, dir, "users", idCols)

	rows := 0
	err := scan(t, tbl, 4096, func(b *Batch) error {
		if b.RowGroup != 0 {
			t.Errorf("got a batch of row group %d", b.RowGroup)
		}
		rows += b.Len
		return nil
	})

	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Scan = %v, want ErrCorrupt", err)
	}
	if msg := err.Error(); !strings.Contains(msg, path) || !strings.Contains(msg, "row group 1") || !strings.Contains(msg, "snappy") {
		t.Errorf("error %q does not name %s, row group 1 and the Snappy failure", msg, path)
	}
	if rows != 10_000 {
		t.Errorf("%d rows before the error, want the 10000 of row group 0", rows)
	}
}

func TestScanRowCountDisagreesWithFooter(t *testing.T) {
	tests := []struct {
		name    string
		delta   int64
		mention string
	}{
		{"group declares a row more", +1, "read 3 rows, footer declares 4"},
		{"group declares a row fewer", -1, "read more than the 2 rows its footer declares"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "users.parquet")
			writeGo(t, path, []idRow{{"a"}, {"b"}, {"c"}})
			patchFooter(t, path, func(md *format.FileMetaData) {
				md.RowGroups[0].NumRows += tt.delta
				md.NumRows += tt.delta
			})
			tbl := mustOpen(t, dir, "users", idCols)

			err := scan(t, tbl, 1, func(*Batch) error { return nil })

			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("Scan = %v, want ErrCorrupt", err)
			}
			if msg := err.Error(); !strings.Contains(msg, path) || !strings.Contains(msg, "row group 0") || !strings.Contains(msg, tt.mention) {
				t.Errorf("error %q does not name %s, row group 0 and say %q", msg, path, tt.mention)
			}
		})
	}
}

func TestScanFileTruncatedAfterOpen(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "users.parquet")
	writeSnappyIDs(t, path, 1000, 1000)
	tbl := mustOpen(t, dir, "users", idCols)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	writeBytes(t, path, b[:len(b)/2])

	err = scan(t, tbl, 0, func(*Batch) error { return nil })

	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), path) {
		t.Fatalf("Scan = %v, want ErrCorrupt naming %s", err, path)
	}
}
