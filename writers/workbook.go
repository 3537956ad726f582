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
	links     sheetLinks
}

// WriteWorkbook writes the sales-ops workbook for r to path, a new file of
// mode FileMode (path must not exist; the caller's staging area makes it
// visible), and returns what it wrote so the manifest can record it. Errors
// are classified as ErrOutput.
//
// The sheets are Summary (first and active), Introducers, Drafts and
// "No introducer yet"; a list too long for one sheet continues on numbered
// sheets. The data sheets are streamed, so their cells are not held in
// memory; their links are, as cell and URL, until the file is written.
// excelize builds the compressed workbook in memory, which is then copied
// into path with the links added. On error no file is left at path.
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
	stats, links, err := buildWorkbook(f, r)
	if err != nil {
		return WorkbookStats{}, fmt.Errorf("%w: write workbook %s: %w", ErrOutput, path, err)
	}
	pkg, err := f.WriteToBuffer()
	if err != nil {
		return WorkbookStats{}, fmt.Errorf("%w: write workbook %s: %w", ErrOutput, path, err)
	}
	if err := saveWorkbook(pkg.Bytes(), links, path); err != nil {
		return WorkbookStats{}, err
	}
	return stats, nil
}

// buildWorkbook writes the sheets of r into f and returns what it wrote and
// the links still to be added to the saved package.
func buildWorkbook(f *excelize.File, r *Report) (WorkbookStats, sheetLinks, error) {
	if err := f.SetSheetName(f.GetSheetName(0), sheetSummary); err != nil {
		return WorkbookStats{}, nil, fmt.Errorf("name sheet %q: %w", sheetSummary, err)
	}
	// Before any sheet is streamed: SetActiveSheet reads every sheet back,
	// and reading a flushed streamed sheet parses all its rows into memory.
	f.SetActiveSheet(0)
	style, err := newWorkbookStyles(f)
	if err != nil {
		return WorkbookStats{}, nil, err
	}
	w := &workbookWriter{f: f, style: style, links: sheetLinks{}}
	var stats WorkbookStats
	intro, err := w.writeIntroducers(r.Introducers)
	if err != nil {
		return WorkbookStats{}, nil, err
	}
	drafts, err := w.writeDrafts(r.Drafts, leadNames(r.Introducers))
	if err != nil {
		return WorkbookStats{}, nil, err
	}
	gaps, err := w.writeGaps(r.Gaps)
	if err != nil {
		return WorkbookStats{}, nil, err
	}
	stats.Sheets = append(append(intro, drafts...), gaps...)

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
	return stats, w.links, nil
}

// saveWorkbook writes the package pkg, with links added, to a new file at
// path, synced, and removes the file again when any step fails.
func saveWorkbook(pkg []byte, links sheetLinks, path string) (err error) {
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
	if err := linkWorkbook(bw, zr, links); err != nil {
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
