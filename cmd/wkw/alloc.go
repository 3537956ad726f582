package main

import (
	"os"
	"runtime/debug"

	"github.com/apache/arrow/go/v17/arrow/memory"
)

// allocator picks where Arrow's column buffers live: the Go heap. Arrow's
// C allocator (mallocator) was tried and measured no faster here, and it
// turns a double free inside Arrow v17's builders into a crash. Any
// allocator that reuses freed memory is unsafe with Arrow v17: its page
// reader frees a decompressed page's buffer while the page is still being
// decoded (serializedPageReader.Next), which a pool of reused buffers turned
// into wrong values from Snappy-compressed V1 pages; Go's allocator, whose
// Free does nothing, is immune.
func allocator() memory.Allocator {
	return memory.NewGoAllocator()
}

// The collector runs at Go's default pace: the model's big structures hold
// no pointers, so a collection costs little, and collecting less often
// (GOGC=400 was tried) only grew the heap into fresh memory, whose page
// faults cost more than the collections saved (1M emails: 6.5 s -> 6.0 s
// wall, 1.4 -> 1.0 GiB peak). A soft limit (unless GOMEMLIMIT says
// otherwise) makes the collector work harder instead when the heap nears
// 1.5 GiB.
func init() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(1536 << 20)
	}
}
