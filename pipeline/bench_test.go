package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/wkw/wkw/drafts"
	"github.com/wkw/wkw/readers"
	"github.com/wkw/wkw/samples"
	"github.com/wkw/wkw/scoring"
	"github.com/wkw/wkw/writers"
)

// The stage benchmarks share one synthetic input, made on first use; set
// WKW_BENCH_EMAILS to change its size (default 200,000 emails, with
// meetings and calls at a tenth and a twentieth).
var bench struct {
	once sync.Once
	dir  string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bench.dir != "" {
		os.RemoveAll(bench.dir)
	}
	os.Exit(code)
}

func benchInput(b *testing.B) string {
	b.Helper()
	bench.once.Do(func() {
		n := 200_000
		if v := os.Getenv("WKW_BENCH_EMAILS"); v != "" {
			if _, err := fmt.Sscan(v, &n); err != nil {
				bench.err = err
				return
			}
		}
		bench.dir, bench.err = os.MkdirTemp("", "wkw-bench-")
		if bench.err != nil {
			return
		}
		p := samples.DefaultSynthParams()
		p.Users, p.Leads = max(200, n/200), max(1000, n/20)
		p.Emails, p.Meetings, p.Calls, p.Parts = n, n/10, n/20, 2
		p.AsOf = testAsOf
		bench.err = samples.Synthesize(context.Background(), bench.dir, p, nil)
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return bench.dir
}

func benchOptions(b *testing.B, input string) Options {
	b.Helper()
	return Options{
		Input: input, Out: b.TempDir(), AsOf: testAsOf,
		LookbackDays: DefaultLookbackDays, HalfLifeDays: DefaultHalfLifeDays, Top: DefaultTop,
		MaxRecipients: DefaultMaxRecipients, MaxAttendees: DefaultMaxAttendees,
		MaxRejectFraction: DefaultMaxRejectFraction, AccessRoles: DefaultAccessRoles,
		Template: drafts.Default(), Mem: memory.DefaultAllocator,
	}
}

// loadBench reads the input into the model once, outside the timer.
func loadBench(b *testing.B, o *Options) *loaded {
	b.Helper()
	tables, err := openTables(o.Input)
	if err != nil {
		b.Fatal(err)
	}
	man := &Manifest{}
	in, err := load(context.Background(), o, tables, man, &stopwatch{last: time.Now()}, o.logger())
	if err != nil {
		b.Fatal(err)
	}
	return in
}

func perSecond(b *testing.B, n int64, unit string) {
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), unit)
}

// Read and decode: the scan-only baseline every other stage is set against.
func BenchmarkStageReadDecode(b *testing.B) {
	in := benchInput(b)
	b.ReportAllocs()
	var rows int64
	for b.Loop() {
		st, err := ScanOnly(context.Background(), in, memory.DefaultAllocator, 0)
		if err != nil {
			b.Fatal(err)
		}
		rows = st.Rows
	}
	perSecond(b, rows, "rows/s")
}

// Intern: normalise, validate and number every address occurrence of the
// emails table.
func BenchmarkStageIntern(b *testing.B) {
	o := benchOptions(b, benchInput(b))
	l := loadBench(b, &o)
	t, err := readers.Open(o.Input, "emails", emailColumns)
	if err != nil {
		b.Fatal(err)
	}
	var raw []string
	err = t.Scan(context.Background(), memory.DefaultAllocator, 0, func(bt *readers.Batch) error {
		from := bt.Str(colSender)
		for i := 0; i < bt.Len; i++ {
			if s, ok := from.Value(i); ok {
				raw = append(raw, strings.Clone(s))
			}
			for _, c := range []int{colList1, colList2, colList3} {
				l := bt.List(c)
				start, end := l.Range(i)
				for j := start; j < end; j++ {
					if s, ok := l.Elem(j); ok {
						raw = append(raw, strings.Clone(s))
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	members := make([]scoring.User, len(l.g.Dir.Members))
	for i, m := range l.g.Dir.Members {
		members[i] = m.User
	}
	// one: Intern an address at a time; batched: what a run does, Keys
	// filled a batch at a time (on the decoders in a run, here inline) and
	// InternKeys.
	b.Run("one", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			dir, err := scoring.NewDirectory(members, nil, nil, nil)
			if err != nil {
				b.Fatal(err)
			}
			for _, s := range raw {
				dir.Intern(s)
			}
		}
		perSecond(b, int64(len(raw)), "addresses/s")
	})
	b.Run("batched", func(b *testing.B) {
		b.ReportAllocs()
		var keys scoring.Keys
		ids := make([]int32, 64<<10)
		for b.Loop() {
			dir, err := scoring.NewDirectory(members, nil, nil, nil)
			if err != nil {
				b.Fatal(err)
			}
			for start := 0; start < len(raw); start += len(ids) {
				batch := raw[start:min(start+len(ids), len(raw))]
				keys.Reset(dir, len(batch), 0)
				for _, s := range batch {
					keys.Add(s)
				}
				dir.InternKeys(&keys, ids)
			}
		}
		perSecond(b, int64(len(raw)), "addresses/s")
	})
}

type capturedRow struct {
	id string
	m  scoring.Message
}

// captureRows reads every email row into memory with interned addresses.
func captureRows(b *testing.B, o *Options, g *scoring.Graph) []capturedRow {
	b.Helper()
	t, err := readers.Open(o.Input, "emails", emailColumns)
	if err != nil {
		b.Fatal(err)
	}
	var rows []capturedRow
	in := &ingest{g: g, mem: memory.DefaultAllocator}
	err = in.rows(context.Background(), t, false, func(id string, m *scoring.Message) {
		c := *m
		c.Parties = append([]scoring.Party(nil), m.Parties...)
		rows = append(rows, capturedRow{strings.Clone(id), c})
	})
	if err != nil {
		b.Fatal(err)
	}
	return rows
}

// Merge duplicates: count ids, then fold the rows of repeated ids.
func BenchmarkStageMerge(b *testing.B) {
	o := benchOptions(b, benchInput(b))
	l := loadBench(b, &o)
	rows := captureRows(b, &o, l.g)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		rep := scoring.NewRepeats(len(rows))
		for i := range rows {
			rep.Add(rows[i].id)
		}
		rep.Seal()
		mg := scoring.NewMerger(l.g.Dir, rep.Groups())
		for i := range rows {
			if g := rep.Next(); g >= 0 {
				mg.Add(g, rows[i].id, &rows[i].m)
			}
		}
		mg.Each(func(string, *scoring.Message) {})
	}
	perSecond(b, int64(len(rows)), "rows/s")
}

// Aggregate: turn whole messages into events and sum them per pair.
func BenchmarkStageAggregate(b *testing.B) {
	o := benchOptions(b, benchInput(b))
	l := loadBench(b, &o)
	t, err := readers.Open(o.Input, "emails", emailColumns)
	if err != nil {
		b.Fatal(err)
	}
	var msgs []scoring.Message
	in := &ingest{g: l.g, mem: memory.DefaultAllocator, sink: func(m *scoring.Message, _ bool) {
		c := *m
		c.Parties = append([]scoring.Party(nil), m.Parties...)
		msgs = append(msgs, c)
	}}
	if err := in.messages(context.Background(), t, false); err != nil {
		b.Fatal(err)
	}
	cfg := l.g.Config
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		g := scoring.NewGraph(cfg, l.g.Dir)
		for i := range msgs {
			m := msgs[i]
			g.Email(&m)
		}
	}
	perSecond(b, int64(len(msgs)), "messages/s")
}

// Rank: strengths, top introducers per record, drafts.
func BenchmarkStageRank(b *testing.B) {
	o := benchOptions(b, benchInput(b))
	l := loadBench(b, &o)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		l.g.Finish()
		if _, err := collect(&o, l.g, l.recs, l.g.Rank(l.recs)); err != nil {
			b.Fatal(err)
		}
	}
	perSecond(b, int64(len(l.recs)), "records/s")
}

// Write: the three Parquet outputs and the workbook.
func BenchmarkStageWrite(b *testing.B) {
	o := benchOptions(b, benchInput(b))
	l := loadBench(b, &o)
	l.g.Finish()
	res, err := collect(&o, l.g, l.recs, l.g.Rank(l.recs))
	if err != nil {
		b.Fatal(err)
	}
	man := &Manifest{Records: map[string]int64{"total": int64(len(l.recs))}}
	man.Settings = settings(&o, l.g.Dir)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		dir := b.TempDir()
		asOf := writers.DateOf(testAsOf)
		for i, part := range connections(asOf, l.g) {
			if _, err := writers.WriteParquet(filepath.Join(dir, fmt.Sprintf("c%d.parquet", i)), part); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := writers.WriteWorkbook(filepath.Join(dir, "r.xlsx"), report(&o, l.g, res, man)); err != nil {
			b.Fatal(err)
		}
	}
	perSecond(b, int64(l.g.Pairs().Len()), "pairs/s")
}

// The whole run, outputs and workbook included.
func BenchmarkRun(b *testing.B) {
	o := benchOptions(b, benchInput(b))
	b.ReportAllocs()
	var emails int64
	for b.Loop() {
		o.Out = b.TempDir()
		man, err := Run(context.Background(), o)
		if err != nil {
			b.Fatal(err)
		}
		emails = man.RowsRead["emails"]
	}
	perSecond(b, emails, "emails/s")
}
