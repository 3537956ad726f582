package scoring

import (
	"testing"
	"time"
)

func TestWindowStart(t *testing.T) {
	// 365 days before 2025-01-01 is 2024-01-02 because 2024 has 366 days.
	want := time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC).UnixMicro()
	if got := testConfig().WindowStart(); got != want {
		t.Errorf("WindowStart = %d, want %d", got, want)
	}
}

func TestInWindow(t *testing.T) {
	cfg := testConfig()
	start := time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC).UnixMicro()
	tests := []struct {
		name string
		t    int64
		want bool
	}{
		{"a microsecond before C - lookback", start - 1, false},
		{"exactly C - lookback", start, true},
		{"a microsecond after C - lookback", start + 1, true},
		{"a microsecond before C", cutoff - 1, true},
		{"exactly C", cutoff, false},
		{"a microsecond after C", cutoff + 1, false},
	}
	for _, tt := range tests {
		if got := cfg.InWindow(tt.t); got != tt.want {
			t.Errorf("InWindow(%s) = %v, want %v", tt.name, got, tt.want)
		}
	}
}
