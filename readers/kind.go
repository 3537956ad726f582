package readers

import (
	"fmt"

	"github.com/apache/arrow/go/v17/arrow"
)

// Kind is a column type as SPEC §2 states it.
type Kind int

const (
	// String accepts Arrow STRING or LARGE_STRING, and DICTIONARY of either,
	// which pqarrow produces when the file stores an Arrow schema saying so.
	String Kind = iota
	// Timestamp accepts Arrow TIMESTAMP of any unit, with or without a time
	// zone (INT96 arrives as nanoseconds); values are read as UTC microseconds.
	Timestamp
	// StringList accepts LIST or LARGE_LIST whose elements are accepted by String.
	StringList
	// Bool accepts Arrow BOOL.
	Bool
	// Int64 accepts any Arrow integer that fits an int64 losslessly: INT8
	// through INT64 and UINT8 through UINT32. Exporters often narrow counts
	// such as durations to INT32, and refusing those would help nobody.
	// UINT64 is refused because its upper half would not fit.
	Int64
)

// String names the kind as error messages print it.
func (k Kind) String() string {
	switch k {
	case String:
		return "string"
	case Timestamp:
		return "timestamp"
	case StringList:
		return "list<string>"
	case Bool:
		return "bool"
	case Int64:
		return "int64"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// accepts reports whether an Arrow type, as pqarrow reads it from a file,
// can be viewed as kind k.
func (k Kind) accepts(dt arrow.DataType) bool {
	switch k {
	case String:
		return isString(dt)
	case Timestamp:
		return dt.ID() == arrow.TIMESTAMP
	case StringList:
		switch t := dt.(type) {
		case *arrow.ListType:
			return isString(t.Elem())
		case *arrow.LargeListType:
			return isString(t.Elem())
		}
		return false
	case Bool:
		return dt.ID() == arrow.BOOL
	case Int64:
		switch dt.ID() {
		case arrow.INT8, arrow.INT16, arrow.INT32, arrow.INT64,
			arrow.UINT8, arrow.UINT16, arrow.UINT32:
			return true
		}
	}
	return false
}

func isString(dt arrow.DataType) bool {
	switch dt.ID() {
	case arrow.STRING, arrow.LARGE_STRING:
		return true
	case arrow.DICTIONARY:
		v := dt.(*arrow.DictionaryType).ValueType.ID()
		return v == arrow.STRING || v == arrow.LARGE_STRING
	}
	return false
}

// Column is one column a caller projects.
type Column struct {
	Name string
	Kind Kind
	// Required means the column must be present in every file; an absent
	// column that is not required reads as all null. It says nothing about
	// whether values may be null.
	Required bool
}
