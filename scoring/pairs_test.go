package scoring

import "testing"

// Pairs past the first chunk keep their indexes, and a *Pair taken before
// more are added still points at the table's pair.
func TestPairTableAcrossChunks(t *testing.T) {
	var tab PairTable
	n := 2*pairChunk + 3
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
	for _, i := range []int32{pairChunk - 1, pairChunk, 2 * pairChunk, int32(n - 1)} {
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
