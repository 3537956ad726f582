package pipeline

import (
	"context"
	"fmt"

	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/wkw/wkw/readers"
	"github.com/wkw/wkw/scoring"
)

// ingest feeds the interaction tables into the graph.
type ingest struct {
	g     *scoring.Graph
	mem   memory.Allocator
	batch int
	// sink, when set, receives each whole message or meeting instead of the
	// graph; the benchmarks use it to time the stages apart.
	sink func(m *scoring.Message, meeting bool)
}

// repeatedIDs reads only the id column of t and returns which ids occur
// more than once, so that only those rows are held for merging.
func (in *ingest) repeatedIDs(ctx context.Context, t *readers.Table) (*scoring.Repeats, error) {
	idOnly := *t
	idOnly.Columns = t.Columns[:1]
	rep := scoring.NewRepeats(int(t.Rows()))
	// Ids are hashed on the reading goroutine; rep only collects.
	hash := func(b *readers.Batch, hs *[]uint64) {
		ids := b.Str(0)
		*hs = (*hs)[:0]
		for i := 0; i < b.Len; i++ {
			if id, ok := ids.Value(i); ok {
				*hs = append(*hs, rep.Hash(id))
			}
		}
	}
	err := readers.ScanWith(ctx, &idOnly, in.mem, in.batch, hash, func(_ *readers.Batch, hs *[]uint64) error {
		rep.AddHashes(*hs)
		return nil
	})
	if err != nil {
		return nil, err
	}
	rep.Seal()
	return rep, nil
}

// messages streams emails or meetings: rows whose id repeats are merged
// first, the rest become events at once.
func (in *ingest) messages(ctx context.Context, t *readers.Table, meeting bool) error {
	rep, err := in.repeatedIDs(ctx, t)
	if err != nil {
		return err
	}
	merger := scoring.NewMerger(in.g.Dir, rep.Groups())
	handle := in.g.Email
	if meeting {
		handle = in.g.Meeting
	}
	if in.sink != nil {
		handle = func(m *scoring.Message) { in.sink(m, meeting) }
	}
	err = in.rows(ctx, t, meeting, func(id string, m *scoring.Message) {
		if g := rep.Next(); g < 0 {
			handle(m)
		} else if whole := merger.Add(g, id, m); whole != nil {
			handle(whole)
		}
	})
	if err != nil {
		return err
	}
	if err := rep.Check(); err != nil {
		return fmt.Errorf("%w: table %s: %w", readers.ErrCorrupt, t.Name, err)
	}
	merger.Each(func(_ string, m *scoring.Message) { handle(m) })
	return nil
}

// rows reads each row of an emails or meetings table into a Message with
// interned addresses and passes it to fn with its id; both are valid until
// fn returns. Rows without an id, and invalid addresses, are counted here.
func (in *ingest) rows(ctx context.Context, t *readers.Table, meeting bool, fn func(id string, m *scoring.Message)) error {
	c := &in.g.Counters
	nullID, invalidSender, invalidParty := &c.EmailNullID, &c.InvalidSender, &c.InvalidRecipient
	if meeting {
		nullID, invalidSender, invalidParty = &c.MeetingNullID, &c.InvalidOrganizer, &c.InvalidAttendee
	}
	var m scoring.Message
	dir, seen := in.g.Dir, &in.g.Totals.Addresses
	prep := func(b *readers.Batch, p *messageBatch) { p.prepare(dir, b, meeting) }
	return readers.ScanWith(ctx, t, in.mem, in.batch, prep, func(b *readers.Batch, p *messageBatch) error {
		ids, times := b.Str(colID), b.Time(colTime)
		p.senders.intern(dir, seen, invalidSender)
		p.l1.intern(dir, seen, invalidParty)
		p.l2.intern(dir, seen, invalidParty)
		var cancelled readers.BoolColumn
		if meeting {
			cancelled = b.Bool(colList3)
		} else {
			p.l3.intern(dir, seen, invalidParty)
		}
		for i := 0; i < b.Len; i++ {
			id, ok := ids.Value(i)
			if !ok {
				*nullID++
				continue
			}
			m.Reset()
			m.Time, m.HasTime = times.Micros(i)
			m.Sender = p.senders.one(i)
			if meeting {
				p.l1.addParties(&m, i, scoring.WeightRequired)
				p.l2.addParties(&m, i, scoring.WeightOptional)
				m.Cancelled, _ = cancelled.Value(i)
			} else {
				p.l1.addParties(&m, i, scoring.WeightTo)
				p.l2.addParties(&m, i, scoring.WeightCc)
				p.l3.addParties(&m, i, scoring.WeightBcc)
			}
			fn(id, &m)
		}
		return nil
	})
}

// party interns a single address column's value; -1 when null or invalid
// (invalid ones are counted).
func (in *ingest) party(s readers.StringColumn, i int, invalid *int64) int32 {
	raw, ok := s.Value(i)
	if !ok {
		return -1
	}
	in.g.Totals.Addresses++
	id, ok := in.g.Dir.Intern(raw)
	if !ok {
		*invalid++
		return -1
	}
	return id
}

// calls streams the calls table; each row is one call.
func (in *ingest) calls(ctx context.Context, t *readers.Table) error {
	c := &in.g.Counters
	return t.Scan(ctx, in.mem, in.batch, func(b *readers.Batch) error {
		times, durations, from, to := b.Time(0), b.Int(1), b.Str(2), b.Str(3)
		for i := 0; i < b.Len; i++ {
			var k scoring.Call
			k.Time, k.HasTime = times.Micros(i)
			k.Duration, k.HasDuration = durations.Value(i)
			k.From = in.party(from, i, &c.InvalidCallParty)
			k.To = in.party(to, i, &c.InvalidCallParty)
			in.g.Call(k)
		}
		return nil
	})
}
