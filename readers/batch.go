package readers

import (
	"fmt"

	"github.com/apache/arrow/go/v17/arrow"
)

// Batch is a slice of rows of one row group. It and every value obtained
// from it, strings included, are valid only until the scan callback returns:
// strings are zero-copy views into Arrow buffers that are released or reused
// afterwards, so a caller that keeps a string must copy it (strings.Clone).
type Batch struct {
	File     string // path
	RowGroup int
	Len      int // rows in this batch

	cols  []Column
	views []view
}

// view holds the column view of Columns[c]; only the field of its kind is set.
type view struct {
	str     StringColumn
	tm      TimeColumn
	list    ListColumn
	bl      BoolColumn
	in      IntColumn
	scratch []int64 // widened integers, reused across batches
}

// reset readies b, possibly used before, for a batch of path.
func (b *Batch) reset(path string, rg int, cols []Column) {
	b.File, b.RowGroup, b.cols = path, rg, cols
	if len(b.views) != len(cols) {
		b.views = make([]view, len(cols))
	}
}

// load points the views at rec; pos maps each column to its record field,
// or -1 when the file lacks it.
func (b *Batch) load(rec arrow.Record, pos []int) error {
	b.Len = int(rec.NumRows())
	for c, col := range b.cols {
		v := &b.views[c]
		v.clear()
		if pos[c] < 0 {
			continue
		}
		a := rec.Column(pos[c])
		var err error
		switch col.Kind {
		case String:
			v.str, err = stringView(a, &v.scratch)
		case Timestamp:
			v.tm, err = timeView(a)
		case StringList:
			v.list, err = listView(a, &v.scratch)
		case Bool:
			v.bl, err = boolView(a)
		case Int64:
			v.in, err = intView(a, &v.scratch)
		}
		if err != nil {
			return fmt.Errorf("load column %q: %w", col.Name, err)
		}
	}
	return nil
}

// loadNulls makes a batch of n rows in which every column is null, for a
// file that has none of the projected columns.
func (b *Batch) loadNulls(n int) {
	b.Len = n
	for c := range b.views {
		b.views[c].clear()
	}
}

// clear drops the references to a released record, keeping the scratch.
func (v *view) clear() {
	*v = view{scratch: v.scratch[:0]}
}

func (b *Batch) view(c int, k Kind) *view {
	if got := b.cols[c].Kind; got != k {
		panic(fmt.Sprintf("readers: column %d %q is %s, read as %s", c, b.cols[c].Name, got, k))
	}
	return &b.views[c]
}

// Str returns column c, which must be of kind String.
func (b *Batch) Str(c int) StringColumn { return b.view(c, String).str }

// Time returns column c, which must be of kind Timestamp.
func (b *Batch) Time(c int) TimeColumn { return b.view(c, Timestamp).tm }

// List returns column c, which must be of kind StringList.
func (b *Batch) List(c int) ListColumn { return b.view(c, StringList).list }

// Bool returns column c, which must be of kind Bool.
func (b *Batch) Bool(c int) BoolColumn { return b.view(c, Bool).bl }

// Int returns column c, which must be of kind Int64.
func (b *Batch) Int(c int) IntColumn { return b.view(c, Int64).in }
