package writers

import (
	"archive/zip"
	"bufio"
	"bytes"
	"fmt"
	"os"
	"time"

	"github.com/xuri/excelize/v2"
)

// WorkbookStats is what WriteWorkbook wrote, for the run manifest.
type WorkbookStats struct {
	// Sheets lists the data sheets, in workbook order: every sheet but the
	// Summary, continuations such as "Introducers 2" included.
	Sheets         []SheetStats
	TruncatedCells int // cells cut at 32,767 characters, the Summary's included
}

// SheetStats is one data sheet of the workbook.
type SheetStats struct {
	Name string
	Rows int // data rows, header excluded
}

// workbookWriter carries what the sheets of one workbook share.
type workbookWriter struct {
	f         *excelize.File
	style     *workbookStyles
	truncated int // text cells cut to fit
	longLinks int // introducer rows whose draft link Excel could not hold
}

// WriteWorkbook writes the sales-ops workbook for r to path, a new file of
// mode FileMode (path must not exist; the caller's staging area makes it
// visible), and returns what it wrote so the manifest can record it. Errors
// are classified as ErrOutput.
//
// The sheets are Summary (first and active), Introducers, Drafts and
// "No introducer yet"; a list too long for one sheet continues on numbered
// sheets. excelize makes the package: the Summary, the styles, and every
// sheet's place in the workbook, its autofilter's defined name included.
// The data sheets' worksheet XML, which is nearly all of the file, is made
// here instead, straight from r, in pieces compressed on every CPU, as the
// package is copied into path. On error no file is left at path.
func WriteWorkbook(path string, r *Report) (stats WorkbookStats, err error) {
	if r == nil {
		return WorkbookStats{}, fmt.Errorf("%w: write workbook %s: no report", ErrOutput, path)
	}
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			_ = os.Remove(path)
			stats, err = WorkbookStats{}, fmt.Errorf("%w: close workbook %s: %w", ErrOutput, path, cerr)
		}
	}()
	stats, sheets, err := buildWorkbook(f, r)
	if err != nil {
		return WorkbookStats{}, fmt.Errorf("%w: write workbook %s: %w", ErrOutput, path, err)
	}
	pkg, err := f.WriteToBuffer()
	if err != nil {
		return WorkbookStats{}, fmt.Errorf("%w: write workbook %s: %w", ErrOutput, path, err)
	}
	if err := saveWorkbook(pkg.Bytes(), sheets, path); err != nil {
		return WorkbookStats{}, err
	}
	return stats, nil
}

// buildWorkbook lays out the data sheets of r, adds them to f with what
// excelize must know of them, writes the Summary, and returns what the
// workbook holds and the data sheets still to be written.
func buildWorkbook(f *excelize.File, r *Report) (WorkbookStats, []*dataSheet, error) {
	if err := f.SetSheetName(f.GetSheetName(0), sheetSummary); err != nil {
		return WorkbookStats{}, nil, fmt.Errorf("name sheet %q: %w", sheetSummary, err)
	}
	f.SetActiveSheet(0) // the Summary is what a reader sees first
	style, err := newWorkbookStyles(f)
	if err != nil {
		return WorkbookStats{}, nil, err
	}
	w := &workbookWriter{f: f, style: style}
	sheets, err := w.addDataSheets(r)
	if err != nil {
		return WorkbookStats{}, nil, err
	}
	var stats WorkbookStats
	for _, s := range sheets {
		stats.Sheets = append(stats.Sheets, SheetStats{Name: s.name, Rows: s.to - s.from})
	}

	facts := summarise(r)
	w.truncated += summaryCuts(r, &facts)
	notes := workbookNotes(stats.Sheets, w.truncated, w.longLinks)
	if err := w.writeSummary(r, &facts, notes); err != nil {
		return WorkbookStats{}, nil, err
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:   "Who knows whom — " + r.AsOf.UTC().Format(time.DateOnly),
		Creator: "wkw",
	}); err != nil {
		return WorkbookStats{}, nil, fmt.Errorf("set document properties: %w", err)
	}
	stats.TruncatedCells = w.truncated
	return stats, sheets, nil
}

// addDataSheets lays out the lists of r on data sheets and adds each sheet
// to f with its autofilter's defined name. The sheets' contents are written
// when the workbook is saved; what they will say is counted here, for the
// Summary.
func (w *workbookWriter) addDataSheets(r *Report) ([]*dataSheet, error) {
	st := w.style
	for i := range r.Introducers {
		if _, tooLong := draftLink(&r.Introducers[i]); tooLong {
			w.longLinks++
		}
	}
	drafts := &sheetLayout{base: sheetDrafts, items: draftList{r.Drafts, leadNames(r.Introducers), st}, cols: draftColumns}
	var sheets []*dataSheet
	for _, l := range []*sheetLayout{
		{base: sheetIntroducers, items: introducerList{r.Introducers, st}, cols: introducerColumns, linkCol: introducerLinkCol},
		drafts,
		{base: sheetGaps, items: gapList{r.Gaps, st}, cols: gapColumns},
	} {
		l.header = st.header
		s, cuts, err := layOut(l)
		if err != nil {
			return nil, err
		}
		sheets = append(sheets, s...)
		w.truncated += cuts
	}
	// A body wraps in a column of its own width, however long it is.
	drafts.widths[draftBodyCol] = draftBodyWidth

	for _, s := range sheets {
		if _, err := w.f.NewSheet(s.name); err != nil {
			return nil, fmt.Errorf("add sheet %q: %w", s.name, err)
		}
		table := string(s.appendLastCell([]byte("A1:")))
		if err := w.f.AutoFilter(s.name, table, nil); err != nil {
			return nil, fmt.Errorf("set autofilter of sheet %q: %w", s.name, err)
		}
	}
	return sheets, nil
}

// saveWorkbook writes the package pkg, with the data sheets made from
// sheets, to a new file at path, synced, and removes the file again when any
// step fails.
func saveWorkbook(pkg []byte, sheets []*dataSheet, path string) (err error) {
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		return fmt.Errorf("%w: read workbook package for %s: %w", ErrOutput, path, err)
	}
	out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, FileMode)
	if err != nil {
		return fmt.Errorf("%w: create workbook %s: %w", ErrOutput, path, err)
	}
	defer func() {
		if err != nil {
			_ = out.Close()
			_ = os.Remove(path)
		}
	}()
	// The zip writer adopts a buffered writer this large instead of
	// wrapping it in its own, and flushes it when closed.
	bw := bufio.NewWriterSize(out, 1<<20)
	if err := writePackage(bw, zr, sheets); err != nil {
		return fmt.Errorf("%w: write workbook %s: %w", ErrOutput, path, err)
	}
	if err := out.Sync(); err != nil {
		return fmt.Errorf("%w: sync workbook %s: %w", ErrOutput, path, err)
	}
	if err := out.Close(); err != nil {
		return fmt.Errorf("%w: close workbook %s: %w", ErrOutput, path, err)
	}
	return nil
}
