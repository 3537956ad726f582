package scoring

// internChunk is how many addresses InternAll looks up together: enough
// independent loads to keep the memory system busy, few enough that their
// slots stay in the first-level cache until they are used.
const internChunk = 32

// InternAll interns raws into ids (ids[i] for raws[i], -1 when invalid)
// and returns how many were invalid. It does what Intern does for each,
// but a chunk at a time: every address of the chunk is normalised and
// hashed first and its slot touched, so the cache misses of the chunk
// overlap instead of following one another.
func (d *Directory) InternAll(raws []string, ids []int32) (invalid int) {
	x := d.ids
	var hs [internChunk]uint64
	var ends [internChunk]int
	for base := 0; base < len(raws); base += internChunk {
		chunk := raws[base:min(base+internChunk, len(raws))]
		d.lowers = d.lowers[:0]
		for i, raw := range chunk {
			d.lowers = d.appendNormal(d.lowers, raw)
			ends[i] = len(d.lowers)
		}
		var touch int32
		start := 0
		for i := range chunk {
			hs[i] = x.hash(d.lowers[start:ends[i]])
			touch += x.slots[hs[i]&x.mask].id
			start = ends[i]
		}
		d.touched += touch
		start = 0
		for i := range chunk {
			a := d.lowers[start:ends[i]]
			start = ends[i]
			id, slot := x.find(a, hs[i], &d.addrs)
			if id < 0 {
				if !Valid(string(a)) {
					ids[base+i] = -1
					invalid++
					continue
				}
				id = d.add(a, hs[i], slot)
			}
			ids[base+i] = id
		}
	}
	return invalid
}
