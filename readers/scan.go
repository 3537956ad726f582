package readers

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"
)

const defaultBatchSize = 64 << 10

// aheadBatches is how many decoded batches may wait for fn. Decoding runs
// on its own goroutine so that it overlaps the caller's work on a second
// core; the bound keeps memory to a few batches.
const aheadBatches = 2

// Scan reads every file in order, row group by row group, batchSize rows at
// a time (batchSize <= 0 means 64Ki rows), projecting only the columns of
// t.Columns that a file has, and calls fn for each batch, sequentially and
// in file and row group order, on the calling goroutine. Decoding runs
// ahead on another goroutine.
//
// ctx is checked between batches. A row group that yields a different number
// of rows than its footer declares, or whose decoding fails or panics, fails
// with ErrCorrupt naming the file and row group. An error from fn stops the
// scan and is returned unchanged; a panic in fn is not recovered. All Arrow
// memory taken from mem is released before Scan returns, on every path.
func (t *Table) Scan(ctx context.Context, mem memory.Allocator, batchSize int, fn func(b *Batch) error) error {
	return ScanWith(ctx, t, mem, batchSize, nil, func(b *Batch, _ *struct{}) error { return fn(b) })
}

// ScanWith is Scan with a second step on the decoding goroutine: prep, when
// not nil, is called with each batch and a *T before fn gets both. It is for
// per-batch work that needs nothing from fn's side, moved off the caller's
// goroutine so the two cores share the load. A T is reused for later
// batches, and prep and fn never see the same T at once; fn must not keep
// it.
func ScanWith[T any](ctx context.Context, t *Table, mem memory.Allocator, batchSize int, prep func(*Batch, *T), fn func(*Batch, *T) error) error {
	if batchSize <= 0 {
		batchSize = defaultBatchSize
	}
	ctx, cancel := context.WithCancel(ctx)
	// Files are decoded by up to one goroutine per core, file k by decoder
	// k % n, each running ahead of fn on its own channel; fn gets the
	// batches in file order by taking each file from its decoder's channel.
	n := max(1, min(len(t.Files), runtime.GOMAXPROCS(0)))
	chans := make([]chan item, n)
	// One slot per batch that can be in flight: being prepared and waiting
	// on each channel, and being consumed.
	free := make(chan *slot[T], n*(aheadBatches+1)+1)
	for range cap(free) {
		free <- &slot[T]{}
	}
	ready := func(it *item) error {
		var s *slot[T]
		select {
		case s = <-free:
		case <-ctx.Done():
			return fmt.Errorf("scan file %q row group %d: %w", it.file, it.rg, ctx.Err())
		}
		it.slot, it.free = s, func() { free <- s }
		s.b.reset(it.file, it.rg, t.Columns)
		if it.rec == nil {
			s.b.loadNulls(it.nulls)
		} else if err := s.b.load(it.rec, it.pos); err != nil {
			return fmt.Errorf("read file %q row group %d: %w", it.file, it.rg, err)
		}
		if prep != nil {
			prep(&s.b, &s.v)
		}
		return nil
	}
	for k := range chans {
		chans[k] = make(chan item, aheadBatches)
		go t.produce(ctx, mem, batchSize, k, n, chans[k], ready)
	}
	// On every way out, fn's panics included, stop the decoders and release
	// whatever they decoded that fn will never see.
	defer func() {
		cancel()
		for _, items := range chans {
			for it := range items {
				it.discard()
			}
		}
	}()
	for f := range t.Files {
		for it := range chans[f%n] {
			last := it.done != nil
			if err := consume(ctx, it, fn); err != nil {
				return err
			}
			if last {
				break
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("scan table %q: %w", t.Name, err)
	}
	return nil
}

// slot is a batch and what prep made of it.
type slot[T any] struct {
	b Batch
	v T
}

// item is what the decoding goroutine hands over: a prepared batch of a row
// group (rec retained, or nulls rows of a file without the projected
// columns), an error, or the end of a file with the cleanup to run once fn
// is done with all of the file's batches.
type item struct {
	file  string
	rg    int
	pos   []int
	rec   arrow.Record
	nulls int
	slot  any    // *slot[T] of the ScanWith that made it
	free  func() // returns slot
	err   error
	done  func()
}

func (it item) discard() {
	if it.rec != nil {
		it.rec.Release()
	}
	if it.free != nil {
		it.free()
	}
	if it.done != nil {
		it.done()
	}
}

func consume[T any](ctx context.Context, it item, fn func(*Batch, *T) error) error {
	defer it.discard()
	switch {
	case it.err != nil:
		return it.err
	case it.done != nil:
		return nil
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("scan file %q row group %d: %w", it.file, it.rg, err)
	}
	s := it.slot.(*slot[T])
	return fn(&s.b, &s.v)
}

// produce decodes files k, k+n, k+2n … into items, in order, and closes
// items. Each file's batches are followed by an item with its cleanup.
func (t *Table) produce(ctx context.Context, mem memory.Allocator, batchSize, k, n int, items chan<- item, ready func(*item) error) {
	defer close(items)
	for f := k; f < len(t.Files); f += n {
		if ctx.Err() != nil {
			return
		}
		if !t.produceFile(ctx, mem, t.Files[f].Path, batchSize, items, ready) {
			return
		}
	}
}

// send hands it over unless the scan was stopped; then it is discarded.
func send(ctx context.Context, items chan<- item, it item) bool {
	select {
	case items <- it:
		return true
	case <-ctx.Done():
		it.discard()
		return false
	}
}

// produceFile decodes one file; it reports whether the scan should go on.
func (t *Table) produceFile(ctx context.Context, mem memory.Allocator, path string, batchSize int, items chan<- item, ready func(*item) error) bool {
	// The footer is read again rather than kept from Open: holding every
	// part open between Open and Scan would cost a descriptor per part, and
	// projecting again protects against a file replaced in between.
	sw := newSweeper(mem)
	pf, src, err := openParquet(path, sw)
	if err != nil {
		sw.sweep()
		send(ctx, items, item{err: err})
		return false
	}
	// The file's buffers are freed only after fn has released its last
	// batch, so the cleanup travels down the channel behind them on every
	// path; the send blocks rather than give up on a stopped scan, because
	// Scan drains the channel to its end.
	defer func() {
		items <- item{done: func() {
			pf.Close()
			sw.sweep()
		}}
	}()
	var fr *pqarrow.FileReader
	err = guard(func() (err error) {
		fr, err = pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{BatchSize: int64(batchSize)}, sw)
		return err
	})
	if err != nil {
		send(ctx, items, item{err: fmt.Errorf("%w: file %q: read schema: %w", ErrSchema, path, err)})
		return false
	}
	p, err := project(path, fr.Manifest, t.Columns)
	if err != nil {
		send(ctx, items, item{err: err})
		return false
	}
	md := pf.MetaData()
	for rg := 0; rg < len(md.RowGroups); rg++ {
		want := md.RowGroup(rg).NumRows()
		var ok bool
		if len(p.leaves) == 0 {
			ok = produceNulls(ctx, path, rg, want, batchSize, items, ready)
		} else {
			ok = produceRowGroup(ctx, fr, sw, src, p, path, rg, want, items, ready)
		}
		if !ok {
			return false
		}
	}
	return true
}

// produceRowGroup decodes one row group into items. Only the calls into
// pqarrow are guarded against panics.
func produceRowGroup(ctx context.Context, fr *pqarrow.FileReader, sw *sweeper, src source, p projection, path string, rg int, want int64, items chan<- item, ready func(*item) error) bool {
	fail := func(err error) bool {
		send(ctx, items, item{err: err})
		return false
	}
	if err := checkPages(src, src.size, fr.ParquetReader().MetaData(), rg, p.leaves); err != nil {
		return fail(fmt.Errorf("%w: file %q row group %d: %w", ErrCorrupt, path, rg, err))
	}
	// Page buffers freed during the decoding are only freed for real once
	// the row group's reader is released (see sweeper).
	sw.hold()
	defer sw.release()
	var rr pqarrow.RecordReader
	err := guard(func() (err error) {
		rr, err = fr.GetRecordReader(ctx, p.leaves, []int{rg})
		return err
	})
	if err != nil {
		return fail(fmt.Errorf("%w: file %q row group %d: %w", ErrCorrupt, path, rg, err))
	}
	defer rr.Release()
	if err := checkFields(rr.Schema(), p.names); err != nil {
		return fail(fmt.Errorf("read file %q row group %d: %w", path, rg, err))
	}
	var got int64
	for ctx.Err() == nil {
		rec, err := nextRecord(rr)
		if err != nil {
			return fail(fmt.Errorf("%w: file %q row group %d after %d rows: %w", ErrCorrupt, path, rg, got, err))
		}
		if rec == nil {
			break
		}
		got += rec.NumRows()
		if got > want {
			return fail(fmt.Errorf("%w: file %q row group %d: read more than the %d rows its footer declares", ErrCorrupt, path, rg, want))
		}
		rec.Retain()
		it := item{file: path, rg: rg, pos: p.pos, rec: rec}
		if err := ready(&it); err != nil {
			it.discard()
			return fail(err)
		}
		if !send(ctx, items, it) {
			return false
		}
	}
	if ctx.Err() != nil {
		return false
	}
	// A damaged page header can end a column early without any error.
	if got != want {
		return fail(fmt.Errorf("%w: file %q row group %d: read %d rows, footer declares %d", ErrCorrupt, path, rg, got, want))
	}
	return true
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

// produceNulls serves a row group of a file that has none of the projected
// columns: its rows still exist, with every value null.
func produceNulls(ctx context.Context, path string, rg int, rows int64, batchSize int, items chan<- item, ready func(*item) error) bool {
	for done := int64(0); done < rows; {
		n := min(int64(batchSize), rows-done)
		it := item{file: path, rg: rg, nulls: int(n)}
		if err := ready(&it); err != nil {
			it.discard()
			send(ctx, items, item{err: err})
			return false
		}
		if !send(ctx, items, it) {
			return false
		}
		done += n
	}
	return true
}
