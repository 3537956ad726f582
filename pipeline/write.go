package pipeline

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"log/slog"
	"path"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/wkw/wkw/scoring"
	"github.com/wkw/wkw/writers"
)

// write puts every output of the run into the stage and commits it, or
// aborts it on failure. Nothing is visible in the output directory until the
// commit.
func write(ctx context.Context, st *writers.Stage, o *Options, g *scoring.Graph, res *results, conns *connectionsWriter, man *Manifest, sw *stopwatch, log *slog.Logger) (err error) {
	committed := false
	defer func() {
		if !committed {
			st.Abort()
		}
	}()
	defer conns.wait() // before the stage is aborted
	date := o.Date()
	part := "part-00000.parquet"

	// The workbook is written on its own goroutine while the Parquet files
	// are written on this one: they share nothing but the stage, and the run
	// is CPU-bound, so this keeps both cores busy. It must have finished
	// before the stage is committed or aborted.
	rep := report(o, g, res, man)
	book := path.Join("reports", "who-knows-whom-"+date+".xlsx")
	bookPath, err := st.Path(book)
	if err != nil {
		return err
	}
	type bookResult struct {
		stats writers.WorkbookStats
		err   error
		took  time.Duration
	}
	bookDone := make(chan bookResult, 1)
	go func() {
		start := time.Now()
		stats, err := writers.WriteWorkbook(bookPath, rep)
		bookDone <- bookResult{stats, err, time.Since(start)}
	}()
	waited := false
	defer func() {
		if !waited {
			<-bookDone
		}
	}()

	rel := path.Join(partition("introducers", date), part)
	introducers := func(yield func(writers.IntroducerRow) bool) {
		for _, r := range res.introducers {
			if !yield(r.IntroducerRow) {
				return
			}
		}
	}
	if err := writeTable(ctx, st, man, rel, introducers); err != nil {
		return err
	}
	rel = path.Join(partition("drafts", date), part)
	if err := writeTable(ctx, st, man, rel, slices.Values(res.drafts)); err != nil {
		return err
	}
	sw.lap("write_introducers_drafts")

	b := <-bookDone
	waited = true
	if b.err != nil {
		return fmt.Errorf("%w: %w", writers.ErrOutput, b.err)
	}
	for _, s := range b.stats.Sheets {
		man.Outputs = append(man.Outputs, OutputFile{book + "#" + s.Name, int64(s.Rows)})
	}
	sw.lap("wait_for_workbook")
	sw.timings = append(sw.timings, Timing{"write_workbook (alongside the Parquet)", b.took.Seconds()})

	if err := conns.wait(); err != nil {
		return err
	}
	// The pairs are the largest thing a run holds, and nothing reads them
	// any more.
	g.Pairs().Release()
	man.Outputs = append(conns.outputs, man.Outputs...)
	sw.lap("wait_for_connections")
	sw.timings = append(sw.timings, Timing{"write_connections (alongside ranking and the rest)", conns.took.Seconds()})

	rel = path.Join("runs", date+".json")
	p, err := st.Path(rel)
	if err != nil {
		return err
	}
	man.FinishedAt = time.Now().UTC()
	man.Timings = sw.timings
	if err := writers.WriteJSON(p, man); err != nil {
		return err
	}
	committed = true
	if err := st.Commit([]string{
		partition("connections", date),
		partition("introducers", date),
		partition("drafts", date),
		book,
		rel,
	}); err != nil {
		return err
	}
	log.Info("outputs committed", "out", o.Out, "as_of", date)
	return nil
}

// writeTable writes one Parquet output into the stage and records it in the
// manifest.
func writeTable[T any](ctx context.Context, st *writers.Stage, man *Manifest, rel string, rows iter.Seq[T]) error {
	p, err := st.Path(rel)
	if err != nil {
		return err
	}
	n, err := writers.WriteParquet(p, rows)
	if err != nil {
		return fmt.Errorf("%w: %w", writers.ErrOutput, err)
	}
	man.Outputs = append(man.Outputs, OutputFile{rel, n})
	return ctx.Err()
}

// connectionsWriter writes the connections on their own goroutines.
type connectionsWriter struct {
	done    chan struct{}
	outputs []OutputFile
	err     error
	took    time.Duration
}

// writeConnections starts writing the connections of g into the stage, in
// parts of connectionsPerPart rows, as many at once as there are cores. g's
// pairs must not change until wait has returned.
func writeConnections(ctx context.Context, st *writers.Stage, o *Options, g *scoring.Graph) *connectionsWriter {
	c := &connectionsWriter{done: make(chan struct{})}
	dir := partition("connections", o.Date())
	go func() {
		defer close(c.done)
		start := time.Now()
		parts := connections(writers.DateOf(o.cutoff()), g)
		c.outputs = make([]OutputFile, len(parts))
		errs := make([]error, len(parts))
		next := make(chan int, len(parts))
		for i := range parts {
			next <- i
		}
		close(next)
		var wg sync.WaitGroup
		for range min(len(parts), runtime.GOMAXPROCS(0)) {
			wg.Go(func() {
				for i := range next {
					if ctx.Err() != nil {
						break // a stopped run aborts the stage once wait returns
					}
					out := &c.outputs[i]
					out.Path = path.Join(dir, fmt.Sprintf("part-%05d.parquet", i))
					p, err := st.Path(out.Path)
					if err == nil {
						if out.Rows, err = writers.WriteParquet(p, untilDone(ctx, parts[i])); err != nil {
							err = fmt.Errorf("%w: %w", writers.ErrOutput, err)
						}
					}
					errs[i] = err
				}
			})
		}
		wg.Wait()
		for _, err := range errs {
			c.err = cmp.Or(c.err, err)
		}
		c.err = cmp.Or(c.err, ctx.Err())
		c.took = time.Since(start)
	}()
	return c
}

// untilDone yields rows until ctx is done, checking every 64Ki rows.
func untilDone[T any](ctx context.Context, rows iter.Seq[T]) iter.Seq[T] {
	return func(yield func(T) bool) {
		n := 0
		for r := range rows {
			if n++; n%(1<<16) == 0 && ctx.Err() != nil {
				return
			}
			if !yield(r) {
				return
			}
		}
	}
}

// wait waits until the connections are written and returns the error, if
// any; it may be called more than once.
func (c *connectionsWriter) wait() error {
	<-c.done
	return c.err
}

// report gathers what the workbook shows.
func report(o *Options, g *scoring.Graph, res *results, man *Manifest) *writers.Report {
	c := o.cutoff()
	r := &writers.Report{
		AsOf:        c,
		WindowStart: c.AddDate(0, 0, -o.LookbackDays),
		WindowEnd:   c,
		Records:     man.Records["total"],
		Introducers: res.introducers,
		Drafts:      res.drafts,
		Gaps:        res.gaps,
	}
	s := man.Settings
	contrib := "every enabled user who has not opted out"
	if s.ContributorRoles != nil {
		contrib = fmt.Sprint(s.ContributorRoles)
	}
	r.Settings = []writers.Setting{
		{Name: "As of", Value: s.AsOf},
		{Name: "Look-back (days)", Value: fmt.Sprint(s.LookbackDays)},
		{Name: "Half-life (days)", Value: fmt.Sprint(s.HalfLifeDays)},
		{Name: "Introducers per record", Value: fmt.Sprint(s.Top)},
		{Name: "Contributors", Value: contrib},
		{Name: "Roles that may use drafts", Value: fmt.Sprint(s.AccessRoles)},
		{Name: "Internal domains", Value: fmt.Sprint(s.InternalDomains)},
		{Name: "Broadcast above (recipients)", Value: fmt.Sprint(s.MaxRecipients)},
		{Name: "Large meeting above (attendees)", Value: fmt.Sprint(s.MaxAttendees)},
		{Name: "Template", Value: s.Template},
	}
	for _, spec := range tableSpecs {
		if n, ok := man.RowsRead[spec.name]; ok {
			r.Inputs = append(r.Inputs, writers.Count{Name: spec.name, Value: n})
		}
	}
	for _, e := range g.Dir.Excluded() {
		r.Excluded = append(r.Excluded, writers.Count{Name: excludedLabels[e.Name], Value: e.Value})
	}
	for _, k := range g.Counters.List() {
		if k.Value > 0 {
			r.Skipped = append(r.Skipped, writers.Count{Name: skipLabel(k.Name, o), Value: k.Value})
		}
	}
	return r
}
