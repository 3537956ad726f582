package readers

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"
)

const defaultBatchSize = 64 << 10

// Scan reads every file in order, row group by row group, batchSize rows at
// a time (batchSize <= 0 means 64Ki rows), projecting only the columns of
// t.Columns that a file has, and calls fn for each batch, sequentially.
//
// ctx is checked between batches. A row group that yields a different number
// of rows than its footer declares, or whose decoding fails or panics, fails
// with ErrCorrupt naming the file and row group. An error from fn stops the
// scan and is returned unchanged; a panic in fn is not recovered. All Arrow
// memory taken from mem is released before Scan returns, on every path.
func (t *Table) Scan(ctx context.Context, mem memory.Allocator, batchSize int, fn func(b *Batch) error) error {
	if batchSize <= 0 {
		batchSize = defaultBatchSize
	}
	for _, f := range t.Files {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("scan table %q: %w", t.Name, err)
		}
		if err := t.scanFile(ctx, mem, f.Path, batchSize, fn); err != nil {
			return err
		}
	}
	return nil
}

func (t *Table) scanFile(ctx context.Context, mem memory.Allocator, path string, batchSize int, fn func(*Batch) error) error {
	// The footer is read again rather than kept from Open: holding every
	// part open between Open and Scan would cost a descriptor per part, and
	// projecting again protects against a file replaced in between.
	sw := newSweeper(mem)
	defer sw.sweep()
	pf, _, err := openParquet(path, sw)
	if err != nil {
		return err
	}
	defer pf.Close()
	var fr *pqarrow.FileReader
	err = guard(func() (err error) {
		fr, err = pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{BatchSize: int64(batchSize)}, sw)
		return err
	})
	if err != nil {
		return fmt.Errorf("%w: file %q: read schema: %w", ErrSchema, path, err)
	}
	p, err := project(path, fr.Manifest, t.Columns)
	if err != nil {
		return err
	}
	b := newBatch(path, t.Columns)
	md := pf.MetaData()
	for rg := 0; rg < len(md.RowGroups); rg++ {
		b.RowGroup = rg
		want := md.RowGroup(rg).NumRows()
		if len(p.leaves) == 0 {
			err = scanNulls(ctx, b, want, batchSize, fn)
		} else {
			err = scanRowGroup(ctx, fr, p, b, want, fn)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// scanRowGroup streams one row group. Only the calls into pqarrow are
// guarded, so that a panic raised by fn propagates as the caller's own.
func scanRowGroup(ctx context.Context, fr *pqarrow.FileReader, p projection, b *Batch, want int64, fn func(*Batch) error) error {
	var rr pqarrow.RecordReader
	err := guard(func() (err error) {
		rr, err = fr.GetRecordReader(ctx, p.leaves, []int{b.RowGroup})
		return err
	})
	if err != nil {
		return fmt.Errorf("%w: file %q row group %d: %w", ErrCorrupt, b.File, b.RowGroup, err)
	}
	defer rr.Release()
	if err := checkFields(rr.Schema(), p.names); err != nil {
		return fmt.Errorf("read file %q row group %d: %w", b.File, b.RowGroup, err)
	}
	var got int64
	for {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("scan file %q row group %d: %w", b.File, b.RowGroup, err)
		}
		rec, err := nextRecord(rr)
		if err != nil {
			return fmt.Errorf("%w: file %q row group %d after %d rows: %w", ErrCorrupt, b.File, b.RowGroup, got, err)
		}
		if rec == nil {
			break
		}
		got += rec.NumRows()
		if got > want {
			return fmt.Errorf("%w: file %q row group %d: read more than the %d rows its footer declares", ErrCorrupt, b.File, b.RowGroup, want)
		}
		if err := b.load(rec, p.pos); err != nil {
			return fmt.Errorf("read file %q row group %d: %w", b.File, b.RowGroup, err)
		}
		if err := fn(b); err != nil {
			return err
		}
	}
	// A damaged page header can end a column early without any error.
	if got != want {
		return fmt.Errorf("%w: file %q row group %d: read %d rows, footer declares %d", ErrCorrupt, b.File, b.RowGroup, got, want)
	}
	return nil
}

// nextRecord returns the reader's next record, owned by the reader, or nil
// at the end of the row group.
func nextRecord(rr pqarrow.RecordReader) (rec arrow.Record, err error) {
	err = guard(func() error {
		if rr.Next() {
			rec = rr.Record()
			return nil
		}
		// pqarrow reports the normal end of the data as io.EOF.
		if err := rr.Err(); err != nil && !errors.Is(err, io.EOF) {
			return err
		}
		return nil
	})
	return rec, err
}

// checkFields guards the assumption that pqarrow returns the fields in the
// order their leaves were asked for, which the projection's positions rely on.
func checkFields(sc *arrow.Schema, names []string) error {
	if sc.NumFields() != len(names) {
		return fmt.Errorf("%w: reader returned %d fields, want %d", ErrSchema, sc.NumFields(), len(names))
	}
	for i, name := range names {
		if got := sc.Field(i).Name; got != name {
			return fmt.Errorf("%w: reader returned field %q at position %d, want %q", ErrSchema, got, i, name)
		}
	}
	return nil
}

// scanNulls serves a row group of a file that has none of the projected
// columns: its rows still exist, with every value null.
func scanNulls(ctx context.Context, b *Batch, rows int64, batchSize int, fn func(*Batch) error) error {
	for done := int64(0); done < rows; {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("scan file %q row group %d: %w", b.File, b.RowGroup, err)
		}
		n := min(int64(batchSize), rows-done)
		b.loadNulls(int(n))
		if err := fn(b); err != nil {
			return err
		}
		done += n
	}
	return nil
}
