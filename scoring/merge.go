package scoring

import (
	"hash/maphash"
	"slices"
)

// Merger collects the rows of messages (or meetings) whose id occurs more
// than once and merges them per §4.1 and §4.2: the earliest time, the
// byte-wise smallest valid sender, the union of parties, cancelled if any row
// is. Only ids known to repeat go through it, and a message leaves it as soon
// as its last row has arrived, so it holds the duplicates whose copies are
// still being read, not every message.
type Merger struct {
	dir  *Directory
	byID map[string]*Message
}

// NewMerger returns an empty merger resolving sender order through dir.
func NewMerger(dir *Directory) *Merger {
	return &Merger{dir: dir, byID: make(map[string]*Message)}
}

// Add merges one row into the message with id, which is expected to have
// rows rows in all (0 when unknown: the message then waits for Each). When
// this row completes it, the merged message is returned and forgotten;
// otherwise Add returns nil. id and row may be
// reused by the caller afterwards.
func (mg *Merger) Add(id string, row *Message, rows int) *Message {
	m, ok := mg.byID[id]
	if !ok {
		m = &Message{Sender: -1}
		mg.byID[string([]byte(id))] = m
	}
	m.Rows++
	if row.HasTime && (!m.HasTime || row.Time < m.Time) {
		m.Time, m.HasTime = row.Time, true
	}
	if row.Sender >= 0 {
		switch {
		case m.Sender < 0:
			m.Sender = row.Sender
		case row.Sender != m.Sender:
			m.Disagree = true
			if mg.dir.Addr(row.Sender) < mg.dir.Addr(m.Sender) {
				m.Sender = row.Sender
			}
		}
	}
	m.Cancelled = m.Cancelled || row.Cancelled
	m.Parties = append(m.Parties, row.Parties...)
	if m.Rows == rows {
		delete(mg.byID, id)
		return m
	}
	return nil
}

// Len is the number of distinct ids held.
func (mg *Merger) Len() int { return len(mg.byID) }

// Each calls fn for every message still held, in id order, so runs are
// reproducible, and empties the merger. Messages are left only when their
// expected row count was not reached, which happens when two ids share a
// hash in Repeats.
func (mg *Merger) Each(fn func(id string, m *Message)) {
	ids := make([]string, 0, len(mg.byID))
	for id := range mg.byID {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		fn(id, mg.byID[id])
		delete(mg.byID, id)
	}
}

// Repeats finds which ids occur more than once in a stream of ids, and how
// often, keeping eight bytes per id rather than the ids themselves. A hash
// collision only sends unique ids through the Merger, where they wait for a
// row count they never reach and are finished by Each: slower, still right.
type Repeats struct {
	seed   maphash.Seed
	hashes []uint64
	counts map[uint64]int
}

// NewRepeats returns an empty id counter.
func NewRepeats() *Repeats {
	return &Repeats{seed: maphash.MakeSeed()}
}

// Add records one occurrence of id.
func (r *Repeats) Add(id string) {
	r.hashes = append(r.hashes, maphash.String(r.seed, id))
}

// Seal ends the counting; Rows may be called afterwards. It returns how many
// hashes occurred more than once.
func (r *Repeats) Seal() int {
	slices.Sort(r.hashes)
	r.counts = make(map[uint64]int)
	for i := 0; i < len(r.hashes); {
		j := i + 1
		for j < len(r.hashes) && r.hashes[j] == r.hashes[i] {
			j++
		}
		if j-i > 1 {
			r.counts[r.hashes[i]] = j - i
		}
		i = j
	}
	r.hashes = nil
	return len(r.counts)
}

// Rows returns how many rows carry id when it occurs more than once, and 0
// when it is unique.
func (r *Repeats) Rows(id string) int {
	if len(r.counts) == 0 {
		return 0
	}
	return r.counts[maphash.String(r.seed, id)]
}
