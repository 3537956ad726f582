package scoring

import (
	"hash/maphash"
	"slices"
)

// Merger collects the rows of messages (or meetings) whose id occurs more
// than once and merges them per §4.1 and §4.2: the earliest time, the
// byte-wise smallest valid sender, the union of parties, cancelled if any row
// is. Only ids known to repeat go through it, so it holds duplicates, not
// every message.
type Merger struct {
	dir  *Directory
	byID map[string]*Message
}

// NewMerger returns an empty merger resolving sender order through dir.
func NewMerger(dir *Directory) *Merger {
	return &Merger{dir: dir, byID: make(map[string]*Message)}
}

// Add merges one row into the message with id. id and row may be reused by
// the caller afterwards.
func (mg *Merger) Add(id string, row *Message) {
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
}

// Len is the number of distinct ids held.
func (mg *Merger) Len() int { return len(mg.byID) }

// Each calls fn for every merged message in id order, so runs are
// reproducible, and empties the merger.
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

// Repeats finds which ids occur more than once in a stream of ids, keeping
// eight bytes per id rather than the ids themselves. A hash collision only
// sends a unique id through the Merger, which is harmless.
type Repeats struct {
	seed   maphash.Seed
	hashes []uint64
	dups   map[uint64]struct{}
}

// NewRepeats returns an empty id counter.
func NewRepeats() *Repeats {
	return &Repeats{seed: maphash.MakeSeed()}
}

// Add records one occurrence of id.
func (r *Repeats) Add(id string) {
	r.hashes = append(r.hashes, maphash.String(r.seed, id))
}

// Seal ends the counting; Has may be called afterwards. It returns how many
// hashes occurred more than once.
func (r *Repeats) Seal() int {
	slices.Sort(r.hashes)
	r.dups = make(map[uint64]struct{})
	for i := 1; i < len(r.hashes); i++ {
		if r.hashes[i] == r.hashes[i-1] {
			r.dups[r.hashes[i]] = struct{}{}
		}
	}
	r.hashes = nil
	return len(r.dups)
}

// Has reports whether id may occur more than once.
func (r *Repeats) Has(id string) bool {
	if len(r.dups) == 0 {
		return false
	}
	_, ok := r.dups[maphash.String(r.seed, id)]
	return ok
}
