package readers

import (
	"errors"
	"math"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"
)

func TestTimestampUnits(t *testing.T) {
	dir := t.TempDir()
	ts := func(name string, unit arrow.TimeUnit) arrow.Field {
		return arrow.Field{Name: name, Type: &arrow.TimestampType{Unit: unit, TimeZone: "UTC"}, Nullable: true}
	}
	sc := arrow.NewSchema([]arrow.Field{
		ts("s", arrow.Second), ts("ms", arrow.Millisecond), ts("us", arrow.Microsecond),
		// No time zone: Parquet's isAdjustedToUTC=false, still read as UTC.
		{Name: "ns", Type: &arrow.TimestampType{Unit: arrow.Nanosecond}, Nullable: true},
	}, nil)
	valid := []bool{true, true, true, false, true, true}
	writeArrow(t, filepath.Join(dir, "t.parquet"), sc, func(b *array.RecordBuilder) {
		b.Field(0).(*array.TimestampBuilder).AppendValues([]arrow.Timestamp{-1, 0, 1_700_000_000, 0, 86_399, 1}, valid)
		b.Field(1).(*array.TimestampBuilder).AppendValues([]arrow.Timestamp{-1_500, 1, 1_700_000_000_123, 0, math.MaxInt64/1000 + 1, math.MinInt64/1000 - 1}, valid)
		b.Field(2).(*array.TimestampBuilder).AppendValues([]arrow.Timestamp{-1, 0, 123, 0, math.MaxInt64, math.MinInt64}, valid)
		b.Field(3).(*array.TimestampBuilder).AppendValues([]arrow.Timestamp{-1, -1_000, -1_001, 0, 1_999, 1_700_000_000_123_456_789}, valid)
	})
	cols := []Column{{Name: "s", Kind: Timestamp}, {Name: "ms", Kind: Timestamp}, {Name: "us", Kind: Timestamp}, {Name: "ns", Kind: Timestamp}}
	tbl := mustOpen(t, dir, "t", cols)

	want := [][]intVal{
		{some(-1_000_000), some(0), some(1_700_000_000_000_000), {}, some(86_399_000_000), some(1_000_000)},
		// Beyond the int64 range in microseconds: saturated, not wrapped.
		{some(-1_500_000), some(1_000), some(1_700_000_000_123_000), {}, some(math.MaxInt64), some(math.MinInt64)},
		{some(-1), some(0), some(123), {}, some(math.MaxInt64), some(math.MinInt64)},
		// Floored: -1 ns is in the microsecond before the epoch.
		{some(-1), some(-1), some(-2), {}, some(1), some(1_700_000_000_123_456)},
	}
	for c, typ := range []string{"timestamp[ms, tz=UTC]", "timestamp[ms, tz=UTC]", "timestamp[us, tz=UTC]", "timestamp[ns]"} {
		assertArrowType(t, tbl, c, typ)
	}
	for c := range cols {
		if got := readMicros(t, tbl, c); !reflect.DeepEqual(got, want[c]) {
			t.Errorf("column %s = %v, want %v", cols[c].Name, got, want[c])
		}
	}
}

func TestTimestampInt96(t *testing.T) {
	dir := t.TempDir()
	sc := arrow.NewSchema([]arrow.Field{{Name: "at", Type: arrow.FixedWidthTypes.Timestamp_ns, Nullable: true}}, nil)
	writeArrowProps(t, filepath.Join(dir, "t.parquet"), sc, func(b *array.RecordBuilder) {
		b.Field(0).(*array.TimestampBuilder).AppendValues([]arrow.Timestamp{-1, -1_500, 1_700_000_000_123_456_789, 0}, []bool{true, true, true, false})
	}, pqarrow.WithDeprecatedInt96Timestamps(true))
	tbl := mustOpen(t, dir, "t", []Column{{Name: "at", Kind: Timestamp}})

	assertArrowType(t, tbl, 0, "timestamp[ns, tz=UTC]")
	want := []intVal{some(-1), some(-2), some(1_700_000_000_123_456), {}}
	if got := readMicros(t, tbl, 0); !reflect.DeepEqual(got, want) {
		t.Errorf("INT96 = %v, want %v", got, want)
	}
}

func TestStringEncodings(t *testing.T) {
	dir := t.TempDir()
	dict := &arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int32, ValueType: arrow.BinaryTypes.String}
	sc := arrow.NewSchema([]arrow.Field{
		{Name: "utf8", Type: arrow.BinaryTypes.String, Nullable: true},
		{Name: "large", Type: arrow.BinaryTypes.LargeString, Nullable: true},
		{Name: "dict", Type: dict, Nullable: true},
	}, nil)
	values := []string{"a", "", "", "ünï", "a"}
	valid := []bool{true, false, true, true, true}
	writeArrow(t, filepath.Join(dir, "t.parquet"), sc, func(b *array.RecordBuilder) {
		b.Field(0).(*array.StringBuilder).AppendValues(values, valid)
		b.Field(1).(*array.LargeStringBuilder).AppendValues(values, valid)
		db := b.Field(2).(*array.BinaryDictionaryBuilder)
		for i, v := range values {
			if !valid[i] {
				db.AppendNull()
			} else if err := db.AppendString(v); err != nil {
				t.Fatal(err)
			}
		}
	})
	cols := []Column{{Name: "utf8", Kind: String}, {Name: "large", Kind: String}, {Name: "dict", Kind: String}}
	tbl := mustOpen(t, dir, "t", cols)

	want := []strVal{str("a"), null, str(""), str("ünï"), str("a")}
	for c := range cols {
		if got := readStrings(t, tbl, c); !reflect.DeepEqual(got, want) {
			t.Errorf("column %s = %v, want %v", cols[c].Name, got, want)
		}
	}
	assertArrowType(t, tbl, 1, "large_utf8")
	assertArrowType(t, tbl, 2, "dictionary<values=utf8, indices=int32, ordered=false>")
}

func TestListEncodings(t *testing.T) {
	dir := t.TempDir()
	sc := arrow.NewSchema([]arrow.Field{
		{Name: "list", Type: arrow.ListOf(arrow.BinaryTypes.String), Nullable: true},
		{Name: "list_large", Type: arrow.ListOf(arrow.BinaryTypes.LargeString), Nullable: true},
	}, nil)
	// pqarrow v17 cannot write LARGE_LIST; columns_test.go covers reading it.
	// Rows: [x, null], null, [], [y], [x, x, z]
	writeArrow(t, filepath.Join(dir, "t.parquet"), sc, func(b *array.RecordBuilder) {
		for c := 0; c < 2; c++ {
			lb := b.Field(c).(array.ListLikeBuilder)
			type appender interface {
				Append(string)
				AppendNull()
			}
			vb := lb.ValueBuilder().(appender)
			lb.Append(true)
			vb.Append("x")
			vb.AppendNull()
			lb.AppendNull()
			lb.AppendEmptyValue()
			lb.Append(true)
			vb.Append("y")
			lb.Append(true)
			vb.Append("x")
			vb.Append("x")
			vb.Append("z")
		}
	})
	cols := []Column{{Name: "list", Kind: StringList}, {Name: "list_large", Kind: StringList}}
	tbl := mustOpen(t, dir, "t", cols)

	assertArrowType(t, tbl, 1, "list<item: large_utf8, nullable>")
	want := [][]strVal{{str("x"), null}, {}, {}, {str("y")}, {str("x"), str("x"), str("z")}}
	for c := range cols {
		if got := readLists(t, tbl, c); !reflect.DeepEqual(got, want) {
			t.Errorf("column %s = %v, want %v", cols[c].Name, got, want)
		}
	}
}

func TestIntegerWidths(t *testing.T) {
	dir := t.TempDir()
	types := []arrow.DataType{
		arrow.PrimitiveTypes.Int8, arrow.PrimitiveTypes.Int16, arrow.PrimitiveTypes.Int32, arrow.PrimitiveTypes.Int64,
		arrow.PrimitiveTypes.Uint8, arrow.PrimitiveTypes.Uint16, arrow.PrimitiveTypes.Uint32,
	}
	var fields []arrow.Field
	var cols []Column
	for _, typ := range types {
		fields = append(fields, arrow.Field{Name: typ.Name(), Type: typ, Nullable: true})
		cols = append(cols, Column{Name: typ.Name(), Kind: Int64})
	}
	valid := []bool{true, true, false, true}
	writeArrow(t, filepath.Join(dir, "t.parquet"), arrow.NewSchema(fields, nil), func(b *array.RecordBuilder) {
		b.Field(0).(*array.Int8Builder).AppendValues([]int8{math.MinInt8, -1, 0, math.MaxInt8}, valid)
		b.Field(1).(*array.Int16Builder).AppendValues([]int16{math.MinInt16, -1, 0, math.MaxInt16}, valid)
		b.Field(2).(*array.Int32Builder).AppendValues([]int32{math.MinInt32, -1, 0, math.MaxInt32}, valid)
		b.Field(3).(*array.Int64Builder).AppendValues([]int64{math.MinInt64, -1, 0, math.MaxInt64}, valid)
		b.Field(4).(*array.Uint8Builder).AppendValues([]uint8{0, 1, 0, math.MaxUint8}, valid)
		b.Field(5).(*array.Uint16Builder).AppendValues([]uint16{0, 1, 0, math.MaxUint16}, valid)
		b.Field(6).(*array.Uint32Builder).AppendValues([]uint32{0, 1, 0, math.MaxUint32}, valid)
	})
	tbl := mustOpen(t, dir, "t", cols)

	want := [][]intVal{
		{some(-128), some(-1), {}, some(127)},
		{some(-32768), some(-1), {}, some(32767)},
		{some(-2147483648), some(-1), {}, some(2147483647)},
		{some(math.MinInt64), some(-1), {}, some(math.MaxInt64)},
		{some(0), some(1), {}, some(255)},
		{some(0), some(1), {}, some(65535)},
		{some(0), some(1), {}, some(4294967295)},
	}
	for c := range cols {
		var got []intVal
		err := scan(t, tbl, 3, func(b *Batch) error {
			col := b.Int(c)
			for i := 0; i < b.Len; i++ {
				v, ok := col.Value(i)
				got = append(got, intVal{v, ok})
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want[c]) {
			t.Errorf("column %s = %v, want %v", cols[c].Name, got, want[c])
		}
	}
}

// assertArrowType makes sure a test really exercised the encoding it names,
// rather than pqarrow quietly reading it as another type.
func assertArrowType(t *testing.T, tbl *Table, c int, want string) {
	t.Helper()
	pf, _, err := openParquet(tbl.Files[0].Path, memory.DefaultAllocator)
	if err != nil {
		t.Fatal(err)
	}
	defer pf.Close()
	m, err := pqarrow.NewSchemaManifest(pf.MetaData().Schema, pf.MetaData().KeyValueMetadata(), &pqarrow.ArrowReadProperties{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range m.Fields {
		if f.Field.Name == tbl.Columns[c].Name {
			if got := f.Field.Type.String(); got != want {
				t.Errorf("column %s reads as %s, want %s", f.Field.Name, got, want)
			}
			return
		}
	}
	t.Errorf("column %s not in file", tbl.Columns[c].Name)
}

func TestSchemaErrors(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "t.parquet")
	sc := arrow.NewSchema([]arrow.Field{
		{Name: "i64", Type: arrow.PrimitiveTypes.Int64},
		{Name: "u64", Type: arrow.PrimitiveTypes.Uint64},
		{Name: "f64", Type: arrow.PrimitiveTypes.Float64},
		{Name: "i32", Type: arrow.PrimitiveTypes.Int32},
		{Name: "str", Type: arrow.BinaryTypes.String},
		{Name: "bin", Type: arrow.BinaryTypes.Binary},
		{Name: "date", Type: arrow.FixedWidthTypes.Date32},
		{Name: "ints", Type: arrow.ListOf(arrow.PrimitiveTypes.Int64)},
		{Name: "meta", Type: arrow.StructOf(arrow.Field{Name: "message_id", Type: arrow.BinaryTypes.String})},
		{Name: "Email", Type: arrow.BinaryTypes.String},
	}, nil)
	writeArrow(t, path, sc, func(b *array.RecordBuilder) {
		b.Field(0).(*array.Int64Builder).Append(1)
		b.Field(1).(*array.Uint64Builder).Append(1)
		b.Field(2).(*array.Float64Builder).Append(1)
		b.Field(3).(*array.Int32Builder).Append(1)
		b.Field(4).(*array.StringBuilder).Append("s")
		b.Field(5).(*array.BinaryBuilder).Append([]byte("b"))
		b.Field(6).(*array.Date32Builder).Append(1)
		lb := b.Field(7).(*array.ListBuilder)
		lb.Append(true)
		lb.ValueBuilder().(*array.Int64Builder).Append(1)
		sb := b.Field(8).(*array.StructBuilder)
		sb.Append(true)
		sb.FieldBuilder(0).(*array.StringBuilder).Append("m")
		b.Field(9).(*array.StringBuilder).Append("e")
	})
	tests := []struct {
		col     Column
		mention string
	}{
		{Column{Name: "i64", Kind: String}, `column "i64" has type int64, want string`},
		{Column{Name: "bin", Kind: String}, `column "bin" has type binary, want string`},
		{Column{Name: "i64", Kind: Timestamp}, `column "i64" has type int64, want timestamp`},
		{Column{Name: "date", Kind: Timestamp}, `column "date" has type date32, want timestamp`},
		{Column{Name: "ints", Kind: StringList}, `column "ints" has type list<list: int64, nullable>, want list<string>`},
		{Column{Name: "str", Kind: StringList}, `column "str" has type utf8, want list<string>`},
		{Column{Name: "i32", Kind: Bool}, `column "i32" has type int32, want bool`},
		{Column{Name: "u64", Kind: Int64}, `column "u64" has type uint64, want int64`},
		{Column{Name: "f64", Kind: Int64}, `column "f64" has type float64, want int64`},
		{Column{Name: "str", Kind: Int64}, `column "str" has type utf8, want int64`},
		// A wrong type fails even for a column that is not required.
		{Column{Name: "str", Kind: Bool, Required: false}, `column "str" has type utf8, want bool`},
		{Column{Name: "missing", Kind: String, Required: true}, `required column "missing" is missing`},
		// Only top-level fields count, and names are case-sensitive.
		{Column{Name: "message_id", Kind: String, Required: true}, `required column "message_id" is missing`},
		{Column{Name: "email", Kind: String, Required: true}, `required column "email" is missing`},
	}
	for _, tt := range tests {
		t.Run(tt.col.Name+"/"+tt.col.Kind.String(), func(t *testing.T) {
			_, err := Open(dir, "t", []Column{{Name: "i64", Kind: Int64, Required: true}, tt.col})
			if !errors.Is(err, ErrSchema) {
				t.Fatalf("Open = %v, want ErrSchema", err)
			}
			if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), tt.mention) {
				t.Errorf("error %q does not name %s and say %s", err, path, tt.mention)
			}
		})
	}
}

func TestSchemaErrorInLaterPart(t *testing.T) {
	dir := t.TempDir()
	writeGo(t, filepath.Join(dir, "users", "part-0.parquet"), []idRow{{"a"}})
	type other struct {
		UserID string `parquet:"user_id"`
	}
	bad := filepath.Join(dir, "users", "part-1.parquet")
	writeGo(t, bad, []other{{"b"}})

	_, err := Open(dir, "users", idCols)
	if !errors.Is(err, ErrSchema) || !strings.Contains(err.Error(), bad) || !strings.Contains(err.Error(), `"id"`) {
		t.Fatalf("Open = %v, want ErrSchema naming %s and \"id\"", err, bad)
	}
}

func TestListLegacyRepeatedField(t *testing.T) {
	// Without the list tag parquet-go writes a bare repeated field, the
	// two-level form older writers use; it still is a list of strings.
	type legacy struct {
		To []string `parquet:"to_addresses"`
	}
	dir := t.TempDir()
	writeGo(t, filepath.Join(dir, "t.parquet"), []legacy{{[]string{"a", "b"}}, {nil}, {[]string{"c"}}})
	tbl := mustOpen(t, dir, "t", []Column{{Name: "to_addresses", Kind: StringList, Required: true}})

	want := [][]strVal{{str("a"), str("b")}, {}, {str("c")}}
	if got := readLists(t, tbl, 0); !reflect.DeepEqual(got, want) {
		t.Errorf("lists = %v, want %v", got, want)
	}
}
