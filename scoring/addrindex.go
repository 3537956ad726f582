package scoring

import "hash/maphash"

// addrIndex maps normalised addresses to their ids.
//
// It replaces a map[string]int32, which at half a million addresses cost
// three dependent cache misses a lookup (control word, slot, key bytes held
// elsewhere on the heap) and was the largest single cost of a big run. Here
// a slot is one cache line holding the id and, inline, the key itself, so a
// lookup usually touches one line: open addressing with linear probing,
// kept at most three-quarters full.
type addrIndex struct {
	slots []addrSlot
	mask  uint64
	n     int
	seed  maphash.Seed
}

// addrInline is how many bytes of a key a slot holds; longer keys keep
// their first addrInline bytes here and are compared in full against the
// directory's copy.
const addrInline = 58

type addrSlot struct {
	id  int32 // id + 1; 0 marks an empty slot
	n   uint8 // key length, or addrLong
	tag uint8 // top byte of the hash, to skip most mismatches early
	key [addrInline]byte
}

const addrLong = 255

func newAddrIndex() *addrIndex {
	x := &addrIndex{seed: maphash.MakeSeed()}
	x.resize(1 << 12)
	return x
}

func (x *addrIndex) resize(size int) {
	x.slots = make([]addrSlot, size)
	x.mask = uint64(size - 1)
}

func (x *addrIndex) hash(a []byte) uint64 { return maphash.Bytes(x.seed, a) }

// find returns the id of a, or -1 and the slot where a would go. keys
// holds the full text of long keys.
func (x *addrIndex) find(a []byte, h uint64, keys *addrStore) (int32, uint64) {
	tag := uint8(h >> 56)
	for i := h & x.mask; ; i = (i + 1) & x.mask {
		s := &x.slots[i]
		if s.id == 0 {
			return -1, i
		}
		if s.tag != tag {
			continue
		}
		if len(a) <= addrInline {
			if int(s.n) == len(a) && string(s.key[:len(a)]) == string(a) {
				return s.id - 1, i
			}
		} else if s.n == addrLong && keys.get(s.id-1) == string(a) {
			return s.id - 1, i
		}
	}
}

// insert stores id for a, which find reported absent at slot i.
func (x *addrIndex) insert(a []byte, h uint64, i uint64, id int32, keys *addrStore) {
	if 4*(x.n+1) > 3*len(x.slots) {
		x.grow(keys)
		_, i = x.find(a, h, keys)
	}
	x.put(i, a, h, id)
	x.n++
}

func (x *addrIndex) put(i uint64, a []byte, h uint64, id int32) {
	s := &x.slots[i]
	s.id, s.tag = id+1, uint8(h>>56)
	if len(a) <= addrInline {
		s.n = uint8(len(a))
	} else {
		s.n = addrLong
	}
	copy(s.key[:], a)
}

// grow doubles the table; keys holds every key stored, by id.
func (x *addrIndex) grow(keys *addrStore) {
	old := x.slots
	x.resize(2 * len(old))
	for _, s := range old {
		if s.id == 0 {
			continue
		}
		a := keys.bytes(s.id - 1)
		h := x.hash(a)
		i := h & x.mask
		for x.slots[i].id != 0 {
			i = (i + 1) & x.mask
		}
		x.put(i, a, h, s.id-1)
	}
}
