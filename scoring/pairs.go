package scoring

// PairTable holds the pairs of a graph in fixed-size chunks (see chunked),
// so a *Pair stays valid while more are added.
type PairTable struct {
	c chunked[Pair]
}

// Len is the number of pairs.
func (t *PairTable) Len() int { return t.c.n }

// At returns pair i, 0 <= i < Len.
func (t *PairTable) At(i int32) *Pair { return t.c.at(i) }

// Chunks returns the pairs in index order, a chunk at a time, for loops
// over all of them.
func (t *PairTable) Chunks() [][]Pair { return t.c.chunks }

// push appends p and returns its index.
func (t *PairTable) push(p Pair) int32 { return t.c.push(p) }

// Release drops every pair.
func (t *PairTable) Release() { *t = PairTable{} }
