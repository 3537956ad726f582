package main

import (
	"os"
	"runtime/debug"

	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/wkw/wkw/readers"
)

// allocator picks where Arrow's column buffers live: the Go heap, through a
// pool that reuses what Arrow frees (readers.Pool). Decoding allocates the
// same buffer sizes batch after batch; reusing them saves the page faults of
// fresh memory and some collections (10M emails: 27.1 s -> 24.1 s, 47 -> 42
// CPU-s). Arrow v17 reads some page buffers after freeing them, so the
// readers hold those frees back until each row group is done.
func allocator() memory.Allocator {
	return readers.NewPool(256 << 20)
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
