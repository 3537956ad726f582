package writers

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// Excel's limits per worksheet. Variables, not constants, so that tests can
// lower them and reach the continuation onto numbered sheets with a few rows.
var (
	maxRowsPerSheet = excelize.TotalRows // header row included
	// Excel's own limit, one more than excelize's constant.
	maxLinksPerSheet = excelize.TotalSheetHyperlinks + 1
)

// column is one column of a data sheet.
type column struct {
	header   string
	maxWidth int // the widest the column grows to fit its text; 0 fits the header only
}

// A dataList is one list the workbook shows, one row per item, on as many
// data sheets as it needs.
type dataList interface {
	len() int
	// cells gives the cells of item i's row to c.
	cells(c cellSink, i int)
	// height is the height in points item i's row needs, 0 for the default.
	height(i int) float64
	// link is the target of the link on item i's row, "" for none.
	link(i int) string
}

// sheetLayout is what the sheets of one list share.
type sheetLayout struct {
	base    string // name of the first sheet; the next ones add " 2", " 3", ...
	items   dataList
	cols    []column
	names   []string // the columns' names: "A", "B", ...
	widths  []float64
	linkCol int // 0-based column holding a row's link
	header  int // style of the header row
}

// dataSheet is one data sheet: a run of its list's items.
type dataSheet struct {
	*sheetLayout
	name     string
	from, to int   // items from to to-1 of the list
	links    []int // the items with a link, in order
}

// row is the sheet row of item i, the header being row 1.
func (s *dataSheet) row(i int) int { return i - s.from + 2 }

// layOut spreads the items of l over data sheets named l.base, "l.base 2",
// ...: a sheet is full at maxRowsPerSheet rows or maxLinksPerSheet links,
// and the list continues on the next, so no row is ever dropped. A list
// without items gets a sheet with its header only. It returns the sheets,
// whose widths fit the whole list, and how many texts of it are too long
// for a cell.
func layOut(l *sheetLayout) ([]*dataSheet, int, error) {
	l.names = make([]string, len(l.cols))
	for i := range l.cols {
		name, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return nil, 0, fmt.Errorf("name column %d of sheet %q: %w", i+1, l.base, err)
		}
		l.names[i] = name
	}
	fit := newWidthFit(l.cols)
	var sheets []*dataSheet
	var cur *dataSheet
	next := func(from int) {
		name := l.base
		if len(sheets) > 0 {
			name = fmt.Sprintf("%s %d", l.base, len(sheets)+1)
		}
		cur = &dataSheet{sheetLayout: l, name: name, from: from, to: from}
		sheets = append(sheets, cur)
	}
	for i := range l.items.len() {
		fit.col = 0
		l.items.cells(fit, i)
		linked := l.items.link(i) != ""
		if cur == nil || cur.to-cur.from >= maxRowsPerSheet-1 || (linked && len(cur.links) >= maxLinksPerSheet) {
			next(i)
		}
		if linked {
			cur.links = append(cur.links, i)
		}
		cur.to++
	}
	if cur == nil {
		next(0)
	}
	l.widths = fit.widths()
	return sheets, fit.cuts, nil
}
