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
//
// It also holds back frees while a row group is being decoded (hold, then
// release once the row group's reader is released). Arrow v17's page reader
// frees a decompressed page's buffer while the page is still being decoded
// (serializedPageReader.Next); with an allocator that reuses memory, such as
// Pool, that page would be overwritten under the decoder.
type sweeper struct {
	mem     memory.Allocator
	mu      sync.Mutex
	live    map[*byte][]byte
	holding int              // row groups being decoded
	held    map[*byte][]byte // frees held back until no row group is
}

func newSweeper(mem memory.Allocator) *sweeper {
	return &sweeper{mem: mem, live: make(map[*byte][]byte), held: make(map[*byte][]byte)}
}

func (s *sweeper) Allocate(size int) []byte {
	checkSize(size)
	b := s.mem.Allocate(size)
	s.track(b)
	return b
}

func (s *sweeper) Reallocate(size int, b []byte) []byte {
	// Refused before b is untracked, so that the sweep still frees it, and
	// before any allocator below has counted the request.
	checkSize(size)
	s.untrack(b)
	out := s.mem.Reallocate(size, b)
	s.track(out)
	return out
}

func (s *sweeper) Free(b []byte) {
	s.untrack(b)
	if len(b) > 0 {
		s.mu.Lock()
		if s.holding > 0 {
			// Keyed by address, so a buffer freed twice is freed once.
			s.held[unsafe.SliceData(b)] = b
			s.mu.Unlock()
			return
		}
		s.mu.Unlock()
	}
	s.mem.Free(b)
}

// hold starts holding back frees; release ends one hold and, when none is
// left, frees what was held.
func (s *sweeper) hold() {
	s.mu.Lock()
	s.holding++
	s.mu.Unlock()
}

func (s *sweeper) release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.holding--; s.holding > 0 {
		return
	}
	for p, b := range s.held {
		s.mem.Free(b)
		delete(s.held, p)
	}
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
