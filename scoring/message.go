package scoring

// Field weights of §4: how much of a message or meeting an address takes
// part in.
const (
	WeightTo        = 1.0
	WeightCc        = 0.5
	WeightBcc       = 0.5
	WeightOrganizer = 1.0
	WeightRequired  = 1.0
	WeightOptional  = 0.5
)

// Party is an address taking part in a message or meeting with the weight of
// its field: To 1.0, Cc and Bcc 0.5 for mail; required 1.0 and optional 0.5
// for meetings.
type Party struct {
	Addr   int32
	Weight float64
}

// Message is one email or meeting: a single exported row, or several rows
// sharing an id merged by a Merger. Addresses are interned ids; invalid ones
// have already been dropped and counted by the caller.
type Message struct {
	Time      int64 // sent_at or start_at, UTC microseconds
	HasTime   bool
	Sender    int32 // sender or organizer; -1 when no row had a valid one
	Disagree  bool  // rows named different valid senders
	Cancelled bool  // meetings only
	Parties   []Party
	Rows      int // exported rows merged into this one
}

// Reset empties m for reuse, keeping its buffer.
func (m *Message) Reset() {
	*m = Message{Sender: -1, Parties: m.Parties[:0], Rows: 1}
}

// dedupe collapses repeated addresses to their strongest weight without
// allocating per message: stamp marks addresses seen in the current message.
type dedupe struct {
	stamp []uint32
	pos   []int32
	gen   uint32
	out   []Party
}

// distinct returns parties with each address once at its strongest weight,
// leaving out skip. The result is reused by the next call.
func (d *dedupe) distinct(parties []Party, skip int32, numAddrs int) []Party {
	if len(d.stamp) < numAddrs {
		d.stamp = append(d.stamp, make([]uint32, numAddrs-len(d.stamp))...)
		d.pos = append(d.pos, make([]int32, numAddrs-len(d.pos))...)
	}
	d.gen++
	if d.gen == 0 {
		clear(d.stamp)
		d.gen = 1
	}
	d.out = d.out[:0]
	for _, p := range parties {
		if p.Addr == skip {
			continue
		}
		if d.stamp[p.Addr] == d.gen {
			q := &d.out[d.pos[p.Addr]]
			q.Weight = max(q.Weight, p.Weight)
			continue
		}
		d.stamp[p.Addr] = d.gen
		d.pos[p.Addr] = int32(len(d.out))
		d.out = append(d.out, p)
	}
	return d.out
}
