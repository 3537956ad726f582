package main

import "testing"

// Arrow v17 reads a page's buffer after freeing it, so the allocator wkw
// gives Arrow must never hand freed memory out again while it is still
// referenced: a freed buffer keeps its bytes after later allocations.
func TestAllocatorDoesNotReuseFreedMemory(t *testing.T) {
	a := allocator()
	b := a.Allocate(64 << 10)
	for i := range b {
		b[i] = 0xAB
	}
	a.Free(b)
	for range 8 {
		c := a.Allocate(64 << 10)
		if &c[0] == &b[0] {
			t.Fatal("a freed buffer was handed out again")
		}
		clear(c)
	}
	for i := range b {
		if b[i] != 0xAB {
			t.Fatalf("freed buffer changed at byte %d", i)
		}
	}
}
