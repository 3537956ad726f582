package readers

import (
	"math"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/bitutil"
)

// The zero value of every column view is an all-null column: that is what
// an absent optional column reads as.

// validity is an Arrow null bitmap with the array's offset folded in.
type validity struct {
	present bool
	bits    []byte // nil when the array has no nulls
	off     int
}

func validityOf(a arrow.Array) validity {
	return validity{present: true, bits: a.NullBitmapBytes(), off: a.Data().Offset()}
}

func (v validity) null(i int) bool {
	return !v.present || (v.bits != nil && bitutil.BitIsNotSet(v.bits, v.off+i))
}

type strForm uint8

const (
	strAbsent strForm = iota
	strUTF8
	strLarge
	strDictUTF8  // codes index utf8
	strDictLarge // codes index large
)

// StringColumn is a string column of one batch.
type StringColumn struct {
	form  strForm
	utf8  *array.String
	large *array.LargeString
	codes IntColumn // dictionary codes, checked to be in range of the dictionary
}

// Value returns row i; ok is false for null. s shares memory with the batch.
func (c StringColumn) Value(i int) (s string, ok bool) {
	switch c.form {
	case strUTF8:
		if c.utf8.IsNull(i) {
			return "", false
		}
		return c.utf8.Value(i), true
	case strLarge:
		if c.large.IsNull(i) {
			return "", false
		}
		return c.large.Value(i), true
	case strDictUTF8:
		k, ok := c.codes.Value(i)
		if !ok || c.utf8.IsNull(int(k)) {
			return "", false
		}
		return c.utf8.Value(int(k)), true
	case strDictLarge:
		k, ok := c.codes.Value(i)
		if !ok || c.large.IsNull(int(k)) {
			return "", false
		}
		return c.large.Value(int(k)), true
	}
	return "", false
}

// TimeColumn is a timestamp column of one batch.
type TimeColumn struct {
	valid validity
	vals  []arrow.Timestamp
	// Exactly one of mul and div exceeds 1 unless the unit is microseconds.
	mul, div int64
}

// Micros returns row i in UTC microseconds since the epoch; ok is false for
// null. Finer units are floored to the microsecond, also before 1970, so a
// time never moves later; coarser units saturate at the int64 range instead
// of wrapping around.
func (c TimeColumn) Micros(i int) (us int64, ok bool) {
	if c.valid.null(i) {
		return 0, false
	}
	v := int64(c.vals[i])
	switch {
	case c.div > 1:
		q := v / c.div
		if v%c.div < 0 {
			q--
		}
		return q, true
	case c.mul > 1:
		if v > math.MaxInt64/c.mul {
			return math.MaxInt64, true
		}
		if v < math.MinInt64/c.mul {
			return math.MinInt64, true
		}
		return v * c.mul, true
	}
	return v, true
}

// Bytes is about how many bytes of text the column holds: for sizing
// buffers.
func (c StringColumn) Bytes() int {
	switch {
	case c.utf8 != nil:
		return len(c.utf8.ValueBytes())
	case c.large != nil:
		return len(c.large.ValueBytes())
	}
	return 0
}

// ListColumn is a list<string> column of one batch.
type ListColumn struct {
	valid validity
	off32 []int32 // offsets of a LIST, unsliced: index with valid.off+i
	off64 []int64 // offsets of a LARGE_LIST, likewise
	elems StringColumn
}

// Range returns the element index range of row i, for use with Elem;
// start == end for a null or empty list.
func (c ListColumn) Range(i int) (start, end int) {
	if !c.valid.present {
		return 0, 0
	}
	j := c.valid.off + i
	if c.off32 != nil {
		start, end = int(c.off32[j]), int(c.off32[j+1])
	} else {
		start, end = int(c.off64[j]), int(c.off64[j+1])
	}
	// A null list's offsets need not be equal in Arrow.
	if c.valid.null(i) {
		return start, start
	}
	return start, end
}

// Elem returns element j of the batch's flattened lists; ok is false for a
// null element. s shares memory with the batch.
func (c ListColumn) Elem(j int) (s string, ok bool) {
	return c.elems.Value(j)
}

// Bytes is about how many bytes of text the column's lists hold.
func (c ListColumn) Bytes() int { return c.elems.Bytes() }

// Len is about how many elements the column's lists hold.
func (c ListColumn) Len() int {
	switch {
	case c.elems.utf8 != nil:
		return c.elems.utf8.Len()
	case c.elems.large != nil:
		return c.elems.large.Len()
	}
	return 0
}

// BoolColumn is a bool column of one batch.
type BoolColumn struct {
	arr *array.Boolean
}

// Value returns row i; ok is false for null.
func (c BoolColumn) Value(i int) (v bool, ok bool) {
	if c.arr == nil || c.arr.IsNull(i) {
		return false, false
	}
	return c.arr.Value(i), true
}

// IntColumn is an integer column of one batch, widened to int64.
type IntColumn struct {
	valid validity
	vals  []int64
}

// Value returns row i; ok is false for null.
func (c IntColumn) Value(i int) (v int64, ok bool) {
	if c.valid.null(i) {
		return 0, false
	}
	return c.vals[i], true
}
