package samples

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/parquet-go/parquet-go"
)

const (
	// At most synthBatch rows go to one part before the next part takes
	// over, so rows (and the copies of one message, emitted thousands of
	// rows apart) spread over all parts, as a parallel export leaves them.
	synthBatch = 4096
	// synthRowGroup is where each part cuts a row group: big enough for
	// realistic scans, small enough that readers can go one group at a time.
	synthRowGroup = 1 << 17
	// synthReportEvery rows, the progress callback hears from the writer.
	synthReportEvery = 1 << 20
)

// partWriter streams one table into NAME.parquet, or into
// NAME/part-00000.parquet … when parts > 1, holding at most one batch of
// rows and each part's current row group.
type partWriter[T any] struct {
	name, path string
	files      []*os.File
	ws         []*parquet.GenericWriter[T]
	batch      []T
	part       int
	rows       int64
	total      int64
	nextReport int64
	progress   func(string)
}

func newPartWriter[T any](dir, name string, parts int, total int64, progress func(string)) (*partWriter[T], error) {
	// Small tables take smaller batches, so that every part gets rows.
	batch := min(max(total/int64(parts*8), 64), synthBatch)
	pw := &partWriter[T]{name: name, total: total, nextReport: synthReportEvery, progress: progress,
		batch: make([]T, 0, batch)}
	paths := []string{filepath.Join(dir, name+".parquet")}
	pw.path = paths[0]
	if parts > 1 {
		pw.path = filepath.Join(dir, name)
		if err := os.Mkdir(pw.path, 0o755); err != nil {
			return nil, fmt.Errorf("create table directory %s: %w", pw.path, err)
		}
		paths = paths[:0]
		for i := range parts {
			paths = append(paths, filepath.Join(pw.path, fmt.Sprintf("part-%05d.parquet", i)))
		}
	}
	for _, path := range paths {
		f, err := os.Create(path)
		if err != nil {
			pw.abort()
			return nil, fmt.Errorf("create %s: %w", path, err)
		}
		pw.files = append(pw.files, f)
		pw.ws = append(pw.ws, parquet.NewGenericWriter[T](f,
			parquet.Compression(&parquet.Snappy),
			parquet.MaxRowsPerRowGroup(synthRowGroup),
			parquet.CreatedBy("wkw-generate", "1", "synthetic"),
		))
	}
	return pw, nil
}

func (pw *partWriter[T]) add(row T) error {
	pw.batch = append(pw.batch, row)
	if len(pw.batch) < cap(pw.batch) {
		return nil
	}
	return pw.flush()
}

// flush hands the batch to the current part and moves on to the next.
func (pw *partWriter[T]) flush() error {
	if len(pw.batch) == 0 {
		return nil
	}
	if _, err := pw.ws[pw.part].Write(pw.batch); err != nil {
		return fmt.Errorf("write %s: %w", pw.files[pw.part].Name(), err)
	}
	pw.rows += int64(len(pw.batch))
	clear(pw.batch) // drop references so finished rows can be collected
	pw.batch = pw.batch[:0]
	pw.part = (pw.part + 1) % len(pw.ws)
	if pw.progress != nil && pw.rows >= pw.nextReport {
		pw.progress(fmt.Sprintf("%s: %d/%d rows", pw.name, pw.rows, pw.total))
		pw.nextReport += synthReportEvery
	}
	return nil
}

// close writes what is left, finishes every part and reports the table
// done. On error the caller discards the whole output directory.
func (pw *partWriter[T]) close() error {
	if err := pw.flush(); err != nil {
		pw.abort()
		return err
	}
	var errs []error
	for i, w := range pw.ws {
		if err := w.Close(); err != nil {
			errs = append(errs, fmt.Errorf("finish %s: %w", pw.files[i].Name(), err))
		}
	}
	for _, f := range pw.files {
		if err := f.Close(); err != nil {
			errs = append(errs, fmt.Errorf("close %s: %w", f.Name(), err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	if pw.progress != nil {
		pw.progress(fmt.Sprintf("%s: %d/%d rows, done", pw.name, pw.rows, pw.total))
	}
	return nil
}

// abort closes the files without finishing them; Synthesize removes them.
func (pw *partWriter[T]) abort() {
	for _, f := range pw.files {
		f.Close()
	}
}

// writeAll streams rows from next (which returns false when done) into a
// table, checking for cancellation between batches.
func writeAll[T any](pw *partWriter[T], ctxErr func() error, next func(*T) bool) error {
	var row T
	for i := 0; next(&row); i++ {
		if i%synthBatch == 0 {
			if err := ctxErr(); err != nil {
				pw.abort()
				return fmt.Errorf("generate %s: %w", pw.name, err)
			}
		}
		if err := pw.add(row); err != nil {
			pw.abort()
			return err
		}
	}
	return pw.close()
}
