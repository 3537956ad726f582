package scoring

// Pair is the aggregated tie between one contributing member and one
// external address.
//
// A run holds millions of pairs, so the counts are int32 (a year of mail
// between two people stays far below 2^31 events).
type Pair struct {
	Member         int32
	Addr           int32
	EmailsSent     int32
	EmailsReceived int32
	Meetings       int32
	Calls          int32
	First, Last    int64   // event times, UTC microseconds
	Raw            float64 // sum of event weights
	Strength       float64 // Raw * reciprocity, set by Finish
	Score          float64 // set by Finish
}

type kind uint8

const (
	emailSent kind = iota
	emailReceived
	meeting
	call
)

// Graph accumulates interaction events into pairs. It is not safe for
// concurrent use.
type Graph struct {
	Config   Config
	Dir      *Directory
	Counters Counters
	Totals   Totals

	pairs   PairTable
	index   *pairIndex
	pending []event // added, not yet applied to pairs
	touched int32   // keeps flush's early loads from being optimised away
	seen    dedupe
}

// event is one interaction waiting in Graph.pending.
type event struct {
	key  uint64 // pairKey
	t    int64
	w    float64
	kind kind
}

// eventBatch is how many events wait before they are applied together.
const eventBatch = 256

// NewGraph returns an empty graph for the organisation in dir.
func NewGraph(cfg Config, dir *Directory) *Graph {
	return &Graph{Config: cfg, Dir: dir, index: newPairIndex(), pending: make([]event, 0, eventBatch)}
}

// Pairs returns the pairs, every event added so far applied.
func (g *Graph) Pairs() *PairTable {
	g.flush()
	return &g.pairs
}

func pairKey(member, addr int32) uint64 {
	return uint64(uint32(member))<<32 | uint64(uint32(addr))
}

func (g *Graph) add(member, addr int32, k kind, t int64, w float64) {
	g.pending = append(g.pending, event{pairKey(member, addr), t, w, k})
	if len(g.pending) == eventBatch {
		g.flush()
	}
}

// flush applies the pending events in the order they were added, so every
// sum is the same as if each had been applied at once. Most events miss
// the cache twice, on the index slot and on the pair; touching all the
// slots of the batch first, then every pair they point to, lets those
// misses overlap instead of following one another.
func (g *Graph) flush() {
	ev := g.pending
	if len(ev) == 0 {
		return
	}
	var touch int32
	for i := range ev {
		touch += int32(g.index.slots[g.index.home(pairHash(ev[i].key))])
	}
	for i := range ev {
		if s := g.index.slots[g.index.home(pairHash(ev[i].key))]; s != 0 {
			touch += g.pairs.At(int32(uint32(s) - 1)).Calls
		}
	}
	g.touched += touch
	for i := range ev {
		e := &ev[i]
		idx, slot := g.index.lookup(e.key, &g.pairs)
		if idx < 0 {
			idx = g.pairs.push(Pair{Member: int32(e.key >> 32), Addr: int32(uint32(e.key)), First: e.t, Last: e.t})
			g.index.insert(e.key, slot, idx, &g.pairs)
		}
		p := g.pairs.At(idx)
		switch e.kind {
		case emailSent:
			p.EmailsSent++
		case emailReceived:
			p.EmailsReceived++
		case meeting:
			p.Meetings++
		case call:
			p.Calls++
		}
		p.First = min(p.First, e.t)
		p.Last = max(p.Last, e.t)
		p.Raw += e.w
	}
	g.pending = ev[:0]
}

// Seal ends aggregation: it frees the index from member and address to
// pair — a large map on a big run — once no more events will come and no
// pair is looked up by key. Pairs and their order are kept.
func (g *Graph) Seal() {
	g.flush()
	g.index = nil
}

// Find returns the pair of member and addr; not after Seal.
func (g *Graph) Find(member, addr int32) (*Pair, bool) {
	g.flush()
	i, _ := g.index.lookup(pairKey(member, addr), &g.pairs)
	if i < 0 {
		return nil, false
	}
	return g.pairs.At(i), true
}

// Finish computes strength and score of every pair; call it once after the
// last event.
func (g *Graph) Finish() {
	g.flush()
	for _, c := range g.pairs.Chunks() {
		for i := range c {
			p := &c[i]
			p.Strength = p.Raw * Reciprocity(int64(p.EmailsSent), int64(p.EmailsReceived), int64(p.Meetings), int64(p.Calls))
			p.Score = Score(p.Strength)
		}
	}
}
