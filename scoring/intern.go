package scoring

import "hash/maphash"

// internChunk is how many addresses InternKeys looks up together: enough
// independent loads to keep the memory system busy, few enough that their
// slots stay in the first-level cache until they are used.
const internChunk = 32

// Keys is a column of addresses normalised and hashed, ready for
// InternKeys. Filling it reads nothing that interning changes, so a reader
// can fill it on its own goroutine while the directory interns the previous
// batch.
type Keys struct {
	seed   maphash.Seed
	text   []byte
	ends   []int
	hashes []uint64
}

// Reset empties k for about n addresses of about size bytes to be interned
// by d, keeping its buffers.
func (k *Keys) Reset(d *Directory, n, size int) {
	k.seed = d.ids.seed
	k.text, k.ends, k.hashes = reuse(k.text, size), reuse(k.ends, n), reuse(k.hashes, n)
}

// reuse returns s emptied, with room for n elements.
func reuse[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, 0, n)
	}
	return s[:0]
}

// Add appends raw, normalised.
func (k *Keys) Add(raw string) {
	start := len(k.text)
	k.text = appendNormal(k.text, raw)
	k.ends = append(k.ends, len(k.text))
	k.hashes = append(k.hashes, maphash.Bytes(k.seed, k.text[start:]))
}

// Len is the number of addresses in k.
func (k *Keys) Len() int { return len(k.ends) }

// InternKeys interns k, which Reset(d) started, into ids (ids[i] for the
// i-th address, -1 when invalid) and returns how many were invalid. It does
// what Intern does for each, a chunk at a time: the slots of a chunk are
// touched first, so its cache misses overlap instead of following one
// another.
func (d *Directory) InternKeys(k *Keys, ids []int32) (invalid int) {
	x := d.ids
	start := 0
	for base := 0; base < len(k.ends); base += internChunk {
		end := min(base+internChunk, len(k.ends))
		var touch int32
		for _, h := range k.hashes[base:end] {
			touch += x.slots[h&x.mask].id
		}
		d.touched += touch
		for i := base; i < end; i++ {
			a := k.text[start:k.ends[i]]
			start = k.ends[i]
			id, slot := x.find(a, k.hashes[i], &d.addrs)
			if id < 0 {
				if !Valid(string(a)) {
					ids[i] = -1
					invalid++
					continue
				}
				id = d.add(a, k.hashes[i], slot)
			}
			ids[i] = id
		}
	}
	return invalid
}
