package writers

import (
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
// sheets. The data sheets are streamed, so their cells are not held in
// memory; their links are, until the file is written, and excelize builds
// the compressed file in memory before writing it. On error no file is left
// at path.
func WriteWorkbook(path string, r *Report) (stats WorkbookStats, err error) {
	if r == nil {
		return WorkbookStats{}, fmt.Errorf("%w: write workbook %s: no report", ErrOutput, path)
	}
	f := excelize.NewFile()
	defer func() {
		// Close removes the streamed sheets' temporary files.
		if cerr := f.Close(); cerr != nil && err == nil {
			_ = os.Remove(path)
			stats, err = WorkbookStats{}, fmt.Errorf("%w: close workbook %s: %w", ErrOutput, path, cerr)
		}
	}()
	stats, err = buildWorkbook(f, r)
	if err != nil {
		return WorkbookStats{}, fmt.Errorf("%w: write workbook %s: %w", ErrOutput, path, err)
	}
	if err := saveWorkbook(f, path); err != nil {
		return WorkbookStats{}, err
	}
	return stats, nil
}

func buildWorkbook(f *excelize.File, r *Report) (WorkbookStats, error) {
	if err := f.SetSheetName(f.GetSheetName(0), sheetSummary); err != nil {
		return WorkbookStats{}, fmt.Errorf("name sheet %q: %w", sheetSummary, err)
	}
	// Before any sheet is streamed: SetActiveSheet reads every sheet back,
	// and reading a flushed streamed sheet parses all its rows into memory.
	f.SetActiveSheet(0)
	style, err := newWorkbookStyles(f)
	if err != nil {
		return WorkbookStats{}, err
	}
	w := &workbookWriter{f: f, style: style}
	var stats WorkbookStats
	intro, err := w.writeIntroducers(r.Introducers)
	if err != nil {
		return WorkbookStats{}, err
	}
	drafts, err := w.writeDrafts(r.Drafts, leadNames(r.Introducers))
	if err != nil {
		return WorkbookStats{}, err
	}
	gaps, err := w.writeGaps(r.Gaps)
	if err != nil {
		return WorkbookStats{}, err
	}
	stats.Sheets = append(append(intro, drafts...), gaps...)

	facts := summarise(r)
	w.truncated += summaryCuts(r, &facts)
	notes := workbookNotes(stats.Sheets, w.truncated, w.longLinks)
	if err := w.writeSummary(r, &facts, notes); err != nil {
		return WorkbookStats{}, err
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:   "Who knows whom — " + r.AsOf.UTC().Format(time.DateOnly),
		Creator: "wkw",
	}); err != nil {
		return WorkbookStats{}, fmt.Errorf("set document properties: %w", err)
	}
	stats.TruncatedCells = w.truncated
	return stats, nil
}

// saveWorkbook writes f to a new file at path, synced, and removes the file
// again when any step fails.
func saveWorkbook(f *excelize.File, path string) (err error) {
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
	if err := f.Write(out); err != nil {
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
