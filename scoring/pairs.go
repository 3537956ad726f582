package scoring

// A chunk of a PairTable holds pairChunk pairs (1 MiB).
const (
	pairChunkBits = 14
	pairChunk     = 1 << pairChunkBits
)

// PairTable holds the pairs of a graph in fixed-size chunks.
//
// A big run holds millions of pairs. Kept in one slice, every append past its
// capacity copied all of them into a fresh, larger allocation: at 6M pairs
// that was most of the emails stage's time (page faults on the new memory,
// collections forced by the transient double footprint). Chunks never move,
// so a *Pair stays valid while more are added.
type PairTable struct {
	chunks [][]Pair
	n      int
}

// Len is the number of pairs.
func (t *PairTable) Len() int { return t.n }

// At returns pair i, 0 <= i < Len.
func (t *PairTable) At(i int32) *Pair {
	return &t.chunks[i>>pairChunkBits][i&(pairChunk-1)]
}

// Chunks returns the pairs in index order, a chunk at a time, for loops
// over all of them.
func (t *PairTable) Chunks() [][]Pair { return t.chunks }

// push appends p and returns its index.
func (t *PairTable) push(p Pair) int32 {
	if t.n&(pairChunk-1) == 0 {
		t.chunks = append(t.chunks, make([]Pair, 0, pairChunk))
	}
	c := &t.chunks[len(t.chunks)-1]
	*c = append(*c, p)
	t.n++
	return int32(t.n - 1)
}

// Release drops every pair.
func (t *PairTable) Release() { *t = PairTable{} }
