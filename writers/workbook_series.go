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

// sheetSeries streams the rows of one kind of data sheet. When a sheet is full
// of rows or of links it continues on a numbered sheet of the same kind
// ("Introducers 2", ...) with its own header, so no row is ever dropped.
type sheetSeries struct {
	w       *workbookWriter
	base    string
	cols    []column
	widths  []float64
	linkCol int // 1-based column holding the row's link; 0 when there is none
	sheets  []SheetStats
	sw      *excelize.StreamWriter
	row     int // last row written on the current sheet, the header being 1
	links   int // links on the current sheet
}

func newSheetSeries(w *workbookWriter, base string, cols []column, widths []float64, linkCol int) *sheetSeries {
	return &sheetSeries{w: w, base: base, cols: cols, widths: widths, linkCol: linkCol}
}

// add writes one row. A non-empty link becomes the hyperlink of the link
// column's cell, written when the workbook is saved; values must already
// hold that cell's display text.
func (s *sheetSeries) add(values []any, link string, opts ...excelize.RowOpts) error {
	if s.sw == nil || s.row >= maxRowsPerSheet || (link != "" && s.links >= maxLinksPerSheet) {
		if err := s.next(); err != nil {
			return err
		}
	}
	s.row++
	cur := &s.sheets[len(s.sheets)-1]
	cell, err := excelize.CoordinatesToCellName(1, s.row)
	if err != nil {
		return fmt.Errorf("name row %d of sheet %q: %w", s.row, cur.Name, err)
	}
	if err := s.sw.SetRow(cell, values, opts...); err != nil {
		return fmt.Errorf("write row %d of sheet %q: %w", s.row, cur.Name, err)
	}
	cur.Rows++
	if link == "" {
		return nil
	}
	ref, err := excelize.CoordinatesToCellName(s.linkCol, s.row)
	if err != nil {
		return fmt.Errorf("name link cell of row %d of sheet %q: %w", s.row, cur.Name, err)
	}
	s.w.links[cur.Name] = append(s.w.links[cur.Name], sheetLink{ref: ref, target: link})
	s.links++
	return nil
}

// close finishes the last sheet, creating a header-only one when no row came,
// and returns every sheet of the series in order.
func (s *sheetSeries) close() ([]SheetStats, error) {
	if s.sw == nil {
		if err := s.next(); err != nil {
			return nil, err
		}
	}
	if err := s.finish(); err != nil {
		return nil, err
	}
	return s.sheets, nil
}

// next finishes the current sheet, if any, and opens the following one.
func (s *sheetSeries) next() error {
	if s.sw != nil {
		if err := s.finish(); err != nil {
			return err
		}
	}
	name := s.base
	if len(s.sheets) > 0 {
		name = fmt.Sprintf("%s %d", s.base, len(s.sheets)+1)
	}
	f := s.w.f
	if _, err := f.NewSheet(name); err != nil {
		return fmt.Errorf("add sheet %q: %w", name, err)
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return fmt.Errorf("stream sheet %q: %w", name, err)
	}
	// Widths and panes must precede the first row of a streamed sheet.
	for i, width := range s.widths {
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return fmt.Errorf("set width of column %d of sheet %q: %w", i+1, name, err)
		}
	}
	if err := sw.SetPanes(&excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}); err != nil {
		return fmt.Errorf("freeze header of sheet %q: %w", name, err)
	}
	landscape := "landscape"
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Orientation: &landscape}); err != nil {
		return fmt.Errorf("set page layout of sheet %q: %w", name, err)
	}
	header := make([]any, len(s.cols))
	for i, c := range s.cols {
		header[i] = excelize.Cell{StyleID: s.w.style.header, Value: c.header}
	}
	if err := sw.SetRow("A1", header, excelize.RowOpts{Height: 20}); err != nil {
		return fmt.Errorf("write header of sheet %q: %w", name, err)
	}
	s.sw, s.row, s.links = sw, 1, 0
	s.sheets = append(s.sheets, SheetStats{Name: name})
	return nil
}

// finish puts the autofilter over the current sheet's table and flushes it.
func (s *sheetSeries) finish() error {
	name := s.sheets[len(s.sheets)-1].Name
	last, err := excelize.CoordinatesToCellName(len(s.cols), s.row)
	if err != nil {
		return fmt.Errorf("name last cell of sheet %q: %w", name, err)
	}
	if err := s.w.f.AutoFilter(name, "A1:"+last, nil); err != nil {
		return fmt.Errorf("set autofilter of sheet %q: %w", name, err)
	}
	if err := s.sw.Flush(); err != nil {
		return fmt.Errorf("flush sheet %q: %w", name, err)
	}
	s.sw = nil
	return nil
}
