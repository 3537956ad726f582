package scoring

import (
	"math"
	"testing"
)

// meeting is one meetings row; organizer "" stands for none valid.
func (f *fixture) meeting(at int64, organizer string, required, optional []string) *Message {
	f.t.Helper()
	return f.message(at, organizer, f.parties(wRequired, required...), f.parties(wOptional, optional...))
}

func TestMeetingWeights(t *testing.T) {
	f := newOrg(t)
	f.g.Meeting(f.meeting(ago(30), ann, []string{x, bob}, []string{y, z}))
	// N = 5 (ann, x, bob, y, z), fanout 1/sqrt(4), age 30 days.
	d := math.Pow(0.5, 30.0/90)
	approx(t, "raw(ann, x)", f.counts("u-ann", x, 0, 0, 1, 0, ago(30), ago(30)).Raw, 2*1.0*1.0*(1/math.Sqrt(4))*d)
	approx(t, "raw(ann, y)", f.pair("u-ann", y).Raw, 2*1.0*0.5*(1/math.Sqrt(4))*d)
	approx(t, "raw(ann, z)", f.pair("u-ann", z).Raw, 2*1.0*0.5*(1/math.Sqrt(4))*d)
	approx(t, "raw(bob, x)", f.counts("u-bob", x, 0, 0, 1, 0, ago(30), ago(30)).Raw, 2*1.0*1.0*(1/math.Sqrt(4))*d)
	approx(t, "raw(bob, y)", f.pair("u-bob", y).Raw, 2*1.0*0.5*(1/math.Sqrt(4))*d)
	approx(t, "raw(bob, z)", f.pair("u-bob", z).Raw, 2*1.0*0.5*(1/math.Sqrt(4))*d)
	if f.g.Pairs().Len() != 6 || f.g.Counters != (Counters{}) {
		t.Errorf("%d pairs, counters %+v; want 6 and none", f.g.Pairs().Len(), f.g.Counters)
	}
}

func TestMeetingExternalOrganizer(t *testing.T) {
	f := newOrg(t)
	f.g.Meeting(f.meeting(ago(15), x, []string{y}, []string{ann}))
	// N = 3; the organizer weighs 1.0, ann is optional.
	d := math.Pow(0.5, 15.0/90)
	approx(t, "raw(ann, x)", f.pair("u-ann", x).Raw, 2*0.5*1.0*(1/math.Sqrt(2))*d)
	approx(t, "raw(ann, y)", f.pair("u-ann", y).Raw, 2*0.5*1.0*(1/math.Sqrt(2))*d)
}

func TestMeetingStrongestWeightKept(t *testing.T) {
	f := newOrg(t)
	m := f.message(ago(45), ann, f.parties(wOptional, ann, x, y, y), f.parties(wRequired, x))
	f.g.Meeting(m)
	// Participants ann 1.0 (organizer), x 1.0 (required beats optional), y 0.5: N = 3.
	d := math.Pow(0.5, 45.0/90)
	approx(t, "raw(ann, x)", f.pair("u-ann", x).Raw, 2*1.0*1.0*(1/math.Sqrt(2))*d)
	approx(t, "raw(ann, y)", f.pair("u-ann", y).Raw, 2*1.0*0.5*(1/math.Sqrt(2))*d)
}

func TestMeetingWithoutOrganizer(t *testing.T) {
	f := newOrg(t)
	f.g.Meeting(f.meeting(ago(9), "", []string{ann, x}, []string{bob}))
	// Kept: N = 3 (ann, x, bob), age 9 days.
	approx(t, "raw(ann, x)", f.pair("u-ann", x).Raw, 2*1.0*1.0*(1/math.Sqrt(2))*math.Pow(0.5, 9.0/90))
	approx(t, "raw(bob, x)", f.pair("u-bob", x).Raw, 2*0.5*1.0*(1/math.Sqrt(2))*math.Pow(0.5, 9.0/90))
}

func TestMeetingParticipantCount(t *testing.T) {
	d := math.Pow(0.5, 7.0/90)
	tests := []struct {
		name               string
		organizer          string
		required, optional []string
		want               Counters
		wantRaw            float64 // raw(ann, x); 0 when there is no pair
	}{
		{"N = 2", ann, []string{x}, nil, Counters{}, 2 * 1.0 * 1.0 * (1 / math.Sqrt(1)) * d},
		{"N = limit", ann, []string{x, y}, nil, Counters{}, 2 * 1.0 * 1.0 * (1 / math.Sqrt(2)) * d},
		{"N = limit, repeats counted once", ann, []string{x, y}, []string{x, y, ann}, Counters{}, 2 * 1.0 * 1.0 * (1 / math.Sqrt(2)) * d},
		{"N = limit + 1", ann, []string{x, y, z}, nil, Counters{MeetingTooLarge: 1}, 0},
		{"the organizer counts toward N", bob, []string{ann, x, y}, nil, Counters{MeetingTooLarge: 1}, 0},
		{"N = 1, organizer also required", ann, []string{ann}, nil, Counters{MeetingTooFew: 1}, 0},
		{"N = 1 without organizer", "", []string{x}, nil, Counters{MeetingTooFew: 1}, 0},
		{"N = 0", "", nil, nil, Counters{MeetingTooFew: 1}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig()
			cfg.MaxAttendees = 3
			f := newFixture(t, cfg, org, orgOptOuts)
			f.g.Meeting(f.meeting(ago(7), tt.organizer, tt.required, tt.optional))
			if f.g.Counters != tt.want {
				t.Errorf("counters %+v, want %+v", f.g.Counters, tt.want)
			}
			if tt.wantRaw == 0 {
				if f.g.Pairs().Len() != 0 {
					t.Errorf("%d pairs, want none", f.g.Pairs().Len())
				}
				return
			}
			approx(t, "raw(ann, x)", f.pair("u-ann", x).Raw, tt.wantRaw)
		})
	}
}

func TestMeetingSkips(t *testing.T) {
	tests := []struct {
		name string
		msg  func(f *fixture) *Message
		want Counters
	}{
		{"cancelled", func(f *fixture) *Message {
			m := f.meeting(ago(1), ann, []string{x}, nil)
			m.Cancelled = true
			return m
		}, Counters{MeetingCancelled: 1}},
		{"no start", func(f *fixture) *Message {
			m := f.meeting(ago(1), ann, []string{x}, nil)
			m.HasTime = false
			return m
		}, Counters{MeetingNoStartAt: 1}},
		{"a microsecond before C - lookback", func(f *fixture) *Message {
			return f.meeting(f.g.Config.WindowStart()-1, ann, []string{x}, nil)
		}, Counters{MeetingOutsideWindow: 1}},
		{"exactly C", func(f *fixture) *Message {
			return f.meeting(cutoff, ann, []string{x}, nil)
		}, Counters{MeetingOutsideWindow: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newOrg(t)
			f.g.Meeting(tt.msg(f))
			if f.g.Counters != tt.want || f.g.Pairs().Len() != 0 {
				t.Errorf("counters %+v with %d pairs, want %+v and none", f.g.Counters, f.g.Pairs().Len(), tt.want)
			}
		})
	}
}

// TestMeetingCancelledWithoutStart: §4.2 names both reasons without an
// order, so only "counted once" is asserted.
func TestMeetingCancelledWithoutStart(t *testing.T) {
	f := newOrg(t)
	m := f.meeting(0, ann, []string{x}, nil)
	m.HasTime, m.Cancelled = false, true
	f.g.Meeting(m)
	if c := f.g.Counters; c.MeetingCancelled+c.MeetingNoStartAt != 1 || f.g.Pairs().Len() != 0 {
		t.Errorf("counters %+v with %d pairs, want one skip", c, f.g.Pairs().Len())
	}
}

func TestMeetingWindowEdges(t *testing.T) {
	f := newOrg(t)
	f.g.Meeting(f.meeting(f.g.Config.WindowStart(), ann, []string{x}, nil))
	f.g.Meeting(f.meeting(cutoff-1, bob, []string{x}, nil))
	approx(t, "raw at C - lookback", f.pair("u-ann", x).Raw, 2*1.0*1.0*1*math.Pow(0.5, 365.0/90))
	approx(t, "raw a microsecond before C", f.pair("u-bob", x).Raw, 2*1.0*1.0*1*math.Pow(0.5, (1.0/86_400_000_000)/90))
}

func TestMeetingNoPairs(t *testing.T) {
	tests := []struct {
		name      string
		organizer string
		required  []string
	}{
		{"colleagues only", ann, []string{bob, room}},
		{"externals only", x, []string{y, z}},
		{"non-contributors and externals", cat, []string{dan, x}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newOrg(t)
			f.g.Meeting(f.meeting(ago(2), tt.organizer, tt.required, nil))
			if f.g.Pairs().Len() != 0 || f.g.Counters != (Counters{}) {
				t.Errorf("%d pairs, counters %+v; want none", f.g.Pairs().Len(), f.g.Counters)
			}
		})
	}
}

func TestMeetingAndMailAggregate(t *testing.T) {
	f := newOrg(t)
	f.g.Meeting(f.meeting(ago(20), ann, []string{x}, nil))
	f.g.Meeting(f.meeting(ago(80), "", []string{ann}, []string{x}))
	f.g.Email(f.message(ago(5), ann, f.parties(wTo, x)))
	approx(t, "raw(ann, x)", f.counts("u-ann", x, 1, 0, 2, 0, ago(80), ago(5)).Raw,
		2*1.0*1.0*math.Pow(0.5, 20.0/90)+ // meeting of two
			2*1.0*0.5*math.Pow(0.5, 80.0/90)+ // x optional, no organizer
			1.0*math.Pow(0.5, 5.0/90)) // one mail to x
}
