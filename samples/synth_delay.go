package samples

import "math/rand/v2"

// delayRing orders the rows of a generated table: a row goes out now, or
// between min and len(ring) messages later, as a copy of a message exported
// from another mailbox does. It keeps only the rows still waiting.
type delayRing[T any] struct {
	ring     [][]T
	min      int
	pending  int
	ready    []T
	readyPos int
	step     int // messages made so far
}

func newDelayRing[T any](size, min int) delayRing[T] {
	return delayRing[T]{ring: make([][]T, size), min: min}
}

// now sends row out with the current message.
func (d *delayRing[T]) now(row T) { d.ready = append(d.ready, row) }

// later sends row out a random number of messages from now.
func (d *delayRing[T]) later(r *rand.Rand, row T) {
	slot := (d.step + d.min + r.IntN(len(d.ring)-d.min)) % len(d.ring)
	d.ring[slot] = append(d.ring[slot], row)
	d.pending++
}

// next sets *row to the next row and reports whether there was one. fill
// adds the next message's rows, when left says any are left.
func (d *delayRing[T]) next(row *T, left func() bool, fill func()) bool {
	if d.readyPos == len(d.ready) {
		clear(d.ready)
		d.ready, d.readyPos = d.ready[:0], 0
	}
	for len(d.ready) == 0 {
		more := left()
		if !more && d.pending == 0 {
			return false
		}
		slot := d.step % len(d.ring)
		if more {
			fill()
		}
		d.ready = append(d.ready, d.ring[slot]...)
		d.pending -= len(d.ring[slot])
		clear(d.ring[slot])
		d.ring[slot] = d.ring[slot][:0]
		d.step++
	}
	*row = d.ready[d.readyPos]
	d.readyPos++
	return true
}
