package main

import (
	"os"
	"runtime/debug"

	"github.com/apache/arrow/go/v17/arrow/memory"
)

// allocator picks where Arrow's column buffers live: the Go heap. Arrow's
// C allocator (mallocator) was tried and measured no faster here, and it
// turns a double free inside Arrow v17's builders — harmless with Go's
// allocator, whose Free does nothing — into a crash.
func allocator() memory.Allocator {
	return memory.NewGoAllocator()
}

// The model (interned addresses, pairs) grows steadily while decoded
// batches come and go; collecting less often trades a little memory for
// noticeably less CPU. A soft limit (unless GOMEMLIMIT says otherwise) makes
// the collector work harder instead when the heap nears 1.5 GiB.
func init() {
	debug.SetGCPercent(400)
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(1536 << 20)
	}
}
