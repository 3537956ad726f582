package readers

import (
	"encoding/binary"
	"fmt"
	"io"
	"os"

	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/file"
	"github.com/apache/arrow/go/v17/parquet/metadata"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"
)

// streamBufferSize bounds what one column chunk reader holds while it streams
// pages from disk. Without buffered streams arrow reads every projected
// column chunk whole into the Go heap, and a footer lying about a chunk's
// length would make it allocate that much.
const streamBufferSize = 128 << 10

// source is the file under a parquet reader, for checks of our own.
type source struct {
	io.ReaderAt
	size int64
}

// openParquet opens path and parses its footer; allocations made while
// decoding pages later come from mem. The caller closes the reader, which
// closes the file.
func openParquet(path string, mem memory.Allocator) (*file.Reader, source, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, source{}, fmt.Errorf("open table file: %w", err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, source{}, fmt.Errorf("stat table file: %w", err)
	}
	if err := checkFooter(f, st.Size()); err != nil {
		f.Close()
		return nil, source{}, fmt.Errorf("%w: file %q: %w", ErrCorrupt, path, err)
	}
	props := parquet.NewReaderProperties(mem)
	props.BufferedStreamEnabled = true
	props.BufferSize = streamBufferSize
	var pf *file.Reader
	err = guard(func() (err error) {
		pf, err = file.NewParquetReader(f, file.WithReadProps(props))
		return err
	})
	if err != nil {
		f.Close()
		return nil, source{}, fmt.Errorf("%w: file %q: %w", ErrCorrupt, path, err)
	}
	if err := checkRowCounts(path, pf.MetaData()); err != nil {
		pf.Close()
		return nil, source{}, err
	}
	if err := checkColumnChunks(path, pf.MetaData()); err != nil {
		pf.Close()
		return nil, source{}, err
	}
	if err := checkStoredSchema(pf.MetaData().KeyValueMetadata()); err != nil {
		pf.Close()
		return nil, source{}, fmt.Errorf("%w: file %q: %w", ErrCorrupt, path, err)
	}
	return pf, source{f, st.Size()}, nil
}

// checkFooter checks what arrow would trust in a plain (unencrypted)
// footer before it parses it; a file without one is left for arrow to
// reject in its own words.
func checkFooter(f io.ReaderAt, size int64) error {
	const tail = 8 // footer length and "PAR1"
	if size < 4+tail {
		return nil
	}
	var t [tail]byte
	if _, err := f.ReadAt(t[:], size-tail); err != nil {
		return fmt.Errorf("read footer length: %w", err)
	}
	n := int64(binary.LittleEndian.Uint32(t[:4]))
	if string(t[4:]) != "PAR1" || n > size-4-tail {
		return nil
	}
	footer := make([]byte, n)
	if _, err := f.ReadAt(footer, size-tail-n); err != nil {
		return fmt.Errorf("read footer: %w", err)
	}
	if err := checkSchemaChildren(footer); err != nil {
		return fmt.Errorf("footer: %w", err)
	}
	return nil
}

// checkRowCounts rejects a footer whose row groups do not add up to its own
// total, since Table.Rows and the per-group checks in Scan trust both.
func checkRowCounts(path string, md *metadata.FileMetaData) error {
	var sum int64
	for rg := 0; rg < len(md.RowGroups); rg++ {
		n := md.RowGroup(rg).NumRows()
		if n < 0 {
			return fmt.Errorf("%w: file %q row group %d: footer declares %d rows", ErrCorrupt, path, rg, n)
		}
		sum += n
	}
	if sum != md.NumRows {
		return fmt.Errorf("%w: file %q: footer declares %d rows but its row groups hold %d", ErrCorrupt, path, md.NumRows, sum)
	}
	return nil
}

// checkColumnChunks rejects a footer whose column chunks the decoders would
// trip over: a row group with fewer or more chunks than the schema has
// columns, or a chunk without its metadata. pqarrow builds column readers on
// goroutines of its own, where guard cannot recover their panics, so these
// must be caught here, where a panic still can be.
func checkColumnChunks(path string, md *metadata.FileMetaData) error {
	cols := md.Schema.NumColumns()
	for rg := 0; rg < len(md.RowGroups); rg++ {
		g := md.RowGroup(rg)
		if n := g.NumColumns(); n != cols {
			return fmt.Errorf("%w: file %q row group %d: footer lists %d column chunks for %d columns", ErrCorrupt, path, rg, n, cols)
		}
		for c := 0; c < cols; c++ {
			err := guard(func() error {
				_, err := g.ColumnChunk(c)
				return err
			})
			if err != nil {
				return fmt.Errorf("%w: file %q row group %d column %d: read column chunk metadata: %w", ErrCorrupt, path, rg, c, err)
			}
		}
	}
	return nil
}

// inspect reads path's footer and checks its schema against cols.
func inspect(path string, cols []Column) (File, error) {
	pf, src, err := openParquet(path, memory.DefaultAllocator)
	if err != nil {
		return File{}, err
	}
	defer pf.Close()
	md := pf.MetaData()
	var m *pqarrow.SchemaManifest
	err = guard(func() (err error) {
		m, err = pqarrow.NewSchemaManifest(md.Schema, md.KeyValueMetadata(), &pqarrow.ArrowReadProperties{})
		return err
	})
	if err != nil {
		return File{}, fmt.Errorf("%w: file %q: read schema: %w", ErrSchema, path, err)
	}
	if _, err := project(path, m, cols); err != nil {
		return File{}, err
	}
	return File{Path: path, Size: src.size, Rows: md.NumRows, RowGroups: len(md.RowGroups)}, nil
}

// projection maps a table's columns onto the top-level fields of one file.
type projection struct {
	leaves []int    // leaf column indices of the present fields, for GetRecordReader
	names  []string // the present fields in record order
	pos    []int    // per Columns[c]: its field's index in a record, or -1 when absent
}

func project(path string, m *pqarrow.SchemaManifest, cols []Column) (projection, error) {
	const ambiguous = -1
	byName := make(map[string]int, len(m.Fields))
	for i := range m.Fields {
		name := m.Fields[i].Field.Name
		if _, dup := byName[name]; dup {
			byName[name] = ambiguous
			continue
		}
		byName[name] = i
	}
	p := projection{pos: make([]int, len(cols))}
	// A column projected twice shares one record field: pqarrow would
	// return the field once however often its leaves are asked for.
	recordPos := make(map[int]int, len(cols))
	for c, col := range cols {
		fi, ok := byName[col.Name]
		if !ok {
			if col.Required {
				return projection{}, fmt.Errorf("%w: file %q: required column %q is missing", ErrSchema, path, col.Name)
			}
			p.pos[c] = -1
			continue
		}
		if fi == ambiguous {
			return projection{}, fmt.Errorf("%w: file %q: column %q occurs more than once", ErrSchema, path, col.Name)
		}
		f := &m.Fields[fi]
		if !col.Kind.accepts(f.Field.Type) {
			return projection{}, fmt.Errorf("%w: file %q: column %q has type %s, want %s", ErrSchema, path, col.Name, f.Field.Type, col.Kind)
		}
		if rp, seen := recordPos[fi]; seen {
			p.pos[c] = rp
			continue
		}
		recordPos[fi] = len(p.names)
		p.pos[c] = len(p.names)
		p.names = append(p.names, col.Name)
		p.leaves = appendLeaves(p.leaves, f)
	}
	return p, nil
}

// appendLeaves appends the leaf column indices under f. A node is a leaf when
// it has no children: pqarrow v17 leaves ColIndex at 0, not -1, on LIST
// nodes, so SchemaField.IsLeaf cannot be trusted.
func appendLeaves(dst []int, f *pqarrow.SchemaField) []int {
	if len(f.Children) == 0 {
		return append(dst, f.ColIndex)
	}
	for i := range f.Children {
		dst = appendLeaves(dst, &f.Children[i])
	}
	return dst
}

// guard runs f, which calls only into the Parquet libraries, and turns a
// panic there into an error: the decoders panic on some malformed input, and
// one bad file must fail with its name rather than crash the process.
func guard(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = decoderPanic{r}
		}
	}()
	return f()
}

type decoderPanic struct{ value any }

func (p decoderPanic) Error() string { return fmt.Sprintf("decoder panic: %v", p.value) }

// Unwrap exposes a panic value that is an error, such as a runtime error.
func (p decoderPanic) Unwrap() error {
	err, _ := p.value.(error)
	return err
}
