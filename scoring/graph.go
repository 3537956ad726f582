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
	Pairs    PairTable

	index map[uint64]int32 // member<<32 | addr → index in Pairs
	seen  dedupe
}

// NewGraph returns an empty graph for the organisation in dir.
func NewGraph(cfg Config, dir *Directory) *Graph {
	return &Graph{Config: cfg, Dir: dir, index: make(map[uint64]int32)}
}

func pairKey(member, addr int32) uint64 {
	return uint64(uint32(member))<<32 | uint64(uint32(addr))
}

func (g *Graph) add(member, addr int32, k kind, t int64, w float64) {
	key := pairKey(member, addr)
	i, ok := g.index[key]
	if !ok {
		i = g.Pairs.push(Pair{Member: member, Addr: addr, First: t, Last: t})
		g.index[key] = i
	}
	p := g.Pairs.At(i)
	switch k {
	case emailSent:
		p.EmailsSent++
	case emailReceived:
		p.EmailsReceived++
	case meeting:
		p.Meetings++
	case call:
		p.Calls++
	}
	p.First = min(p.First, t)
	p.Last = max(p.Last, t)
	p.Raw += w
}

// Seal ends aggregation: it frees the index from member and address to
// pair — a large map on a big run — once no more events will come and no
// pair is looked up by key. Pairs and their order are kept.
func (g *Graph) Seal() {
	g.index = nil
}

// Find returns the pair of member and addr; not after Seal.
func (g *Graph) Find(member, addr int32) (*Pair, bool) {
	i, ok := g.index[pairKey(member, addr)]
	if !ok {
		return nil, false
	}
	return g.Pairs.At(i), true
}

// Finish computes strength and score of every pair; call it once after the
// last event.
func (g *Graph) Finish() {
	for _, c := range g.Pairs.Chunks() {
		for i := range c {
			p := &c[i]
			p.Strength = p.Raw * Reciprocity(int64(p.EmailsSent), int64(p.EmailsReceived), int64(p.Meetings), int64(p.Calls))
			p.Score = Score(p.Strength)
		}
	}
}
