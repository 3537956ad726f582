package pipeline

import (
	"context"

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
	rep := scoring.NewRepeats()
	err := idOnly.Scan(ctx, in.mem, in.batch, func(b *readers.Batch) error {
		ids := b.Str(0)
		for i := 0; i < b.Len; i++ {
			if id, ok := ids.Value(i); ok {
				rep.Add(id)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	rep.Seal()
	return rep, nil
}

// addList interns the addresses of row i of a list column as parties of m.
func (in *ingest) addList(m *scoring.Message, l readers.ListColumn, i int, w float64, invalid *int64) {
	start, end := l.Range(i)
	for j := start; j < end; j++ {
		raw, ok := l.Elem(j)
		if !ok {
			continue
		}
		in.g.Totals.Addresses++
		if id, ok := in.g.Dir.Intern(raw); ok {
			m.Parties = append(m.Parties, scoring.Party{Addr: id, Weight: w})
		} else {
			*invalid++
		}
	}
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

// messages streams emails or meetings: rows whose id repeats are merged
// first, the rest become events at once.
func (in *ingest) messages(ctx context.Context, t *readers.Table, meeting bool) error {
	rep, err := in.repeatedIDs(ctx, t)
	if err != nil {
		return err
	}
	merger := scoring.NewMerger(in.g.Dir)
	handle := in.g.Email
	if meeting {
		handle = in.g.Meeting
	}
	if in.sink != nil {
		handle = func(m *scoring.Message) { in.sink(m, meeting) }
	}
	err = in.rows(ctx, t, meeting, func(id string, m *scoring.Message) {
		if n := rep.Rows(id); n == 0 {
			handle(m)
		} else if whole := merger.Add(id, m, n); whole != nil {
			handle(whole)
		}
	})
	if err != nil {
		return err
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
	return t.Scan(ctx, in.mem, in.batch, func(b *readers.Batch) error {
		ids, times, senders, l1, l2 := b.Str(colID), b.Time(colTime), b.Str(colSender), b.List(colList1), b.List(colList2)
		var bcc readers.ListColumn
		var cancelled readers.BoolColumn
		if meeting {
			cancelled = b.Bool(colList3)
		} else {
			bcc = b.List(colList3)
		}
		for i := 0; i < b.Len; i++ {
			id, ok := ids.Value(i)
			if !ok {
				*nullID++
				continue
			}
			m.Reset()
			m.Time, m.HasTime = times.Micros(i)
			m.Sender = in.party(senders, i, invalidSender)
			if meeting {
				in.addList(&m, l1, i, scoring.WeightRequired, invalidParty)
				in.addList(&m, l2, i, scoring.WeightOptional, invalidParty)
				m.Cancelled, _ = cancelled.Value(i)
			} else {
				in.addList(&m, l1, i, scoring.WeightTo, invalidParty)
				in.addList(&m, l2, i, scoring.WeightCc, invalidParty)
				in.addList(&m, bcc, i, scoring.WeightBcc, invalidParty)
			}
			fn(id, &m)
		}
		return nil
	})
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
