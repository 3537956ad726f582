package scoring

import (
	"math"
	"slices"
	"testing"
	"unsafe"
)

// fill overwrites a reused row, as a reader does between rows.
func (f *fixture) fill(row *Message, at int64, from string, fields ...[]Party) *Message {
	f.t.Helper()
	row.Reset()
	row.Time, row.HasTime, row.Sender = at, true, f.sender(from)
	for _, p := range fields {
		row.Parties = append(row.Parties, p...)
	}
	return row
}

// mergeOne runs mg.Each, expecting exactly one message.
func mergeOne(t *testing.T, mg *Merger) *Message {
	t.Helper()
	var got []*Message
	mg.Each(func(_ string, m *Message) { got = append(got, m) })
	if len(got) != 1 {
		t.Fatalf("Each gave %d messages, want 1", len(got))
	}
	return got[0]
}

func TestMergerEmail(t *testing.T) {
	f := newOrg(t)
	mg := NewMerger(f.d)
	var row Message
	mg.Add("m1", f.fill(&row, ago(10), "zed@acme.example", f.parties(wTo, x), f.parties(wCc, y)), 0)
	mg.Add("m1", f.fill(&row, ago(12), ann, f.parties(wTo, x), f.parties(wCc, y), f.parties(wBcc, z)), 0)
	m := mergeOne(t, mg)
	if m.Rows != 2 || !m.HasTime || m.Time != ago(12) || m.Sender != f.id(ann) || !m.Disagree {
		t.Errorf("merged rows %d time %d/%v sender %d disagree %v; want 2, %d/true, %d, true",
			m.Rows, m.Time, m.HasTime, m.Sender, m.Disagree, ago(12), f.id(ann))
	}
	f.g.Email(m)
	// The sender is ann ("ann@…" < "zed@…"); z, Bcc in one copy only, makes R = 3, not 2.
	d := math.Pow(0.5, 12.0/90)
	approx(t, "raw(ann, x)", f.pair("u-ann", x).Raw, 1.0*(1/math.Sqrt(3))*d)
	approx(t, "raw(ann, y)", f.pair("u-ann", y).Raw, 0.5*(1/math.Sqrt(3))*d)
	approx(t, "raw(ann, z)", f.pair("u-ann", z).Raw, 0.5*(1/math.Sqrt(3))*d)
	if want := (Counters{EmailMerged: 1, EmailSenderDisagreement: 1}); f.g.Counters != want {
		t.Errorf("counters %+v, want %+v", f.g.Counters, want)
	}
}

func TestMergerEarliestNonNullTime(t *testing.T) {
	f := newOrg(t)
	mg := NewMerger(f.d)
	var row Message
	f.fill(&row, ago(300), ann, f.parties(wTo, x))
	row.HasTime = false // a null sent_at must not win with whatever Time holds
	mg.Add("m", &row, 0)
	mg.Add("m", f.fill(&row, ago(5), ann, f.parties(wTo, x)), 0)
	mg.Add("m", f.fill(&row, ago(3), ann, f.parties(wTo, x)), 0)
	if m := mergeOne(t, mg); !m.HasTime || m.Time != ago(5) || m.Rows != 3 || m.Disagree {
		t.Errorf("merged time %d/%v rows %d disagree %v, want %d/true 3 false", m.Time, m.HasTime, m.Rows, m.Disagree, ago(5))
	}

	for range 2 {
		f.fill(&row, ago(1), ann, f.parties(wTo, x))
		row.HasTime = false
		mg.Add("n", &row, 0)
	}
	m := mergeOne(t, mg)
	if m.HasTime {
		t.Errorf("all rows without sent_at merged into a message with one")
	}
	f.g.Email(m)
	if want := (Counters{EmailMerged: 1, EmailNoSentAt: 1}); f.g.Counters != want {
		t.Errorf("counters %+v, want %+v", f.g.Counters, want)
	}
}

func TestMergerSender(t *testing.T) {
	tests := []struct {
		name     string
		senders  []string // "" is a row without a valid sender
		want     string
		disagree bool
		counters Counters
	}{
		{"invalid then valid", []string{"", bob}, bob, false, Counters{EmailMerged: 1}},
		{"the same twice", []string{bob, "Bob <BOB@brightlane.example>"}, bob, false, Counters{EmailMerged: 1}},
		{"three different, counted once", []string{x, bob, ann}, ann, true, Counters{EmailMerged: 2, EmailSenderDisagreement: 1}},
		{"byte-wise, '-' before '.'", []string{"a.b@acme.example", "a-b@acme.example"}, "a-b@acme.example", true,
			Counters{EmailMerged: 1, EmailSenderDisagreement: 1}},
		{"none valid", []string{"", ""}, "", false, Counters{EmailMerged: 1, EmailNoSender: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newOrg(t)
			mg := NewMerger(f.d)
			var row Message
			for _, s := range tt.senders {
				mg.Add("m", f.fill(&row, ago(2), s, f.parties(wTo, "bystander@brightlane.example")), 0)
			}
			m := mergeOne(t, mg)
			if m.Sender != f.sender(tt.want) || m.Disagree != tt.disagree {
				t.Errorf("sender %d disagree %v, want %d (%q) %v", m.Sender, m.Disagree, f.sender(tt.want), tt.want, tt.disagree)
			}
			f.g.Email(m)
			if f.g.Counters != tt.counters {
				t.Errorf("counters %+v, want %+v", f.g.Counters, tt.counters)
			}
		})
	}
}

func TestMergerMeeting(t *testing.T) {
	f := newOrg(t)
	mg := NewMerger(f.d)
	var row Message
	mg.Add("a", f.fill(&row, ago(4), x, f.parties(wOptional, y)), 0)
	f.fill(&row, 0, ann, f.parties(wRequired, x))
	row.HasTime = false
	mg.Add("a", &row, 0)
	mg.Add("b", f.fill(&row, ago(4), ann, f.parties(wRequired, x)), 0)
	f.fill(&row, ago(4), ann, f.parties(wRequired, x))
	row.Cancelled = true
	mg.Add("b", &row, 0)
	mg.Add("b", f.fill(&row, ago(4), ann, f.parties(wRequired, x)), 0)

	var ids []string
	mg.Each(func(id string, m *Message) {
		ids = append(ids, id)
		f.g.Meeting(m)
	})
	if !slices.Equal(ids, []string{"a", "b"}) {
		t.Errorf("Each ids %q, want [a b]", ids)
	}
	// a: organizer ann ("ann@…" < "x@…"), x required, y optional: N = 3. b is cancelled.
	d := math.Pow(0.5, 4.0/90)
	approx(t, "raw(ann, x)", f.counts("u-ann", x, 0, 0, 1, 0, ago(4), ago(4)).Raw, 2*1.0*1.0*(1/math.Sqrt(2))*d)
	approx(t, "raw(ann, y)", f.pair("u-ann", y).Raw, 2*1.0*0.5*(1/math.Sqrt(2))*d)
	if want := (Counters{MeetingMerged: 1 + 2, MeetingCancelled: 1}); f.g.Counters != want {
		t.Errorf("counters %+v, want %+v", f.g.Counters, want)
	}
}

func TestMergerEachOrderAndEmpties(t *testing.T) {
	f := newOrg(t)
	mg := NewMerger(f.d)
	var row Message
	buf := []byte("b")
	mg.Add(unsafe.String(&buf[0], 1), f.fill(&row, ago(1), ann, f.parties(wTo, x)), 0)
	buf[0] = 'z' // the caller reuses its id buffer
	for _, id := range []string{"c", "a", "b"} {
		mg.Add(id, f.fill(&row, ago(1), ann, f.parties(wTo, y)), 0)
	}
	if mg.Len() != 3 {
		t.Fatalf("Len = %d, want 3", mg.Len())
	}
	var ids []string
	var rows []int
	mg.Each(func(id string, m *Message) {
		ids = append(ids, id)
		rows = append(rows, m.Rows)
	})
	if !slices.Equal(ids, []string{"a", "b", "c"}) || !slices.Equal(rows, []int{1, 2, 1}) {
		t.Errorf("Each gave ids %q rows %v, want [a b c] [1 2 1]", ids, rows)
	}
	if mg.Len() != 0 {
		t.Errorf("Len after Each = %d, want 0", mg.Len())
	}
	mg.Each(func(id string, _ *Message) { t.Errorf("second Each gave %q", id) })
}

func TestRepeats(t *testing.T) {
	r := NewRepeats()
	for _, id := range []string{"a", "b", "a", "c", "c", "c", "d"} {
		r.Add(id)
	}
	if n := r.Seal(); n != 2 {
		t.Errorf("Seal = %d, want 2 (a and c)", n)
	}
	for id, want := range map[string]int{"a": 2, "c": 3, "b": 0, "d": 0, "never added": 0} {
		if got := r.Rows(id); got != want {
			t.Errorf("Rows(%q) = %d, want %d", id, got, want)
		}
	}

	empty := NewRepeats()
	empty.Add("only")
	if n := empty.Seal(); n != 0 || empty.Rows("only") != 0 {
		t.Errorf("a single id: Seal = %d, Rows = %d; want 0, 0", n, empty.Rows("only"))
	}
}

// A message leaves the merger with its last expected row, merged, and the
// merger holds nothing more.
func TestMergerReleasesCompleteMessages(t *testing.T) {
	f := newOrg(t)
	mg := NewMerger(f.d)
	var row Message
	if m := mg.Add("m", f.fill(&row, ago(5), ann, f.parties(wTo, x)), 3); m != nil {
		t.Fatalf("first of three rows returned %+v", m)
	}
	if m := mg.Add("m", f.fill(&row, ago(3), ann, f.parties(wCc, y)), 3); m != nil {
		t.Fatalf("second of three rows returned %+v", m)
	}
	m := mg.Add("m", f.fill(&row, ago(4), ann, f.parties(wBcc, z)), 3)
	if m == nil || m.Rows != 3 || m.Time != ago(5) || len(m.Parties) != 3 || mg.Len() != 0 {
		t.Fatalf("third row: %+v, %d held", m, mg.Len())
	}
}
