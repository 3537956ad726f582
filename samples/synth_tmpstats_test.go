package samples

import (
	"context"
	"os"
	"testing"
	"time"
)

func TestTmpGen1M(t *testing.T) {
	out := os.Getenv("SYNTH_OUT")
	if out == "" {
		t.Skip()
	}
	p := DefaultSynthParams()
	p.Emails, p.Meetings, p.Calls = 1_000_000, 100_000, 50_000
	start := time.Now()
	if err := Synthesize(context.Background(), out, p, func(s string) { t.Log(time.Since(start).Round(time.Millisecond), s) }); err != nil {
		t.Fatal(err)
	}
	t.Log("took", time.Since(start))
}
