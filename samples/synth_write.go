package samples

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

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
// NAME/part-00000.parquet … when parts > 1. Each part is encoded and
// compressed by its own goroutine, which is where most of the time goes,
// while the caller's goroutine draws the rows; each part still receives
// its batches in a fixed order, so the bytes do not depend on scheduling.
// Memory holds a few batches per part and each part's current row group.
type partWriter[T any] struct {
	name       string
	sinks      []*partSink[T]
	free       chan []T // empty batches, handed back by the sinks
	batch      []T
	part       int
	rows       int64
	total      int64
	nextReport int64
	progress   func(string)
	wg         sync.WaitGroup
	fail       chan error // the first sink error, if any
	aborted    bool       // read by the sinks only after their input is closed
	stopped    bool
}

// partSink owns one part file and the goroutine that writes it.
type partSink[T any] struct {
	f   *os.File
	w   *parquet.GenericWriter[T]
	in  chan []T
	err error // set before wg.Done
}

func newPartWriter[T any](dir, name string, parts int, total int64, progress func(string)) (*partWriter[T], error) {
	paths := []string{filepath.Join(dir, name+".parquet")}
	if parts > 1 {
		sub := filepath.Join(dir, name)
		if err := os.Mkdir(sub, 0o755); err != nil {
			return nil, fmt.Errorf("create table directory %s: %w", sub, err)
		}
		paths = paths[:0]
		for i := range parts {
			paths = append(paths, filepath.Join(sub, fmt.Sprintf("part-%05d.parquet", i)))
		}
	}
	// Small tables take smaller batches, so that every part gets rows.
	size := int(min(max(total/int64(parts*8), 64), synthBatch))
	pw := &partWriter[T]{name: name, total: total, nextReport: synthReportEvery, progress: progress,
		free: make(chan []T, 2*parts+1), fail: make(chan error, 1)}
	for range cap(pw.free) {
		pw.free <- make([]T, 0, size)
	}
	pw.batch = <-pw.free
	for _, path := range paths {
		f, err := os.Create(path)
		if err != nil {
			pw.abort()
			return nil, fmt.Errorf("create %s: %w", path, err)
		}
		s := &partSink[T]{f: f, in: make(chan []T, 1), w: parquet.NewGenericWriter[T](f,
			parquet.Compression(&parquet.Snappy),
			parquet.MaxRowsPerRowGroup(synthRowGroup),
			parquet.CreatedBy("wkw-generate", "1", "synthetic"),
			// Finished pages wait in files beside the output rather than
			// in memory: with every part's row group open at once, that
			// is the difference between ~150 and ~250 MB resident.
			parquet.ColumnPageBuffers(parquet.NewFileBufferPool(dir, ".pages-*")),
		)}
		pw.sinks = append(pw.sinks, s)
		pw.wg.Add(1)
		go pw.drain(s)
	}
	return pw, nil
}

// drain writes the batches sent to one part, then finishes the file. After
// an error it keeps taking batches, so the producer never blocks on it.
func (pw *partWriter[T]) drain(s *partSink[T]) {
	defer pw.wg.Done()
	var err error
	for b := range s.in {
		if err == nil {
			if _, werr := s.w.Write(b); werr != nil {
				err = fmt.Errorf("write %s: %w", s.f.Name(), werr)
				select {
				case pw.fail <- err:
				default:
				}
			}
		}
		clear(b) // drop references so finished rows can be collected
		pw.free <- b[:0]
	}
	if err == nil && !pw.aborted {
		if cerr := s.w.Close(); cerr != nil {
			err = fmt.Errorf("finish %s: %w", s.f.Name(), cerr)
		}
	}
	if cerr := s.f.Close(); cerr != nil && err == nil {
		err = fmt.Errorf("close %s: %w", s.f.Name(), cerr)
	}
	s.err = err
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
	select {
	case err := <-pw.fail:
		return err
	default:
	}
	pw.rows += int64(len(pw.batch))
	pw.sinks[pw.part].in <- pw.batch
	pw.batch = <-pw.free
	pw.part = (pw.part + 1) % len(pw.sinks)
	if pw.progress != nil && pw.rows >= pw.nextReport {
		pw.progress(fmt.Sprintf("%s: %d/%d rows", pw.name, pw.rows, pw.total))
		pw.nextReport += synthReportEvery
	}
	return nil
}

// close writes what is left, waits for every part to be finished and
// reports the table done.
func (pw *partWriter[T]) close() error {
	if err := pw.flush(); err != nil {
		pw.abort()
		return err
	}
	pw.stop()
	var errs []error
	for _, s := range pw.sinks {
		errs = append(errs, s.err)
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	if pw.progress != nil {
		pw.progress(fmt.Sprintf("%s: %d/%d rows, done", pw.name, pw.rows, pw.total))
	}
	return nil
}

func (pw *partWriter[T]) stop() {
	if pw.stopped {
		return
	}
	pw.stopped = true
	for _, s := range pw.sinks {
		close(s.in)
	}
	pw.wg.Wait()
}

// abort stops the goroutines and closes the files without finishing them;
// Synthesize removes them with the rest of its temporary directory.
func (pw *partWriter[T]) abort() {
	pw.aborted = true
	pw.stop()
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
