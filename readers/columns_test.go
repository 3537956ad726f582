package readers

import (
	"errors"
	"math"
	"reflect"
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
)

// These tests build column views straight from Arrow arrays, for the shapes
// that no Parquet writer at hand produces: sliced arrays, LARGE_LIST, null
// lists with unequal offsets, timestamps in seconds, odd dictionaries.

func TestTimeColumnSecondsSaturate(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	b := array.NewTimestampBuilder(mem, &arrow.TimestampType{Unit: arrow.Second})
	defer b.Release()
	b.AppendValues([]arrow.Timestamp{math.MaxInt64/1_000_000 + 1, math.MinInt64/1_000_000 - 1, math.MaxInt64 / 1_000_000, -1}, nil)
	a := b.NewArray()
	defer a.Release()

	c, err := timeView(a)
	if err != nil {
		t.Fatal(err)
	}
	want := []int64{math.MaxInt64, math.MinInt64, 9_223_372_036_854_000_000, -1_000_000}
	for i, w := range want {
		if got, ok := c.Micros(i); got != w || !ok {
			t.Errorf("Micros(%d) = %d, %v, want %d", i, got, ok, w)
		}
	}
}

func TestListColumnOfSlicedList(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	b := array.NewListBuilder(mem, arrow.BinaryTypes.String)
	defer b.Release()
	vb := b.ValueBuilder().(*array.StringBuilder)
	b.Append(true) // [a] — sliced off
	vb.Append("a")
	b.Append(true) // [b, null]
	vb.Append("b")
	vb.AppendNull()
	b.AppendNull()
	b.Append(true) // [c]
	vb.Append("c")
	full := b.NewArray()
	defer full.Release()
	a := array.NewSlice(full, 1, 4)
	defer a.Release()

	var scratch []int64
	c, err := listView(a, &scratch)
	if err != nil {
		t.Fatal(err)
	}
	if got := listRows(c, 3); !reflect.DeepEqual(got, [][]strVal{{str("b"), null}, {}, {str("c")}}) {
		t.Errorf("rows = %v", got)
	}
}

func TestListColumnNullWithUnequalOffsets(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	sb := array.NewStringBuilder(mem)
	defer sb.Release()
	sb.AppendValues([]string{"hidden", "hidden", "z"}, nil)
	values := sb.NewArray()
	defer values.Release()
	offsets := memory.NewBufferBytes(arrow.Int32Traits.CastToBytes([]int32{0, 2, 3}))
	validity := memory.NewBufferBytes([]byte{0b10}) // row 0 null, row 1 valid
	data := array.NewData(arrow.ListOf(arrow.BinaryTypes.String), 2, []*memory.Buffer{validity, offsets}, []arrow.ArrayData{values.Data()}, 1, 0)
	defer data.Release()
	a := array.NewListData(data)
	defer a.Release()

	var scratch []int64
	c, err := listView(a, &scratch)
	if err != nil {
		t.Fatal(err)
	}
	if s, e := c.Range(0); s != e {
		t.Errorf("Range(0) of a null list = %d, %d, want an empty range", s, e)
	}
	if s, e := c.Range(1); s != 2 || e != 3 {
		t.Errorf("Range(1) = %d, %d, want 2, 3", s, e)
	}
}

func TestListColumnOfLargeList(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	b := array.NewLargeListBuilder(mem, arrow.BinaryTypes.LargeString)
	defer b.Release()
	vb := b.ValueBuilder().(*array.LargeStringBuilder)
	b.Append(true)
	vb.Append("p")
	vb.AppendNull()
	b.AppendEmptyValue()
	b.AppendNull()
	b.Append(true)
	vb.Append("q")
	a := b.NewArray()
	defer a.Release()

	var scratch []int64
	c, err := listView(a, &scratch)
	if err != nil {
		t.Fatal(err)
	}
	if got := listRows(c, 4); !reflect.DeepEqual(got, [][]strVal{{str("p"), null}, {}, {}, {str("q")}}) {
		t.Errorf("rows = %v", got)
	}
}

func listRows(c ListColumn, n int) [][]strVal {
	var rows [][]strVal
	for i := 0; i < n; i++ {
		row := []strVal{}
		start, end := c.Range(i)
		for j := start; j < end; j++ {
			s, ok := c.Elem(j)
			row = append(row, strVal{s, ok})
		}
		rows = append(rows, row)
	}
	return rows
}

func TestStringColumnDictionaryOfLargeStrings(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	dict := newLargeStrings(t, mem, []string{"x", "", "y"}, []bool{true, false, true})
	defer dict.Release()
	idx := array.NewUint8Builder(mem)
	defer idx.Release()
	idx.AppendValues([]uint8{2, 0, 0, 1, 2}, []bool{true, true, false, true, true})
	codes := idx.NewArray()
	defer codes.Release()
	full := array.NewDictionaryArray(&arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Uint8, ValueType: arrow.BinaryTypes.LargeString}, codes, dict)
	defer full.Release()
	a := array.NewSlice(full, 1, 5)
	defer a.Release()

	var scratch []int64
	c, err := stringView(a, &scratch)
	if err != nil {
		t.Fatal(err)
	}
	// A null code and a code pointing at a null value both read as null.
	want := []strVal{str("x"), null, null, str("y")}
	for i, w := range want {
		if s, ok := c.Value(i); s != w.s || ok != w.ok {
			t.Errorf("Value(%d) = %q, %v, want %v", i, s, ok, w)
		}
	}
}

func TestStringColumnDictionaryCodeOutOfRange(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	dict := newLargeStrings(t, mem, []string{"x", "y"}, nil)
	defer dict.Release()
	idx := array.NewInt32Builder(mem)
	defer idx.Release()
	idx.AppendValues([]int32{1, 2}, nil)
	codes := idx.NewArray()
	defer codes.Release()
	a := array.NewDictionaryArray(&arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int32, ValueType: arrow.BinaryTypes.LargeString}, codes, dict)
	defer a.Release()

	var scratch []int64
	if _, err := stringView(a, &scratch); !errors.Is(err, ErrCorrupt) {
		t.Errorf("stringView = %v, want ErrCorrupt for code 2 of 2 values", err)
	}
}

func newLargeStrings(t *testing.T, mem memory.Allocator, vals []string, valid []bool) arrow.Array {
	t.Helper()
	b := array.NewLargeStringBuilder(mem)
	defer b.Release()
	b.AppendValues(vals, valid)
	return b.NewArray()
}

func TestIntColumnOfSlicedNarrowArray(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	b := array.NewInt16Builder(mem)
	defer b.Release()
	b.AppendValues([]int16{1, -2, 3, -4}, []bool{true, true, false, true})
	full := b.NewArray()
	defer full.Release()
	a := array.NewSlice(full, 1, 4)
	defer a.Release()

	scratch := make([]int64, 0, 1) // too small: must grow, not overrun
	c, err := intView(a, &scratch)
	if err != nil {
		t.Fatal(err)
	}
	got := []intVal{}
	for i := 0; i < 3; i++ {
		v, ok := c.Value(i)
		got = append(got, intVal{v, ok})
	}
	if want := []intVal{some(-2), {}, some(-4)}; !reflect.DeepEqual(got, want) {
		t.Errorf("values = %v, want %v", got, want)
	}
}

func TestViewsOfUnexpectedArrays(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	b := array.NewFloat64Builder(mem)
	defer b.Release()
	b.Append(1)
	a := b.NewArray()
	defer a.Release()
	var scratch []int64

	_, e1 := stringView(a, &scratch)
	_, e2 := timeView(a)
	_, e3 := listView(a, &scratch)
	_, e4 := boolView(a)
	_, e5 := intView(a, &scratch)
	for i, err := range []error{e1, e2, e3, e4, e5} {
		if !errors.Is(err, ErrSchema) {
			t.Errorf("view %d of float64 = %v, want ErrSchema", i, err)
		}
	}
}

func TestZeroColumnsAreAllNull(t *testing.T) {
	if s, ok := (StringColumn{}).Value(3); s != "" || ok {
		t.Errorf("StringColumn{}.Value = %q, %v", s, ok)
	}
	if v, ok := (TimeColumn{}).Micros(3); v != 0 || ok {
		t.Errorf("TimeColumn{}.Micros = %d, %v", v, ok)
	}
	if s, e := (ListColumn{}).Range(3); s != 0 || e != 0 {
		t.Errorf("ListColumn{}.Range = %d, %d", s, e)
	}
	if v, ok := (BoolColumn{}).Value(3); v || ok {
		t.Errorf("BoolColumn{}.Value = %v, %v", v, ok)
	}
	if v, ok := (IntColumn{}).Value(3); v != 0 || ok {
		t.Errorf("IntColumn{}.Value = %d, %v", v, ok)
	}
}

func TestSweeperFreesWhatIsLeft(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	s := newSweeper(mem)
	a := s.Allocate(10)
	b := s.Allocate(20)
	_ = s.Allocate(0)
	_ = s.Reallocate(200, b)
	s.Free(a)
	if got := mem.CurrentAlloc(); got != 200 {
		t.Fatalf("before sweep %d bytes allocated, want 200", got)
	}

	s.sweep()

	mem.AssertSize(t, 0)
	_ = s.Allocate(5) // still usable, and sweeps again
	s.sweep()
	mem.AssertSize(t, 0)
}

// A request over maxBuffer is refused before anything below the sweeper
// counts it, and the buffer it would have replaced is still swept (a fuzz
// input asked to grow a buffer to 17 GB; the checked allocator had counted
// the 17 GB and the sweeper had lost the old buffer).
func TestSweeperRefusesHugeRequests(t *testing.T) {
	mem := memory.NewCheckedAllocator(NewPool(1 << 20))
	s := newSweeper(mem)
	b := s.Allocate(100)
	for _, grow := range []func(){
		func() { s.Reallocate(maxBuffer+1, b) },
		func() { s.Allocate(maxBuffer + 1) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Error("a request over maxBuffer did not panic")
				}
			}()
			grow()
		}()
	}
	if got := mem.CurrentAlloc(); got != 100 {
		t.Fatalf("after the refusals %d bytes allocated, want 100", got)
	}

	s.sweep()

	mem.AssertSize(t, 0)
}
