package samples

import (
	"math/rand/v2"
	"sort"
	"time"
)

// newSynthRand gives each table its own PCG stream of the seed, so changing
// one table's size leaves the others' rows as they were.
func newSynthRand(seed, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, stream))
}

// skew2, skew3 and skew4 pick an index below n, favouring small ones: the
// k-th item's share falls off like a power law (u^a puts (k/n)^(1/a) of the
// mass below k). They stand in for Zipf draws at a fraction of the cost,
// because they run several times per generated row.
func skew2(r *rand.Rand, n int) int {
	u := r.Float64()
	return int(u * u * float64(n))
}

func skew3(r *rand.Rand, n int) int {
	u := r.Float64()
	return int(u * u * u * float64(n))
}

func skew4(r *rand.Rand, n int) int {
	u := r.Float64()
	u *= u
	return int(u * u * float64(n))
}

// chance reports true with probability perMille/1000.
func chance(r *rand.Rand, perMille uint32) bool {
	return r.Uint32N(1000) < perMille
}

// weighted draws indices in proportion to fixed weights.
type weighted struct{ cum []float64 }

func newWeighted(weights []float64) weighted {
	cum := make([]float64, len(weights))
	sum := 0.0
	for i, w := range weights {
		sum += w
		cum[i] = sum
	}
	return weighted{cum}
}

func (w weighted) draw(r *rand.Rand) int {
	x := r.Float64() * w.cum[len(w.cum)-1]
	return min(sort.SearchFloat64s(w.cum, x), len(w.cum)-1)
}

// synthClock spreads interaction times over the year before the cutoff,
// with a few percent on each side of the window, business hours and
// weekdays favoured, and now and then an instant exactly on an edge.
type synthClock struct {
	cutoffMicros int64
	cutoffDay    int // weekday of the cutoff, 0 = Sunday
}

const (
	microsPerSecond = int64(1_000_000)
	microsPerDay    = 86_400 * microsPerSecond
)

func newSynthClock(asOf time.Time) synthClock {
	c := time.Date(asOf.Year(), asOf.Month(), asOf.Day(), 0, 0, 0, 0, time.UTC)
	return synthClock{cutoffMicros: c.UnixMicro(), cutoffDay: int(c.Weekday())}
}

func (c synthClock) at(r *rand.Rand) time.Time {
	p := r.Uint32N(10000)
	switch {
	case p == 0:
		return time.UnixMicro(c.cutoffMicros).UTC()
	case p == 1:
		return time.UnixMicro(c.cutoffMicros - 365*microsPerDay).UTC()
	}
	var day int
	for try := 0; ; try++ {
		switch {
		case p < 300:
			day = -730 + r.IntN(365)
		case p < 600:
			day = r.IntN(45)
		default:
			day = -365 + r.IntN(365)
		}
		wd := ((c.cutoffDay+day)%7 + 7) % 7
		if (wd != 0 && wd != 6) || try == 3 || chance(r, 200) {
			break
		}
	}
	var sec int64
	if chance(r, 850) {
		sec = 7*3600 + r.Int64N(12*3600)
	} else {
		sec = r.Int64N(86400)
	}
	us := c.cutoffMicros + int64(day)*microsPerDay + sec*microsPerSecond + r.Int64N(microsPerSecond)
	return time.UnixMicro(us).UTC()
}

// slab hands out pointers and short slices carved from large chunks, so
// that the millions of small values a table needs cost one allocation per
// chunk. A chunk is never reused: it lives until no row points into it.
type slab[T any] struct{ buf []T }

const slabChunk = 1 << 14

func (s *slab[T]) put(v T) *T {
	if len(s.buf) == cap(s.buf) {
		s.buf = make([]T, 0, slabChunk)
	}
	s.buf = append(s.buf, v)
	return &s.buf[len(s.buf)-1]
}

// take returns an empty slice with room for n values; appending more than
// n reallocates rather than overwriting a neighbour.
func (s *slab[T]) take(n int) []T {
	if cap(s.buf)-len(s.buf) < n {
		s.buf = make([]T, 0, max(slabChunk, n))
	}
	start := len(s.buf)
	s.buf = s.buf[:start+n]
	return s.buf[start : start : start+n]
}
