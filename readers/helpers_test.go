package readers

import (
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"
	pq "github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
)

// writeGo writes rows with parquet-go's typed writer, the library the rest
// of wkw writes with, so these files are what an independent writer makes.
func writeGo[T any](t *testing.T, path string, rows []T, opts ...pq.WriterOption) {
	t.Helper()
	var buf bytes.Buffer
	w := pq.NewGenericWriter[T](&buf, opts...)
	if _, err := w.Write(rows); err != nil {
		t.Fatalf("write %s: %v", path, err)
	}
	if err := w.Close(); err != nil {
		t.Fatalf("close %s: %v", path, err)
	}
	writeBytes(t, path, buf.Bytes())
}

// writeArrow writes the record built by fill with pqarrow, storing the Arrow
// schema, for the types parquet-go cannot make (LARGE_STRING, DICTIONARY,
// LARGE_LIST, seconds and nanoseconds).
func writeArrow(t *testing.T, path string, sc *arrow.Schema, fill func(b *array.RecordBuilder), props ...parquet.WriterProperty) {
	t.Helper()
	writeArrowProps(t, path, sc, fill, nil, props...)
}

// writeArrowProps is writeArrow with one extra pqarrow writer option.
func writeArrowProps(t *testing.T, path string, sc *arrow.Schema, fill func(b *array.RecordBuilder), opt pqarrow.WriterOption, props ...parquet.WriterProperty) {
	t.Helper()
	opts := []pqarrow.WriterOption{pqarrow.WithStoreSchema()}
	if opt != nil {
		opts = append(opts, opt)
	}
	b := array.NewRecordBuilder(memory.DefaultAllocator, sc)
	defer b.Release()
	fill(b)
	rec := b.NewRecord()
	defer rec.Release()
	var buf bytes.Buffer
	fw, err := pqarrow.NewFileWriter(sc, &buf, parquet.NewWriterProperties(props...), pqarrow.NewArrowWriterProperties(opts...))
	if err != nil {
		t.Fatalf("new writer %s: %v", path, err)
	}
	if err := fw.Write(rec); err != nil {
		t.Fatalf("write %s: %v", path, err)
	}
	if err := fw.Close(); err != nil {
		t.Fatalf("close %s: %v", path, err)
	}
	writeBytes(t, path, buf.Bytes())
}

func writeBytes(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// patchFooter rewrites the footer of the Parquet file at path, to make
// files whose footer disagrees with their data.
func patchFooter(t *testing.T, path string, edit func(md *format.FileMetaData)) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	n := int(binary.LittleEndian.Uint32(b[len(b)-8:]))
	start := len(b) - 8 - n
	var md format.FileMetaData
	if err := thrift.Unmarshal(new(thrift.CompactProtocol), b[start:len(b)-8], &md); err != nil {
		t.Fatalf("decode footer of %s: %v", path, err)
	}
	edit(&md)
	footer, err := thrift.Marshal(new(thrift.CompactProtocol), &md)
	if err != nil {
		t.Fatalf("encode footer of %s: %v", path, err)
	}
	out := append(b[:start:start], footer...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(footer)))
	out = append(out, "PAR1"...)
	writeBytes(t, path, out)
}

// scan runs t.Scan with a fresh checked allocator and fails the test if any
// Arrow memory is left allocated afterwards, whatever Scan returned.
func scan(t *testing.T, tbl *Table, batchSize int, fn func(b *Batch) error) error {
	t.Helper()
	return scanCtx(t, context.Background(), tbl, batchSize, fn)
}

func scanCtx(t *testing.T, ctx context.Context, tbl *Table, batchSize int, fn func(b *Batch) error) error {
	t.Helper()
	// The scans run over the pool wkw uses, overwriting every buffer it takes
	// back, so a read of freed memory shows up as wrong values.
	mem := memory.NewCheckedAllocator(NewPool(64 << 20).Poison())
	defer mem.AssertSize(t, 0)
	return tbl.Scan(ctx, mem, batchSize, fn)
}

func mustOpen(t *testing.T, dir, name string, cols []Column) *Table {
	t.Helper()
	tbl, err := Open(dir, name, cols)
	if err != nil {
		t.Fatalf("Open(%q): %v", name, err)
	}
	return tbl
}

func ptr[T any](v T) *T { return &v }

// strVal renders an optional string as the tests compare it.
type strVal struct {
	s  string
	ok bool
}

func str(s string) strVal { return strVal{s, true} }

var null = strVal{}

// readStrings collects String column c of every batch.
func readStrings(t *testing.T, tbl *Table, c int) []strVal {
	t.Helper()
	var got []strVal
	err := scan(t, tbl, 0, func(b *Batch) error {
		col := b.Str(c)
		for i := 0; i < b.Len; i++ {
			s, ok := col.Value(i)
			got = append(got, strVal{string([]byte(s)), ok})
		}
		return nil
	})
	if err != nil {
		t.Fatalf("scan: %v", err)
	}
	return got
}

// readLists collects StringList column c of every batch; a null list reads
// as nil and an empty one as an empty slice, which the tests tell apart only
// through what was written.
func readLists(t *testing.T, tbl *Table, c int) [][]strVal {
	t.Helper()
	var got [][]strVal
	err := scan(t, tbl, 0, func(b *Batch) error {
		col := b.List(c)
		for i := 0; i < b.Len; i++ {
			start, end := col.Range(i)
			row := []strVal{}
			for j := start; j < end; j++ {
				s, ok := col.Elem(j)
				row = append(row, strVal{string([]byte(s)), ok})
			}
			got = append(got, row)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("scan: %v", err)
	}
	return got
}

// readMicros collects Timestamp column c of every batch.
func readMicros(t *testing.T, tbl *Table, c int) []intVal {
	t.Helper()
	var got []intVal
	err := scan(t, tbl, 0, func(b *Batch) error {
		col := b.Time(c)
		for i := 0; i < b.Len; i++ {
			v, ok := col.Micros(i)
			got = append(got, intVal{v, ok})
		}
		return nil
	})
	if err != nil {
		t.Fatalf("scan: %v", err)
	}
	return got
}

type intVal struct {
	v  int64
	ok bool
}

func some(v int64) intVal { return intVal{v, true} }
