package writers

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

func connectionRows(n int) func(yield func(ConnectionRow) bool) {
	name := "Ann Lee"
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return func(yield func(ConnectionRow) bool) {
		for i := range n {
			r := ConnectionRow{
				AsOf: 20778, UserID: fmt.Sprintf("u%04d", i%5000), UserEmail: fmt.Sprintf("user%04d@corp.example", i%5000),
				UserFullName: &name, ExternalAddress: fmt.Sprintf("contact%d@client%d.example", i, i%9000),
				EmailsSent: int64(i % 7), EmailsReceived: int64(i % 5), Meetings: int64(i % 3), Calls: int64(i % 2),
				FirstInteractionAt: t0, LastInteractionAt: t0.Add(time.Duration(i) * time.Second),
				Strength: float64(i%1000) / 7, Score: float64(i%100) + 0.5, Band: "weak",
			}
			if !yield(r) {
				return
			}
		}
	}
}

// BenchmarkWriteParquet writes connection rows, the largest Parquet output.
func BenchmarkWriteParquet(b *testing.B) {
	for _, n := range []int{500_000, 2_000_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := WriteParquet(filepath.Join(b.TempDir(), "c.parquet"), connectionRows(n)); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}
