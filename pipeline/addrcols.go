package pipeline

import (
	"slices"

	"github.com/wkw/wkw/readers"
	"github.com/wkw/wkw/scoring"
)

// interned is one address column of a batch: normalised and hashed on the
// reading goroutine (gather), then interned into address ids on the
// model's (intern). Row i's ids are ids[ends[i-1]:ends[i]], ends[-1] being
// 0; -1 marks an invalid address. Null values and null list elements take
// no place.
type interned struct {
	keys scoring.Keys
	ends []int32
	ids  []int32
}

// strings gathers a single-address column; rows not kept get no address.
func (c *interned) strings(d *scoring.Directory, s readers.StringColumn, keep []bool) {
	c.reset(d, len(keep), s.Bytes(), len(keep))
	for i, k := range keep {
		if raw, ok := s.Value(i); k && ok {
			c.keys.Add(raw)
		}
		c.ends = append(c.ends, int32(c.keys.Len()))
	}
}

// lists is strings for a list<string> column.
func (c *interned) lists(d *scoring.Directory, l readers.ListColumn, keep []bool) {
	c.reset(d, l.Len(), l.Bytes(), len(keep))
	for i, k := range keep {
		start, end := l.Range(i)
		if !k {
			end = start
		}
		for j := start; j < end; j++ {
			if raw, ok := l.Elem(j); ok {
				c.keys.Add(raw)
			}
		}
		c.ends = append(c.ends, int32(c.keys.Len()))
	}
}

// reset empties c for about n addresses of about size bytes in rows rows.
func (c *interned) reset(d *scoring.Directory, n, size, rows int) {
	c.keys.Reset(d, n, size)
	c.ends = slices.Grow(c.ends[:0], rows)
}

// intern interns the gathered addresses, adding them to *present and the
// invalid ones to *invalid.
func (c *interned) intern(d *scoring.Directory, present, invalid *int64) {
	n := c.keys.Len()
	c.ids = slices.Grow(c.ids[:0], n)[:n]
	*invalid += int64(d.InternKeys(&c.keys, c.ids))
	*present += int64(n)
}

// row returns the ids of row i.
func (c *interned) row(i int) []int32 {
	start := int32(0)
	if i > 0 {
		start = c.ends[i-1]
	}
	return c.ids[start:c.ends[i]]
}

// one returns the id of row i of a single-address column, or -1 when it is
// null or invalid.
func (c *interned) one(i int) int32 {
	if ids := c.row(i); len(ids) > 0 {
		return ids[0]
	}
	return -1
}

// addParties appends row i's valid ids to m as parties with weight w.
func (c *interned) addParties(m *scoring.Message, i int, w float64) {
	for _, id := range c.row(i) {
		if id >= 0 {
			m.Parties = append(m.Parties, scoring.Party{Addr: id, Weight: w})
		}
	}
}

// messageBatch is what the reading goroutine prepares of an emails or
// meetings batch: which rows have an id, and the address columns gathered.
type messageBatch struct {
	keep                []bool
	senders, l1, l2, l3 interned
}

func (p *messageBatch) prepare(d *scoring.Directory, b *readers.Batch, meeting bool) {
	ids := b.Str(colID)
	// Rows without an id are dropped before their addresses are read.
	p.keep = p.keep[:0]
	for i := 0; i < b.Len; i++ {
		_, ok := ids.Value(i)
		p.keep = append(p.keep, ok)
	}
	p.senders.strings(d, b.Str(colSender), p.keep)
	p.l1.lists(d, b.List(colList1), p.keep)
	p.l2.lists(d, b.List(colList2), p.keep)
	if !meeting {
		p.l3.lists(d, b.List(colList3), p.keep)
	}
}
