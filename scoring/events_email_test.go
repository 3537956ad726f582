package scoring

import (
	"fmt"
	"math"
	"testing"
)

const (
	ann  = "ann@brightlane.example"
	bob  = "bob@brightlane.example"
	cat  = "cat@brightlane.example"  // disabled
	dan  = "dan@brightlane.example"  // opted out
	room = "room@brightlane.example" // internal, not a user
	x    = "x@acme.example"
	y    = "y@acme.example"
	z    = "z@other.example"
)

func TestEmailFieldWeights(t *testing.T) {
	f := newOrg(t)
	f.g.Email(f.message(ago(10), "Ann Lee <ANN@brightlane.example>",
		f.parties(wTo, x), f.parties(wCc, y), f.parties(wBcc, z)))
	// R = 3, age 10 days, half-life 90.
	approx(t, "raw(ann, x) To", f.counts("u-ann", x, 1, 0, 0, 0, ago(10), ago(10)).Raw, 1.0*(1/math.Sqrt(3))*math.Pow(0.5, 10.0/90))
	approx(t, "raw(ann, y) Cc", f.counts("u-ann", y, 1, 0, 0, 0, ago(10), ago(10)).Raw, 0.5*(1/math.Sqrt(3))*math.Pow(0.5, 10.0/90))
	approx(t, "raw(ann, z) Bcc", f.counts("u-ann", z, 1, 0, 0, 0, ago(10), ago(10)).Raw, 0.5*(1/math.Sqrt(3))*math.Pow(0.5, 10.0/90))
	if f.g.Pairs().Len() != 3 || f.g.Counters != (Counters{}) {
		t.Errorf("%d pairs, counters %+v; want 3 pairs and no counts", f.g.Pairs().Len(), f.g.Counters)
	}
}

func TestEmailStrongestFieldKept(t *testing.T) {
	f := newOrg(t)
	// The weaker fields come first, so keeping the first one seen would fail.
	f.g.Email(f.message(ago(20), ann,
		f.parties(wCc, x, y), f.parties(wBcc, x, y), f.parties(wTo, x, z)))
	// x in To, Cc and Bcc keeps 1.0; y in Cc and Bcc keeps 0.5; R = 3 distinct.
	approx(t, "raw(ann, x)", f.pair("u-ann", x).Raw, 1.0*(1/math.Sqrt(3))*math.Pow(0.5, 20.0/90))
	approx(t, "raw(ann, y)", f.pair("u-ann", y).Raw, 0.5*(1/math.Sqrt(3))*math.Pow(0.5, 20.0/90))
	approx(t, "raw(ann, z)", f.pair("u-ann", z).Raw, 1.0*(1/math.Sqrt(3))*math.Pow(0.5, 20.0/90))
	if p := f.pair("u-ann", x); p.EmailsSent != 1 {
		t.Errorf("an address in three fields made %d events, want 1", p.EmailsSent)
	}
}

func TestEmailInternalRecipientsCountTowardR(t *testing.T) {
	f := newOrg(t)
	f.g.Email(f.message(ago(30), ann,
		f.parties(wTo, x, bob), f.parties(wCc, cat, room), f.parties(wBcc, dan)))
	// R = 5: x, bob, cat, room and dan; only x is external.
	approx(t, "raw(ann, x)", f.pair("u-ann", x).Raw, 1.0*(1/math.Sqrt(5))*math.Pow(0.5, 30.0/90))
	f.noPair("u-bob", x) // bob and x are co-recipients
	if f.g.Pairs().Len() != 1 {
		t.Errorf("%d pairs, want 1", f.g.Pairs().Len())
	}
}

func TestEmailSenderNotItsOwnRecipient(t *testing.T) {
	f := newOrg(t)
	f.g.Email(f.message(ago(5), ann,
		f.parties(wTo, "ANN@brightlane.example", x), f.parties(wCc, "Ann <ann@brightlane.example>")))
	// R = 1: ann's own address, however written, is not a recipient.
	approx(t, "raw(ann, x)", f.pair("u-ann", x).Raw, 1.0*(1/math.Sqrt(1))*math.Pow(0.5, 5.0/90))

	f.g.Email(f.message(ago(5), ann, f.parties(wTo, ann)))
	if f.g.Counters.EmailNoRecipients != 1 {
		t.Errorf("a message to its own sender only: no_recipients = %d, want 1", f.g.Counters.EmailNoRecipients)
	}
}

func TestEmailReceived(t *testing.T) {
	f := newOrg(t)
	f.g.Email(f.message(ago(60), x,
		f.parties(wTo, ann, y), f.parties(wCc, bob, dan), f.parties(wBcc, cat)))
	// R = 5; the contributors are ann (To) and bob (Cc).
	approx(t, "raw(ann, x)", f.counts("u-ann", x, 0, 1, 0, 0, ago(60), ago(60)).Raw, 1.0*(1/math.Sqrt(5))*math.Pow(0.5, 60.0/90))
	approx(t, "raw(bob, x)", f.counts("u-bob", x, 0, 1, 0, 0, ago(60), ago(60)).Raw, 0.5*(1/math.Sqrt(5))*math.Pow(0.5, 60.0/90))
	if f.g.Pairs().Len() != 2 {
		t.Errorf("%d pairs, want 2: co-recipient y, disabled cat and opted-out dan give none", f.g.Pairs().Len())
	}
}

func TestEmailNoEvent(t *testing.T) {
	tests := []struct {
		name, from string
		to, cc     []string
	}{
		{"external to external", x, []string{y}, []string{z}},
		{"disabled colleague to external", cat, []string{x}, nil},
		{"opted-out colleague to external", dan, []string{x}, nil},
		{"internal address of no user to external", room, []string{x}, nil},
		{"disabled colleague to a contributor", cat, []string{ann}, []string{x}},
		{"internal address of no user to a contributor", room, []string{bob}, nil},
		{"contributor to colleagues only", ann, []string{bob}, []string{cat, room}},
		{"external to non-contributors", x, []string{cat, dan}, []string{y}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newOrg(t)
			f.g.Email(f.message(ago(1), tt.from, f.parties(wTo, tt.to...), f.parties(wCc, tt.cc...)))
			if f.g.Pairs().Len() != 0 || f.g.Counters != (Counters{}) {
				t.Errorf("%d pairs, counters %+v; want none", f.g.Pairs().Len(), f.g.Counters)
			}
		})
	}
}

// externals returns n distinct external addresses.
func externals(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("p%02d@acme.example", i)
	}
	return out
}

func TestEmailChecksInOrder(t *testing.T) {
	tests := []struct {
		name string
		msg  func(f *fixture) *Message
		want Counters
	}{
		{"no time and no sender", func(f *fixture) *Message {
			m := f.message(0, "", f.parties(wTo, x))
			m.HasTime = false
			return m
		}, Counters{EmailNoSentAt: 1}},
		{"no time, a time value that is outside the window", func(f *fixture) *Message {
			m := f.message(cutoff, ann)
			m.HasTime = false
			return m
		}, Counters{EmailNoSentAt: 1}},
		{"no sender, outside the window, no recipients", func(f *fixture) *Message {
			return f.message(cutoff, "")
		}, Counters{EmailNoSender: 1}},
		{"outside the window and no recipients", func(f *fixture) *Message {
			return f.message(cutoff, ann)
		}, Counters{EmailOutsideWindow: 1}},
		{"outside the window and a broadcast", func(f *fixture) *Message {
			return f.message(ago(400), ann, f.parties(wTo, externals(51)...))
		}, Counters{EmailOutsideWindow: 1}},
		{"R = 0", func(f *fixture) *Message {
			return f.message(ago(1), ann, f.parties(wCc, ann))
		}, Counters{EmailNoRecipients: 1}},
		{"broadcast", func(f *fixture) *Message {
			return f.message(ago(1), ann, f.parties(wTo, externals(51)...))
		}, Counters{EmailBroadcast: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newOrg(t)
			f.g.Email(tt.msg(f))
			if f.g.Counters != tt.want || f.g.Pairs().Len() != 0 {
				t.Errorf("counters %+v with %d pairs, want %+v and none", f.g.Counters, f.g.Pairs().Len(), tt.want)
			}
		})
	}
}

func TestEmailBroadcastLimit(t *testing.T) {
	f := newOrg(t)
	fifty := externals(50)
	// 50 distinct recipients; the sender and a repeated address do not add to R.
	f.g.Email(f.message(ago(3), ann, f.parties(wTo, fifty...), f.parties(wCc, ann), f.parties(wBcc, fifty[0])))
	if f.g.Pairs().Len() != 50 || f.g.Counters.EmailBroadcast != 0 {
		t.Fatalf("R = limit: %d pairs, broadcast %d; want 50 pairs, 0", f.g.Pairs().Len(), f.g.Counters.EmailBroadcast)
	}
	approx(t, "raw(ann, p00)", f.pair("u-ann", fifty[0]).Raw, 1.0*(1/math.Sqrt(50))*math.Pow(0.5, 3.0/90))
	approx(t, "raw(ann, p49)", f.pair("u-ann", fifty[49]).Raw, 1.0*(1/math.Sqrt(50))*math.Pow(0.5, 3.0/90))

	f.g.Email(f.message(ago(2), ann, f.parties(wTo, externals(51)...)))
	if f.g.Counters.EmailBroadcast != 1 || f.pair("u-ann", fifty[0]).EmailsSent != 1 {
		t.Errorf("R = limit+1: broadcast %d, sent(ann, p00) %d; want 1, 1",
			f.g.Counters.EmailBroadcast, f.pair("u-ann", fifty[0]).EmailsSent)
	}
}

func TestEmailWindowEdges(t *testing.T) {
	f := newOrg(t)
	start := f.g.Config.WindowStart()
	f.g.Email(f.message(start-1, ann, f.parties(wTo, "early@acme.example")))
	f.g.Email(f.message(start, ann, f.parties(wTo, "first@acme.example")))
	f.g.Email(f.message(cutoff-1, x, f.parties(wTo, ann)))
	f.g.Email(f.message(cutoff, ann, f.parties(wTo, "late@acme.example")))
	if f.g.Counters.EmailOutsideWindow != 2 || f.g.Pairs().Len() != 2 {
		t.Fatalf("outside_window %d with %d pairs, want 2 and 2", f.g.Counters.EmailOutsideWindow, f.g.Pairs().Len())
	}
	approx(t, "raw at C - lookback", f.pair("u-ann", "first@acme.example").Raw, math.Pow(0.5, 365.0/90))
	approx(t, "raw a microsecond before C", f.pair("u-ann", x).Raw, math.Pow(0.5, (1.0/86_400_000_000)/90))
}

func TestEmailPairAggregates(t *testing.T) {
	f := newOrg(t)
	f.g.Email(f.message(ago(100), ann, f.parties(wTo, x)))
	f.g.Email(f.message(ago(10), ann, f.parties(wTo, y), f.parties(wCc, x)))
	f.g.Email(f.message(ago(50), x, f.parties(wTo, ann), f.parties(wCc, bob)))
	f.g.Email(f.message(ago(200), ann, f.parties(wTo, x), f.parties(wBcc, x)))

	approx(t, "raw(ann, x)", f.counts("u-ann", x, 3, 1, 0, 0, ago(200), ago(10)).Raw,
		1.0*math.Pow(0.5, 100.0/90)+ // To x alone
			0.5*(1/math.Sqrt(2))*math.Pow(0.5, 10.0/90)+ // Cc x beside y
			1.0*(1/math.Sqrt(2))*math.Pow(0.5, 50.0/90)+ // received, To ann beside bob
			1.0*math.Pow(0.5, 200.0/90)) // To and Bcc x: one recipient at 1.0
	approx(t, "raw(bob, x)", f.counts("u-bob", x, 0, 1, 0, 0, ago(50), ago(50)).Raw, 0.5*(1/math.Sqrt(2))*math.Pow(0.5, 50.0/90))
	approx(t, "raw(ann, y)", f.counts("u-ann", y, 1, 0, 0, 0, ago(10), ago(10)).Raw, 1.0*(1/math.Sqrt(2))*math.Pow(0.5, 10.0/90))
}
