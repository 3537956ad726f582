package scoring

// Address ids are handed out by one goroutine (the one interning) while
// another may read what is known of earlier ids (the one aggregating). The
// table therefore never moves an entry: entries live in fixed chunks, found
// through a fixed array of chunk pointers, and a chunk pointer or entry is
// written once, before its id is first handed out. Reading an id received
// from the interning goroutine through a channel is then race-free.
const (
	chunkBits = 12
	chunkSize = 1 << chunkBits
	maxChunks = 1 << 19 // 2^31 addresses
)

type addrInfo struct {
	addr   string
	member int32 // contributing member, or -1
	inside bool  // internal address
}

type addrTable struct {
	chunks *[maxChunks]*[chunkSize]addrInfo
	n      int32
}

func newAddrTable() addrTable {
	return addrTable{chunks: new([maxChunks]*[chunkSize]addrInfo)}
}

func (t *addrTable) add(info addrInfo) int32 {
	id := t.n
	c := id >> chunkBits
	if t.chunks[c] == nil {
		t.chunks[c] = new([chunkSize]addrInfo)
	}
	t.chunks[c][id&(chunkSize-1)] = info
	t.n++
	return id
}

func (t *addrTable) at(id int32) *addrInfo {
	return &t.chunks[id>>chunkBits][id&(chunkSize-1)]
}
