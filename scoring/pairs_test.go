package scoring

import "testing"

// Pairs past the first chunk keep their indexes, and a *Pair taken before
// more are added still points at the table's pair.
func TestPairTableAcrossChunks(t *testing.T) {
	var tab PairTable
	const chunk = 1 << chunkBits
	n := 2*chunk + 3
	first := (*Pair)(nil)
	for i := range n {
		if got := tab.push(Pair{Member: int32(i), Addr: int32(-i)}); got != int32(i) {
			t.Fatalf("push %d returned index %d", i, got)
		}
		if i == 0 {
			first = tab.At(0)
		}
	}
	first.Calls = 7
	if tab.Len() != n || len(tab.Chunks()) != 3 || len(tab.Chunks()[2]) != 3 {
		t.Fatalf("len %d in %d chunks, want %d in 3 with 3 in the last", tab.Len(), len(tab.Chunks()), n)
	}
	if tab.At(0).Calls != 7 {
		t.Errorf("pair 0 calls %d after growth, want 7", tab.At(0).Calls)
	}
	for _, i := range []int32{chunk - 1, chunk, 2 * chunk, int32(n - 1)} {
		if p := tab.At(i); p.Member != i || p.Addr != -i {
			t.Errorf("At(%d) = member %d addr %d", i, p.Member, p.Addr)
		}
	}
	seen := 0
	for _, c := range tab.Chunks() {
		for i := range c {
			if c[i].Member != int32(seen) {
				t.Fatalf("chunk order: pair %d has member %d", seen, c[i].Member)
			}
			seen++
		}
	}
	tab.Release()
	if tab.Len() != 0 || tab.Chunks() != nil {
		t.Errorf("after Release: len %d, %d chunks", tab.Len(), len(tab.Chunks()))
	}
}

// Events applied in batches through the pair index, across its growth, sum
// exactly as one map of pairs would, every pair found again by Find.
func TestGraphBatchedEventsMatchAMap(t *testing.T) {
	g := NewGraph(Config{}, nil)
	type sum struct {
		first, last int64
		raw         float64
		sent        int32
		calls       int32
	}
	want := map[uint64]*sum{}
	r := uint64(1)
	for i := range 300_000 {
		r = r*6364136223846793005 + 1442695040888963407
		member, addr := int32(r>>33)%700, int32(r>>13)%900
		k, at, w := kind(i%2*3), int64(r>>40), float64(r>>54)/8
		g.add(member, addr, k, at, w)
		s, ok := want[pairKey(member, addr)]
		if !ok {
			s = &sum{first: at, last: at}
			want[pairKey(member, addr)] = s
		}
		s.first, s.last, s.raw = min(s.first, at), max(s.last, at), s.raw+w
		if k == call {
			s.calls++
		} else {
			s.sent++
		}
	}
	if g.Pairs().Len() != len(want) || len(g.index.slots) <= pairIndexMin {
		t.Fatalf("%d pairs in %d slots, want %d and growth past %d", g.Pairs().Len(), len(g.index.slots), len(want), pairIndexMin)
	}
	for key, s := range want {
		p, ok := g.Find(int32(key>>32), int32(uint32(key)))
		if !ok || p.First != s.first || p.Last != s.last || p.Raw != s.raw || p.EmailsSent != s.sent || p.Calls != s.calls {
			t.Fatalf("pair %x: %+v (found %v), want %+v", key, p, ok, *s)
		}
	}
	if _, ok := g.Find(700, 0); ok {
		t.Errorf("found a pair that was never added")
	}
}
