package readers

import (
	"sync"
	"unsafe"

	"github.com/apache/arrow/go/v17/arrow/memory"
)

// sweeper is the allocator one file's decoders use. It passes every call
// through to the caller's allocator and remembers which allocations are
// live, so that whatever the decoders fail to free can be freed once the
// file is done. Two things are known to be left behind: pqarrow v17's delta
// decoders never release their scratch buffer, and a decoder that panics
// part way through a page abandons the buffers it was filling. With Go's
// allocator that is garbage; with an allocator outside the Go heap it would
// be a leak that grows with every part file.
type sweeper struct {
	mem  memory.Allocator
	mu   sync.Mutex
	live map[*byte][]byte
}

func newSweeper(mem memory.Allocator) *sweeper {
	return &sweeper{mem: mem, live: make(map[*byte][]byte)}
}

func (s *sweeper) Allocate(size int) []byte {
	b := s.mem.Allocate(size)
	s.track(b)
	return b
}

func (s *sweeper) Reallocate(size int, b []byte) []byte {
	s.untrack(b)
	out := s.mem.Reallocate(size, b)
	s.track(out)
	return out
}

func (s *sweeper) Free(b []byte) {
	s.untrack(b)
	s.mem.Free(b)
}

// Empty allocations are not tracked: they hold nothing, and allocators may
// hand out one shared address for all of them.
func (s *sweeper) track(b []byte) {
	if len(b) == 0 {
		return
	}
	s.mu.Lock()
	s.live[unsafe.SliceData(b)] = b
	s.mu.Unlock()
}

func (s *sweeper) untrack(b []byte) {
	if len(b) == 0 {
		return
	}
	s.mu.Lock()
	delete(s.live, unsafe.SliceData(b))
	s.mu.Unlock()
}

// sweep frees every allocation still live. It must run only after every
// reader and record of the file has been released, when nothing can touch
// those buffers again.
func (s *sweeper) sweep() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for p, b := range s.live {
		s.mem.Free(b)
		delete(s.live, p)
	}
}
