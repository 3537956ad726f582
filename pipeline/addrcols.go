package pipeline

import (
	"github.com/wkw/wkw/readers"
	"github.com/wkw/wkw/scoring"
)

// interned holds one address column of a batch as address ids, interned a
// column at a time (see Directory.InternAll). Row i's ids are
// ids[ends[i-1]:ends[i]] (ends[-1] being 0); -1 marks an invalid address.
// Null values and null list elements take no place.
type interned struct {
	ids  []int32
	ends []int32
	raws []string
}

// strings interns a single-address column; rows not kept and null rows
// get no id. Present values are added to *present, invalid ones to
// *invalid.
func (c *interned) strings(d *scoring.Directory, s readers.StringColumn, keep []bool, present, invalid *int64) {
	c.raws, c.ends = c.raws[:0], c.ends[:0]
	for i, k := range keep {
		if raw, ok := s.Value(i); k && ok {
			c.raws = append(c.raws, raw)
		}
		c.ends = append(c.ends, int32(len(c.raws)))
	}
	c.intern(d, present, invalid)
}

// lists is strings for a list<string> column.
func (c *interned) lists(d *scoring.Directory, l readers.ListColumn, keep []bool, present, invalid *int64) {
	c.raws, c.ends = c.raws[:0], c.ends[:0]
	for i, k := range keep {
		start, end := l.Range(i)
		if !k {
			end = start
		}
		for j := start; j < end; j++ {
			if raw, ok := l.Elem(j); ok {
				c.raws = append(c.raws, raw)
			}
		}
		c.ends = append(c.ends, int32(len(c.raws)))
	}
	c.intern(d, present, invalid)
}

func (c *interned) intern(d *scoring.Directory, present, invalid *int64) {
	if cap(c.ids) < len(c.raws) {
		c.ids = make([]int32, len(c.raws), 2*len(c.raws))
	}
	c.ids = c.ids[:len(c.raws)]
	*invalid += int64(d.InternAll(c.raws, c.ids))
	*present += int64(len(c.raws))
	clear(c.raws) // the strings point into the batch, which is about to go
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
