package scoring

import (
	"math"
	"testing"
)

// call is one connected calls row; "" stands for a null or invalid side.
func (f *fixture) call(at int64, from, to string) Call {
	f.t.Helper()
	return Call{Time: at, HasTime: true, Duration: 60, HasDuration: true, From: f.sender(from), To: f.sender(to)}
}

func TestCall(t *testing.T) {
	f := newOrg(t)
	f.g.Call(f.call(ago(45), ann, x))
	f.g.Call(f.call(ago(90), "X <X@acme.example>", bob))
	approx(t, "raw(ann, x)", f.counts("u-ann", x, 0, 0, 0, 1, ago(45), ago(45)).Raw, 2.0*math.Pow(0.5, 45.0/90))
	approx(t, "raw(bob, x)", f.counts("u-bob", x, 0, 0, 0, 1, ago(90), ago(90)).Raw, 2.0*0.5) // one half-life
	if f.g.Counters != (Counters{}) || f.g.Pairs().Len() != 2 {
		t.Errorf("counters %+v with %d pairs, want none and 2", f.g.Counters, f.g.Pairs().Len())
	}
}

func TestCallSkips(t *testing.T) {
	tests := []struct {
		name string
		call func(f *fixture) Call
		want Counters
	}{
		{"duration 0", func(f *fixture) Call {
			k := f.call(ago(1), ann, x)
			k.Duration = 0
			return k
		}, Counters{CallNotConnected: 1}},
		{"duration negative", func(f *fixture) Call {
			k := f.call(ago(1), ann, x)
			k.Duration = -5
			return k
		}, Counters{CallNotConnected: 1}},
		{"duration null", func(f *fixture) Call {
			k := f.call(ago(1), ann, x)
			k.HasDuration = false
			return k
		}, Counters{CallNotConnected: 1}},
		{"no start", func(f *fixture) Call {
			k := f.call(ago(1), ann, x)
			k.HasTime = false
			return k
		}, Counters{CallNoStartedAt: 1}},
		{"a microsecond before C - lookback", func(f *fixture) Call {
			return f.call(f.g.Config.WindowStart()-1, ann, x)
		}, Counters{CallOutsideWindow: 1}},
		{"exactly C", func(f *fixture) Call { return f.call(cutoff, ann, x) }, Counters{CallOutsideWindow: 1}},
		{"both contributors", func(f *fixture) Call { return f.call(ago(1), ann, bob) }, Counters{CallNoPair: 1}},
		{"both external", func(f *fixture) Call { return f.call(ago(1), x, y) }, Counters{CallNoPair: 1}},
		{"disabled colleague and external", func(f *fixture) Call { return f.call(ago(1), cat, x) }, Counters{CallNoPair: 1}},
		{"external and opted-out colleague", func(f *fixture) Call { return f.call(ago(1), x, dan) }, Counters{CallNoPair: 1}},
		{"contributor and internal non-user", func(f *fixture) Call { return f.call(ago(1), ann, room) }, Counters{CallNoPair: 1}},
		{"contributor and invalid side", func(f *fixture) Call { return f.call(ago(1), ann, "") }, Counters{CallNoPair: 1}},
		{"invalid side and external", func(f *fixture) Call { return f.call(ago(1), "", x) }, Counters{CallNoPair: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newOrg(t)
			f.g.Call(tt.call(f))
			if f.g.Counters != tt.want || f.g.Pairs().Len() != 0 {
				t.Errorf("counters %+v with %d pairs, want %+v and none", f.g.Counters, f.g.Pairs().Len(), tt.want)
			}
		})
	}
}

func TestCallWindowEdgesAndAggregate(t *testing.T) {
	f := newOrg(t)
	f.g.Call(f.call(f.g.Config.WindowStart(), ann, x))
	f.g.Call(f.call(cutoff-1, x, ann))
	f.g.Call(f.call(ago(100), ann, x))
	approx(t, "raw(ann, x)", f.counts("u-ann", x, 0, 0, 0, 3, f.g.Config.WindowStart(), cutoff-1).Raw,
		2.0*math.Pow(0.5, 365.0/90)+ // at C - lookback
			2.0*math.Pow(0.5, (1.0/86_400_000_000)/90)+ // a microsecond before C
			2.0*math.Pow(0.5, 100.0/90))
}
