package readers

import (
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/apache/arrow/go/v17/parquet/metadata"
)

// Arrow writers store the Arrow schema in the Parquet footer under this key,
// base64 of an IPC schema message (a flatbuffer), and pqarrow decodes it.
const arrowSchemaKey = "ARROW:schema"

// maxSchemaDepth bounds the nesting of fields; wkw's deepest column is a
// list of strings, and a flatbuffer's offsets can wrap around into a cycle.
const maxSchemaDepth = 32

var errStoredSchema = errors.New("stored Arrow schema is damaged")

// checkStoredSchema checks the stored Arrow schema before pqarrow decodes
// it. pqarrow's IPC decoder trusts the lengths in the flatbuffer and
// allocates what they say, and follows offsets without bounds: a damaged
// footer can make it ask for hundreds of gigabytes or recurse without end,
// which kills the process where no recover can help. So every length it
// allocates from must fit in the bytes that are there, and nesting is
// bounded. What the decoder can only panic over is left to guard.
func checkStoredSchema(kv metadata.KeyValueMetadata) error {
	v := kv.FindValue(arrowSchemaKey)
	if v == nil {
		return nil
	}
	// pqarrow tries both encodings in this order.
	data, err := base64.StdEncoding.DecodeString(*v)
	if err != nil || len(data) == 0 {
		if data, err = base64.RawStdEncoding.DecodeString(*v); err != nil {
			return nil // pqarrow fails on it with an error of its own
		}
	}
	// IPC framing: an optional 0xFFFFFFFF continuation marker, the
	// metadata length, the metadata, then a body of the length it declares.
	start := 4
	if len(data) >= 4 && binary.LittleEndian.Uint32(data) == 0xFFFFFFFF {
		start = 8
	}
	if len(data) < start {
		return nil
	}
	n := int64(int32(binary.LittleEndian.Uint32(data[start-4:])))
	if n <= 0 {
		return nil // an end-of-stream marker or a negative length: pqarrow errors or panics
	}
	if n > int64(len(data)-start) {
		return fmt.Errorf("%w: message of %d bytes in %d", errStoredSchema, n, len(data)-start)
	}
	fb := flatbuf(data[start : start+int(n)])
	msg, err := fb.root()
	if err != nil {
		return err
	}
	if body, ok := msg.scalar(3, 8); ok {
		if l := int64(binary.LittleEndian.Uint64(fb[body:])); l < 0 || l > int64(len(data)-start)-n {
			return fmt.Errorf("%w: body of %d bytes", errStoredSchema, l)
		}
	}
	if err := msg.checkKeyValues(4); err != nil {
		return err
	}
	schema, ok, err := msg.table(2)
	if err != nil || !ok {
		return err
	}
	if err := schema.checkKeyValues(2); err != nil {
		return err
	}
	return schema.checkFields(1, 0)
}

// flatbuf is a flatbuffer read with every access bounds-checked.
type flatbuf []byte

// table is a flatbuffer table: where it starts and its vtable.
type table struct {
	b      flatbuf
	pos    int
	vtab   int
	vtabSz int
}

func (b flatbuf) u32(at int) (uint32, bool) {
	if at < 0 || at+4 > len(b) {
		return 0, false
	}
	return binary.LittleEndian.Uint32(b[at:]), true
}

func (b flatbuf) root() (table, error) {
	off, ok := b.u32(0)
	if !ok {
		return table{}, fmt.Errorf("%w: no root table", errStoredSchema)
	}
	return b.tableAt(int(off))
}

func (b flatbuf) tableAt(pos int) (table, error) {
	soff, ok := b.u32(pos)
	if !ok {
		return table{}, fmt.Errorf("%w: table at %d outside %d bytes", errStoredSchema, pos, len(b))
	}
	vtab := pos - int(int32(soff))
	if vtab < 0 || vtab+4 > len(b) {
		return table{}, fmt.Errorf("%w: vtable at %d outside %d bytes", errStoredSchema, vtab, len(b))
	}
	sz := int(binary.LittleEndian.Uint16(b[vtab:]))
	if sz < 4 || vtab+sz > len(b) {
		return table{}, fmt.Errorf("%w: vtable of %d bytes at %d", errStoredSchema, sz, vtab)
	}
	return table{b: b, pos: pos, vtab: vtab, vtabSz: sz}, nil
}

// field returns where field slot's value lies, or ok false when absent.
func (t table) field(slot int) (at int, ok bool) {
	e := 4 + 2*slot
	if e+2 > t.vtabSz {
		return 0, false
	}
	off := int(binary.LittleEndian.Uint16(t.b[t.vtab+e:]))
	if off == 0 {
		return 0, false
	}
	return t.pos + off, true
}

// scalar returns where a scalar of size bytes lies, if present and inside.
func (t table) scalar(slot, size int) (int, bool) {
	at, ok := t.field(slot)
	if !ok || at+size > len(t.b) {
		return 0, false
	}
	return at, true
}

// indirect follows the offset stored in slot.
func (t table) indirect(slot int) (at int, ok bool, err error) {
	f, ok := t.field(slot)
	if !ok {
		return 0, false, nil
	}
	off, inside := t.b.u32(f)
	if !inside {
		return 0, false, fmt.Errorf("%w: offset at %d outside %d bytes", errStoredSchema, f, len(t.b))
	}
	return f + int(off), true, nil
}

func (t table) table(slot int) (table, bool, error) {
	at, ok, err := t.indirect(slot)
	if err != nil || !ok {
		return table{}, false, err
	}
	sub, err := t.b.tableAt(at)
	return sub, err == nil, err
}

// vector returns the element positions of a vector of tables in slot,
// checking that its declared length fits in the buffer.
func (t table) vector(slot int) ([]int, error) {
	at, ok, err := t.indirect(slot)
	if err != nil || !ok {
		return nil, err
	}
	n, inside := t.b.u32(at)
	if !inside || uint64(n) > uint64(len(t.b)-at-4)/4 {
		return nil, fmt.Errorf("%w: vector of %d elements at %d in %d bytes", errStoredSchema, n, at, len(t.b))
	}
	elems := make([]int, n)
	for i := range elems {
		e := at + 4 + 4*i
		off, _ := t.b.u32(e)
		elems[i] = e + int(off)
	}
	return elems, nil
}

func (t table) checkKeyValues(slot int) error {
	_, err := t.vector(slot)
	return err
}

// checkFields checks a vector of Field tables and, recursively, their
// children (slot 5), custom metadata (slot 6) and union type ids.
func (t table) checkFields(slot, depth int) error {
	if depth > maxSchemaDepth {
		return fmt.Errorf("%w: fields nested more than %d deep", errStoredSchema, maxSchemaDepth)
	}
	fields, err := t.vector(slot)
	if err != nil {
		return err
	}
	for _, at := range fields {
		f, err := t.b.tableAt(at)
		if err != nil {
			return err
		}
		if err := f.checkKeyValues(6); err != nil {
			return err
		}
		if typ, ok, err := f.table(3); err != nil {
			return err
		} else if ok {
			// A union's type ids (slot 1) are the only vector a type has.
			if t, ok := f.scalar(2, 1); ok && f.b[t] == unionTypeID {
				if _, err := typ.vector(1); err != nil {
					return err
				}
			}
		}
		if err := f.checkFields(5, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// unionTypeID is Type.Union in Arrow's Schema.fbs.
const unionTypeID = 14
