package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// startProfiles starts a CPU profile and arranges a heap profile, for the
// performance work (docs/PERFORMANCE.md); stop ends both.
func startProfiles(cpu, heap string) (stop func() error, err error) {
	var cpuFile *os.File
	if cpu != "" {
		if cpuFile, err = os.Create(cpu); err != nil {
			return nil, fmt.Errorf("%w: --cpuprofile: %w", errFlags, err)
		}
		if err := pprof.StartCPUProfile(cpuFile); err != nil {
			cpuFile.Close()
			return nil, fmt.Errorf("start cpu profile: %w", err)
		}
	}
	return func() error {
		if cpuFile != nil {
			pprof.StopCPUProfile()
			if err := cpuFile.Close(); err != nil {
				return fmt.Errorf("write cpu profile %s: %w", cpu, err)
			}
		}
		if heap == "" {
			return nil
		}
		f, err := os.Create(heap)
		if err != nil {
			return fmt.Errorf("create heap profile: %w", err)
		}
		runtime.GC()
		if err := pprof.WriteHeapProfile(f); err != nil {
			f.Close()
			return fmt.Errorf("write heap profile %s: %w", heap, err)
		}
		return f.Close()
	}, nil
}
