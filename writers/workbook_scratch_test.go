package writers

import (
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"
)

func TestScratchNightly(t *testing.T) {
	r := largeReport(250_000, 200_000)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	var peak, peakLive atomic.Uint64
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	baseLive := live[0].Value.Uint64()
	done := make(chan struct{})
	go func() {
		var m runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
			}
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse)
			}
			metrics.Read(live)
			if v := live[0].Value.Uint64(); v > peakLive.Load() {
				peakLive.Store(v)
			}
		}
	}()
	os.Remove("/tmp/wkwx/nightly.xlsx")
	start := time.Now()
	if _, err := WriteWorkbook("/tmp/wkwx/nightly.xlsx", r); err != nil {
		t.Fatal(err)
	}
	el := time.Since(start)
	close(done)
	fmt.Printf("live heap at GC: before %d MB, peak %d MB\n", baseLive>>20, peakLive.Load()>>20)
	fmt.Printf("report heap %d MB, peak heap during write %d MB (+%d MB), took %v\n", base>>20, peak.Load()>>20, (peak.Load()-base)>>20, el)
}
