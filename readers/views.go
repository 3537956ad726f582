package readers

import (
	"fmt"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
)

// The functions here build column views from the arrays of one record. They
// run once per column per batch, so the per-value accessors never look at
// an Arrow type. Integer widths other than int64 are widened into scratch,
// which the batch reuses from one record to the next.

func stringView(a arrow.Array, scratch *[]int64) (StringColumn, error) {
	switch a := a.(type) {
	case *array.String:
		return StringColumn{form: strUTF8, utf8: a}, nil
	case *array.LargeString:
		return StringColumn{form: strLarge, large: a}, nil
	case *array.Dictionary:
		codes, err := intView(a.Indices(), scratch)
		if err != nil {
			return StringColumn{}, err
		}
		dict := a.Dictionary()
		if err := checkCodes(codes, a.Len(), dict.Len()); err != nil {
			return StringColumn{}, err
		}
		switch d := dict.(type) {
		case *array.String:
			return StringColumn{form: strDictUTF8, utf8: d, codes: codes}, nil
		case *array.LargeString:
			return StringColumn{form: strDictLarge, large: d, codes: codes}, nil
		}
	}
	return StringColumn{}, fmt.Errorf("%w: arrived as %s, want %s", ErrSchema, a.DataType(), String)
}

// checkCodes makes sure no dictionary code points outside its dictionary, so
// that a corrupt page cannot make an accessor index out of range.
func checkCodes(codes IntColumn, n, dictLen int) error {
	for i := 0; i < n; i++ {
		if k, ok := codes.Value(i); ok && (k < 0 || k >= int64(dictLen)) {
			return fmt.Errorf("%w: dictionary code %d at row %d of batch is outside a dictionary of %d values", ErrCorrupt, k, i, dictLen)
		}
	}
	return nil
}

func timeView(a arrow.Array) (TimeColumn, error) {
	ts, ok := a.(*array.Timestamp)
	if !ok {
		return TimeColumn{}, fmt.Errorf("%w: arrived as %s, want %s", ErrSchema, a.DataType(), Timestamp)
	}
	c := TimeColumn{valid: validityOf(a), vals: ts.TimestampValues(), mul: 1, div: 1}
	switch ts.DataType().(*arrow.TimestampType).Unit {
	case arrow.Second:
		c.mul = 1_000_000
	case arrow.Millisecond:
		c.mul = 1_000
	case arrow.Nanosecond:
		c.div = 1_000
	}
	return c, nil
}

func listView(a arrow.Array, scratch *[]int64) (ListColumn, error) {
	var (
		c      ListColumn
		values arrow.Array
	)
	switch l := a.(type) {
	case *array.List:
		c.off32, values = l.Offsets(), l.ListValues()
	case *array.LargeList:
		c.off64, values = l.Offsets(), l.ListValues()
	default:
		return ListColumn{}, fmt.Errorf("%w: arrived as %s, want %s", ErrSchema, a.DataType(), StringList)
	}
	elems, err := stringView(values, scratch)
	if err != nil {
		return ListColumn{}, fmt.Errorf("list elements: %w", err)
	}
	c.valid, c.elems = validityOf(a), elems
	return c, nil
}

func boolView(a arrow.Array) (BoolColumn, error) {
	b, ok := a.(*array.Boolean)
	if !ok {
		return BoolColumn{}, fmt.Errorf("%w: arrived as %s, want %s", ErrSchema, a.DataType(), Bool)
	}
	return BoolColumn{arr: b}, nil
}

// intView accepts every Arrow integer type; Kind.accepts decides which of
// them a column may have. UINT64 only occurs as dictionary codes, where
// checkCodes catches values that wrapped around.
func intView(a arrow.Array, scratch *[]int64) (IntColumn, error) {
	var vals []int64
	switch a := a.(type) {
	case *array.Int64:
		vals = a.Int64Values()
	case *array.Int32:
		vals = widen(a.Int32Values(), scratch)
	case *array.Int16:
		vals = widen(a.Int16Values(), scratch)
	case *array.Int8:
		vals = widen(a.Int8Values(), scratch)
	case *array.Uint32:
		vals = widen(a.Uint32Values(), scratch)
	case *array.Uint16:
		vals = widen(a.Uint16Values(), scratch)
	case *array.Uint8:
		vals = widen(a.Uint8Values(), scratch)
	case *array.Uint64:
		vals = widen(a.Uint64Values(), scratch)
	default:
		return IntColumn{}, fmt.Errorf("%w: arrived as %s, want %s", ErrSchema, a.DataType(), Int64)
	}
	return IntColumn{valid: validityOf(a), vals: vals}, nil
}

func widen[T int8 | int16 | int32 | uint8 | uint16 | uint32 | uint64](src []T, scratch *[]int64) []int64 {
	dst := *scratch
	if cap(dst) < len(src) {
		dst = make([]int64, len(src))
	}
	dst = dst[:len(src)]
	for i, v := range src {
		dst[i] = int64(v)
	}
	*scratch = dst
	return dst
}
