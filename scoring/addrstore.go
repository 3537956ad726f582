package scoring

import "unsafe"

// addrStore keeps the text of interned addresses back to back in large
// chunks. A []string of half a million addresses is half a million pointers
// that the collector traces on every cycle, each a cache miss; here it
// traces one pointer per chunk. Chunks are never moved or written again
// once an address is in them, which is what makes handing out strings that
// share their memory safe.
type addrStore struct {
	chunks [][]byte
	refs   []addrRef
}

type addrRef struct{ chunk, off, n uint32 }

const addrStoreChunk = 1 << 20

// add stores a copy of a and returns its id.
func (s *addrStore) add(a []byte) int32 { return storeText(s, a) }

// addText is add for a string, without converting it (which would copy it
// once more).
func (s *addrStore) addText(a string) int32 { return storeText(s, a) }

func storeText[T string | []byte](s *addrStore, a T) int32 {
	last := len(s.chunks) - 1
	if last < 0 || len(s.chunks[last])+len(a) > cap(s.chunks[last]) {
		s.chunks = append(s.chunks, make([]byte, 0, max(addrStoreChunk, len(a))))
		last++
	}
	c := &s.chunks[last]
	s.refs = append(s.refs, addrRef{uint32(last), uint32(len(*c)), uint32(len(a))})
	*c = append(*c, a...)
	return int32(len(s.refs) - 1)
}

// get returns the address with id; the string shares the store's memory.
func (s *addrStore) get(id int32) string {
	r := s.refs[id]
	if r.n == 0 {
		return ""
	}
	return unsafe.String(&s.chunks[r.chunk][r.off], r.n)
}

// bytes is get as a byte slice, not to be written to.
func (s *addrStore) bytes(id int32) []byte {
	r := s.refs[id]
	return s.chunks[r.chunk][r.off : r.off+r.n : r.off+r.n]
}

func (s *addrStore) len() int { return len(s.refs) }
