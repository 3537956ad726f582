package main

import (
	"os"
	"runtime/debug"

	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/wkw/wkw/readers"
)

// allocator picks where Arrow's column buffers live: the Go heap, through a
// pool that reuses what Arrow frees (readers.Pool). Arrow's C allocator
// (mallocator) was tried and measured no faster here, and it turns a double
// free inside Arrow v17's builders into a crash; the pool ignores such a
// free.
func allocator() memory.Allocator {
	return readers.NewPool(256 << 20)
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
