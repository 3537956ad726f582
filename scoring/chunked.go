package scoring

// chunkBits sizes the chunks of a chunked array: 1 MiB of 64-byte records.
const chunkBits = 14

// chunked is an array that grows in fixed-size chunks. A run holds millions
// of pairs and party blocks; kept in one slice, every append past its
// capacity copied all of them into a fresh, larger allocation (at 6M pairs
// that was most of the emails stage's time: page faults on the new memory,
// collections forced by the transient double footprint). Chunks never move,
// so a pointer to an element stays valid while more are added.
type chunked[T any] struct {
	chunks [][]T
	n      int
}

func (c *chunked[T]) at(i int32) *T {
	return &c.chunks[i>>chunkBits][i&(1<<chunkBits-1)]
}

// push appends v and returns its index.
func (c *chunked[T]) push(v T) int32 {
	if c.n&(1<<chunkBits-1) == 0 {
		c.chunks = append(c.chunks, make([]T, 0, 1<<chunkBits))
	}
	last := &c.chunks[len(c.chunks)-1]
	*last = append(*last, v)
	c.n++
	return int32(c.n - 1)
}
