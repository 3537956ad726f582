package scoring

// pairIndex finds a pair by member and address: open addressing with linear
// probing over 8-byte slots, each the pair's index and a 32-bit tag of its
// key's hash. A tag match is confirmed against the pair itself, which the
// caller is about to update anyway, so a lookup costs the slot and the pair
// and nothing else; a Go map of the same pairs took about twice the memory
// and a miss more per lookup.
type pairIndex struct {
	slots []uint64 // tag<<32 | index+1; 0 marks an empty slot
	shift uint     // 64 - log2(len(slots))
	n     int
}

const pairIndexMin = 1 << 16

func newPairIndex() *pairIndex {
	x := &pairIndex{}
	x.resize(pairIndexMin)
	return x
}

func (x *pairIndex) resize(size int) {
	x.slots = make([]uint64, size)
	x.shift = 64
	for s := size; s > 1; s >>= 1 {
		x.shift--
	}
}

// hash mixes key (Fibonacci hashing); the top bits pick the home slot, the
// low 32 are the tag.
func pairHash(key uint64) uint64 { return key * 0x9E3779B97F4A7C15 }

func (x *pairIndex) home(h uint64) uint64 { return h >> x.shift }

// lookup returns the index of the pair with key, or -1 and the empty slot
// where it would go.
func (x *pairIndex) lookup(key uint64, pairs *PairTable) (int32, uint64) {
	h := pairHash(key)
	tag := h & 0xFFFFFFFF
	mask := uint64(len(x.slots) - 1)
	for i := x.home(h); ; i = (i + 1) & mask {
		s := x.slots[i]
		if s == 0 {
			return -1, i
		}
		if s>>32 == tag {
			idx := int32(uint32(s) - 1)
			if p := pairs.At(idx); pairKey(p.Member, p.Addr) == key {
				return idx, i
			}
		}
	}
}

// insert records idx for key at slot, which lookup returned for it.
func (x *pairIndex) insert(key uint64, slot uint64, idx int32, pairs *PairTable) {
	if 4*(x.n+1) > 3*len(x.slots) {
		x.grow(pairs)
		_, slot = x.lookup(key, pairs)
	}
	x.slots[slot] = (pairHash(key)&0xFFFFFFFF)<<32 | uint64(uint32(idx)+1)
	x.n++
}

func (x *pairIndex) grow(pairs *PairTable) {
	old := x.slots
	x.resize(2 * len(old))
	mask := uint64(len(x.slots) - 1)
	for _, s := range old {
		if s == 0 {
			continue
		}
		p := pairs.At(int32(uint32(s) - 1))
		i := x.home(pairHash(pairKey(p.Member, p.Addr)))
		for x.slots[i] != 0 {
			i = (i + 1) & mask
		}
		x.slots[i] = s
	}
}
