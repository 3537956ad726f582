package readers

import (
	"encoding/base64"
	"encoding/binary"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
)

// Footers that pqarrow would crash the process over rather than fail: the
// checks in openParquet must turn them into ErrCorrupt naming the file.

func TestOpenRowGroupMissingAColumnChunk(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "users.parquet")
	type twoCols struct {
		ID    string `parquet:"id"`
		Email string `parquet:"email"`
	}
	writeGo(t, path, []twoCols{{"u1", "a@x.example"}, {"u2", "b@x.example"}})
	patchFooter(t, path, func(md *format.FileMetaData) {
		md.RowGroups[0].Columns = md.RowGroups[0].Columns[:1]
	})

	_, err := Open(dir, "users", idCols)

	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Open = %v, want ErrCorrupt", err)
	}
	if msg := err.Error(); !strings.Contains(msg, path) || !strings.Contains(msg, "row group 0: footer lists 1 column chunks for 2 columns") {
		t.Errorf("error %q does not name %s and the missing chunk", msg, path)
	}
}

func TestOpenStoredArrowSchemaWithHugeVector(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "users.parquet")
	sc := arrow.NewSchema([]arrow.Field{{Name: "id", Type: arrow.BinaryTypes.String}}, nil)
	writeArrow(t, path, sc, func(b *array.RecordBuilder) {
		b.Field(0).(*array.StringBuilder).AppendValues([]string{"u1", "u2"}, nil)
	})
	patchFooter(t, path, func(md *format.FileMetaData) {
		for i, kv := range md.KeyValueMetadata {
			if kv.Key == arrowSchemaKey {
				md.KeyValueMetadata[i].Value = hugeFieldCount(t, kv.Value)
			}
		}
	})

	_, err := Open(dir, "users", idCols)

	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Open = %v, want ErrCorrupt", err)
	}
	if msg := err.Error(); !strings.Contains(msg, path) || !strings.Contains(msg, "stored Arrow schema is damaged: vector of 2147483647 elements") {
		t.Errorf("error %q does not name %s and the damaged vector", msg, path)
	}
}

// hugeFieldCount rewrites a stored Arrow schema so that its list of fields
// claims 2^31-1 entries: pqarrow v17 would try to allocate them all.
func hugeFieldCount(t *testing.T, stored string) string {
	t.Helper()
	data, err := base64.StdEncoding.DecodeString(stored)
	if err != nil {
		t.Fatal(err)
	}
	const start = 8 // continuation marker and length
	fb := flatbuf(data[start:])
	msg, err := fb.root()
	if err != nil {
		t.Fatal(err)
	}
	schema, ok, err := msg.table(2)
	if err != nil || !ok {
		t.Fatalf("no schema in the stored message: %v", err)
	}
	at, ok, err := schema.indirect(1)
	if err != nil || !ok {
		t.Fatalf("no fields in the stored schema: %v", err)
	}
	binary.LittleEndian.PutUint32(data[start+at:], 1<<31-1)
	return base64.StdEncoding.EncodeToString(data)
}

// Arrow v17 allocates a schema element's children before it checks them: a
// count of 2^30 made a fuzz input ask the Go runtime for 14 GB and crash.
func TestOpenSchemaElementWithHugeChildCount(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "users.parquet")
	writeGo(t, path, []struct {
		ID string `parquet:"id"`
	}{{"u1"}, {"u2"}})
	patchFooter(t, path, func(md *format.FileMetaData) {
		md.Schema[0].NumChildren = thrift.New(int32(1 << 30))
	})

	_, err := Open(dir, "users", idCols)

	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Open = %v, want ErrCorrupt", err)
	}
	if msg := err.Error(); !strings.Contains(msg, path) || !strings.Contains(msg, "footer: schema element 0 declares 1073741824 children, the schema has 2 elements") {
		t.Errorf("error %q does not name %s and the count", msg, path)
	}
}
