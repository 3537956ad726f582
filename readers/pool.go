package readers

import (
	"fmt"
	"math/bits"
	"sync"
	"unsafe"
)

// Pool is an Arrow allocator that keeps the buffers Arrow frees and hands
// them out again. Decoding a big table allocates the same few buffer sizes
// for every batch; with Go's allocator each was fresh memory, zeroed by the
// kernel on first touch and left to the collector afterwards, which at ten
// million emails cost several seconds of page faults and forced collections.
// A reused buffer is zeroed here instead, in cache.
//
// Buffers of at least poolMin bytes are pooled in power-of-two classes, up
// to limit bytes kept idle; smaller ones come from the Go heap. Free ignores
// a buffer that is not outstanding, so freeing a buffer twice in a row is
// harmless (freeing it again after it was handed out anew is not: nothing
// can tell the two owners apart). Pool is safe for concurrent use.
//
// Arrow v17 reads some buffers after freeing them (see sweeper); Scan holds
// those frees back until the row group is done, which is what makes a pool
// safe under it.
type Pool struct {
	mu     sync.Mutex
	idle   [64][][]byte // by class: buffers of capacity 1<<class
	held   int          // bytes idle
	limit  int
	out    map[*byte]uint8 // outstanding pooled buffers and their class
	poison bool            // see Poison
}

const poolMin = 4 << 10

// maxBuffer bounds one buffer. A damaged page header or footer can make
// Arrow ask for hundreds of GB, and Go cannot recover from running out of
// memory; a panic here becomes the ErrCorrupt of the file and row group,
// since the readers recover decoder panics. Nothing valid needs more: a
// page's size is an int32, and so are the offsets of the arrays Arrow builds
// for the string columns wkw reads.
const maxBuffer = 1 << 31

// checkSize panics for a request over maxBuffer.
func checkSize(size int) {
	if size > maxBuffer {
		panic(fmt.Errorf("asked for a buffer of %d bytes, more than the %d bytes any valid page or column needs", size, maxBuffer))
	}
}

// Poison makes p overwrite every buffer it takes back, so that a read of
// freed memory reads garbage: for tests.
func (p *Pool) Poison() *Pool {
	p.poison = true
	return p
}

// NewPool returns a pool keeping at most limit bytes of idle buffers.
func NewPool(limit int) *Pool {
	return &Pool{limit: limit, out: make(map[*byte]uint8)}
}

// Allocate returns a zeroed buffer of size bytes, 64-byte aligned.
func (p *Pool) Allocate(size int) []byte {
	checkSize(size)
	if size < poolMin {
		return alignedHeap(size)
	}
	c := uint8(bits.Len(uint(size - 1)))
	p.mu.Lock()
	var b []byte
	if n := len(p.idle[c]); n > 0 {
		b = p.idle[c][n-1]
		p.idle[c][n-1] = nil
		p.idle[c] = p.idle[c][:n-1]
		p.held -= cap(b)
	}
	p.mu.Unlock()
	if b == nil {
		// Go hands out allocations of 4 KiB and more in whole pages or in
		// size classes that are multiples of 4 KiB: aligned for Arrow.
		b = make([]byte, 1<<c)
	} else {
		clear(b[:size])
	}
	b = b[:size]
	p.mu.Lock()
	p.out[unsafe.SliceData(b)] = c
	p.mu.Unlock()
	// The spare capacity is the pool's, used by Reallocate: Arrow sees a
	// buffer of exactly size bytes, as from its own allocators.
	return b[:size:size]
}

// Reallocate returns b grown or shrunk to size, its contents kept and any
// new bytes zeroed.
func (p *Pool) Reallocate(size int, b []byte) []byte {
	if c, ok := p.class(b); ok && size <= 1<<c && size >= poolMin {
		whole := unsafe.Slice(unsafe.SliceData(b), 1<<c)
		if size > len(b) {
			clear(whole[len(b):size])
		}
		return whole[:size:size]
	}
	nb := p.Allocate(size)
	copy(nb, b)
	p.Free(b)
	return nb
}

// Free takes b back.
func (p *Pool) Free(b []byte) {
	if cap(b) == 0 {
		return
	}
	key := unsafe.SliceData(b)
	p.mu.Lock()
	defer p.mu.Unlock()
	c, ok := p.out[key]
	if !ok {
		return
	}
	delete(p.out, key)
	if p.held+1<<c > p.limit {
		return // the collector takes it
	}
	whole := unsafe.Slice(key, 1<<c)
	if p.poison {
		for i := range whole {
			whole[i] = 0xAB
		}
	}
	p.idle[c] = append(p.idle[c], whole)
	p.held += 1 << c
}

// class returns the class of b when it is an outstanding pooled buffer.
func (p *Pool) class(b []byte) (uint8, bool) {
	if cap(b) == 0 {
		return 0, false
	}
	p.mu.Lock()
	c, ok := p.out[unsafe.SliceData(b)]
	p.mu.Unlock()
	return c, ok
}

// alignedHeap is Arrow's Go allocator: a zeroed heap slice, 64-byte aligned.
func alignedHeap(size int) []byte {
	buf := make([]byte, size+64)
	shift := int(-uintptr(unsafe.Pointer(unsafe.SliceData(buf))) & 63)
	return buf[shift : shift+size : shift+size]
}
