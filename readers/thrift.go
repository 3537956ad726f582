package readers

import (
	"errors"
	"fmt"
)

// A minimal decoder of Thrift's compact protocol, for the few fields of
// Parquet's page headers and footer that wkw checks before arrow trusts
// them. It skips everything else.

var errShortHeader = errors.New("truncated")

// Thrift compact protocol types.
const (
	ctStop   = 0
	ctTrue   = 1
	ctFalse  = 2
	ctByte   = 3
	ctI16    = 4
	ctI32    = 5
	ctI64    = 6
	ctDouble = 7
	ctBinary = 8
	ctList   = 9
	ctSet    = 10
	ctMap    = 11
	ctStruct = 12
)

const maxThriftDepth = 32

type compact struct {
	b     []byte
	pos   int
	depth int
}

func (d *compact) byte() (byte, error) {
	if d.pos >= len(d.b) {
		return 0, errShortHeader
	}
	c := d.b[d.pos]
	d.pos++
	return c, nil
}

func (d *compact) uvarint() (uint64, error) {
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		c, err := d.byte()
		if err != nil {
			return 0, err
		}
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v, nil
		}
	}
	return 0, errors.New("varint longer than 10 bytes")
}

func (d *compact) varint() (int64, error) {
	u, err := d.uvarint()
	return int64(u>>1) ^ -int64(u&1), err
}

func (d *compact) i32() (int32, error) {
	v, err := d.varint()
	if err == nil && int64(int32(v)) != v {
		return 0, fmt.Errorf("i32 value %d out of range", v)
	}
	return int32(v), err
}

// structFields calls field for each field header of a struct up to its
// stop byte; field must consume the field's value.
func (d *compact) structFields(field func(id int16, typ byte) error) error {
	if d.depth > maxThriftDepth {
		return errors.New("structs nested too deep")
	}
	var last int16
	for {
		c, err := d.byte()
		if err != nil {
			return err
		}
		if c == ctStop {
			return nil
		}
		typ := c & 0x0f
		id := last + int16(c>>4)
		if c>>4 == 0 {
			v, err := d.varint()
			if err != nil {
				return err
			}
			if int64(int16(v)) != v {
				return fmt.Errorf("field id %d out of range", v)
			}
			id = int16(v)
		}
		if err := field(id, typ); err != nil {
			return err
		}
		last = id
	}
}

// skip consumes a value of type typ as a struct field (where booleans carry
// no bytes of their own).
func (d *compact) skip(typ byte) error {
	if typ == ctTrue || typ == ctFalse {
		return nil
	}
	return d.skipValue(typ)
}

// skipValue consumes a value of type typ as a container element (where a
// boolean is one byte).
func (d *compact) skipValue(typ byte) error {
	switch typ {
	case ctTrue, ctFalse, ctByte:
		_, err := d.byte()
		return err
	case ctI16, ctI32, ctI64:
		_, err := d.uvarint()
		return err
	case ctDouble:
		return d.advance(8)
	case ctBinary:
		n, err := d.uvarint()
		if err != nil {
			return err
		}
		return d.advance(n)
	case ctList, ctSet:
		n, typ, err := d.listHeader()
		if err != nil {
			return err
		}
		return d.elements(n, typ, 0, false)
	case ctMap:
		n, err := d.uvarint()
		if err != nil || n == 0 {
			return err
		}
		kv, err := d.byte()
		if err != nil {
			return err
		}
		return d.elements(n, kv>>4, kv&0x0f, true)
	case ctStruct:
		d.depth++
		defer func() { d.depth-- }()
		return d.structFields(func(_ int16, typ byte) error { return d.skip(typ) })
	}
	return fmt.Errorf("unknown thrift type %d", typ)
}

// listHeader reads a list or set header: the element count, refused when
// it exceeds the bytes left (every element takes at least one), and type.
func (d *compact) listHeader() (n uint64, elem byte, err error) {
	h, err := d.byte()
	if err != nil {
		return 0, 0, err
	}
	n = uint64(h >> 4)
	if n == 15 {
		if n, err = d.uvarint(); err != nil {
			return 0, 0, err
		}
	}
	if n > uint64(len(d.b)-d.pos) {
		return 0, 0, errShortHeader
	}
	return n, h & 0x0f, nil
}

// elements skips n container elements of type a, or with pairs n key-value
// pairs of types a and b.
func (d *compact) elements(n uint64, a, b byte, pairs bool) error {
	// Every element takes at least a byte, so a count beyond the bytes
	// left is a damaged header, not a long wait.
	if n > uint64(len(d.b)-d.pos) {
		return errShortHeader
	}
	d.depth++
	defer func() { d.depth-- }()
	if d.depth > maxThriftDepth {
		return errors.New("containers nested too deep")
	}
	for ; n > 0; n-- {
		if err := d.skipValue(a); err != nil {
			return err
		}
		if pairs {
			if err := d.skipValue(b); err != nil {
				return err
			}
		}
	}
	return nil
}

func (d *compact) advance(n uint64) error {
	if n > uint64(len(d.b)-d.pos) {
		return errShortHeader
	}
	d.pos += int(n)
	return nil
}

// checkSchemaChildren decodes a compact-protocol FileMetaData far enough to
// check the num_children of every element of its schema (field 2, a list
// of SchemaElement, whose field 5 is num_children): arrow v17 allocates a
// slice of that many nodes before it looks at any of them, so a damaged
// footer could make it ask for terabytes. A valid count is at most the
// number of elements after the first.
func checkSchemaChildren(footer []byte) error {
	d := compact{b: footer}
	return d.structFields(func(id int16, typ byte) error {
		if id != 2 || typ != ctList {
			return d.skip(typ)
		}
		n, elem, err := d.listHeader()
		if err != nil {
			return err
		}
		if elem != ctStruct {
			return fmt.Errorf("schema is a list of thrift type %d, not of structs", elem)
		}
		d.depth++
		defer func() { d.depth-- }()
		for i := uint64(0); i < n; i++ {
			err := d.structFields(func(id int16, typ byte) error {
				if id != 5 || typ != ctI32 {
					return d.skip(typ)
				}
				c, err := d.i32()
				if err == nil && (c < 0 || uint64(c) >= n) {
					err = fmt.Errorf("schema element %d declares %d children, the schema has %d elements", i, c, n)
				}
				return err
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
}
