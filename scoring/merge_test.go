package scoring

import (
	"maps"
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

// stream is an input table's rows in read order, merged the way the
// pipeline merges them: a first pass over the ids, then Repeats.Next and
// Merger.Add row by row, then Merger.Each.
type stream struct {
	ids  []string
	rows []Message
}

// add appends a copy of row: callers reuse theirs, as a reader does.
func (s *stream) add(id string, row *Message) {
	c := *row
	c.Parties = slices.Clone(row.Parties)
	s.ids, s.rows = append(s.ids, id), append(s.rows, c)
}

// merge calls fn with each whole message, in the order the pipeline would.
func (s *stream) merge(d *Directory, fn func(id string, m *Message)) {
	rep := NewRepeats(0)
	for _, id := range s.ids {
		rep.Add(id)
	}
	rep.Seal()
	mg := NewMerger(d, rep.Groups())
	for i, id := range s.ids {
		if g := rep.Next(); g < 0 {
			fn(id, &s.rows[i])
		} else if m := mg.Add(g, id, &s.rows[i]); m != nil {
			fn(id, m)
		}
	}
	mg.Each(fn)
}

// mergeOne merges s, expecting exactly one message, and returns a copy.
func mergeOne(t *testing.T, f *fixture, s *stream) *Message {
	t.Helper()
	var got []Message
	s.merge(f.d, func(_ string, m *Message) {
		c := *m
		c.Parties = slices.Clone(m.Parties)
		got = append(got, c)
	})
	if len(got) != 1 {
		t.Fatalf("%d messages, want 1", len(got))
	}
	return &got[0]
}

func TestMergerEmail(t *testing.T) {
	f := newOrg(t)
	var mg stream
	var row Message
	mg.add("m1", f.fill(&row, ago(10), "zed@acme.example", f.parties(wTo, x), f.parties(wCc, y)))
	mg.add("m1", f.fill(&row, ago(12), ann, f.parties(wTo, x), f.parties(wCc, y), f.parties(wBcc, z)))
	m := mergeOne(t, f, &mg)
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
	var mg stream
	var row Message
	f.fill(&row, ago(300), ann, f.parties(wTo, x))
	row.HasTime = false // a null sent_at must not win with whatever Time holds
	mg.add("m", &row)
	mg.add("m", f.fill(&row, ago(5), ann, f.parties(wTo, x)))
	mg.add("m", f.fill(&row, ago(3), ann, f.parties(wTo, x)))
	if m := mergeOne(t, f, &mg); !m.HasTime || m.Time != ago(5) || m.Rows != 3 || m.Disagree {
		t.Errorf("merged time %d/%v rows %d disagree %v, want %d/true 3 false", m.Time, m.HasTime, m.Rows, m.Disagree, ago(5))
	}

	var mg2 stream
	for range 2 {
		f.fill(&row, ago(1), ann, f.parties(wTo, x))
		row.HasTime = false
		mg2.add("n", &row)
	}
	m := mergeOne(t, f, &mg2)
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
			var mg stream
			var row Message
			for _, s := range tt.senders {
				mg.add("m", f.fill(&row, ago(2), s, f.parties(wTo, "bystander@brightlane.example")))
			}
			m := mergeOne(t, f, &mg)
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
	var mg stream
	var row Message
	mg.add("a", f.fill(&row, ago(4), x, f.parties(wOptional, y)))
	f.fill(&row, 0, ann, f.parties(wRequired, x))
	row.HasTime = false
	mg.add("a", &row)
	mg.add("b", f.fill(&row, ago(4), ann, f.parties(wRequired, x)))
	f.fill(&row, ago(4), ann, f.parties(wRequired, x))
	row.Cancelled = true
	mg.add("b", &row)
	mg.add("b", f.fill(&row, ago(4), ann, f.parties(wRequired, x)))

	var ids []string
	mg.merge(f.d, func(id string, m *Message) {
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

// Ids that share a group (their hashes collide) are kept apart, and what is
// left at the end comes out of Each in id order.
func TestMergerEachOrderAndEmpties(t *testing.T) {
	f := newOrg(t)
	mg := NewMerger(f.d, []int32{3, 2})
	var row Message
	buf := []byte("b")
	mg.Add(0, unsafe.String(&buf[0], 1), f.fill(&row, ago(1), ann, f.parties(wTo, x)))
	buf[0] = 'z'                                 // the caller reuses its id buffer
	for _, id := range []string{"c", "a", "b"} { // c and a share group 0 with b
		if m := mg.Add(0, id, f.fill(&row, ago(1), ann, f.parties(wTo, y))); m != nil {
			t.Fatalf("row of %q completed group 0: %+v", id, m)
		}
	}
	mg.Add(1, "d", f.fill(&row, ago(1), ann, f.parties(wTo, x)))
	if mg.Len() != 4 {
		t.Fatalf("Len = %d, want 4", mg.Len())
	}
	var ids []string
	var rows, parties []int
	mg.Each(func(id string, m *Message) {
		ids = append(ids, id)
		rows = append(rows, m.Rows)
		parties = append(parties, len(m.Parties))
	})
	if !slices.Equal(ids, []string{"a", "b", "c", "d"}) || !slices.Equal(rows, []int{1, 2, 1, 1}) || !slices.Equal(parties, []int{1, 2, 1, 1}) {
		t.Errorf("Each gave ids %q rows %v parties %v, want [a b c d] [1 2 1 1] [1 2 1 1]", ids, rows, parties)
	}
	if mg.Len() != 0 {
		t.Errorf("Len after Each = %d, want 0", mg.Len())
	}
	mg.Each(func(id string, _ *Message) { t.Errorf("second Each gave %q", id) })
}

func TestRepeats(t *testing.T) {
	r := NewRepeats(0)
	ids := []string{"a", "b", "a", "c", "c", "c", "d"}
	for _, id := range ids {
		r.Add(id)
	}
	if n := r.Seal(); n != 2 {
		t.Fatalf("Seal = %d, want 2 (a and c)", n)
	}
	var got []int32
	for range ids {
		got = append(got, r.Next())
	}
	// Groups are numbered in the order their first rows come.
	ga, gc := int32(0), int32(1)
	if !slices.Equal(got, []int32{ga, -1, ga, gc, gc, gc, -1}) {
		t.Fatalf("Next gave %v, want [0 -1 0 1 1 1 -1]", got)
	}
	if w := r.Groups(); len(w) != 2 || w[ga] != 2 || w[gc] != 3 {
		t.Errorf("Groups = %v, want a: 2, c: 3", w)
	}
	if err := r.Check(); err != nil {
		t.Errorf("Check after both passes: %v", err)
	}

	short := NewRepeats(0)
	short.Add("only")
	short.Add("only")
	if n := short.Seal(); n != 1 || short.Next() != 0 {
		t.Fatalf("a repeated id: Seal = %d", n)
	}
	if err := short.Check(); err == nil {
		t.Errorf("Check passed with one of two rows read in the second pass")
	}

	single := NewRepeats(0)
	single.Add("only")
	if n := single.Seal(); n != 0 || single.Next() != -1 || single.Check() != nil {
		t.Errorf("a single id: Seal = %d, want 0 and no group", n)
	}
}

// A message leaves the merger with its last expected row, merged; the party
// blocks it used serve the next message, and the merger holds nothing more.
func TestMergerReleasesCompleteMessages(t *testing.T) {
	f := newOrg(t)
	mg := NewMerger(f.d, []int32{3, 2})
	var row Message
	if m := mg.Add(0, "m", f.fill(&row, ago(5), ann, f.parties(wTo, x))); m != nil {
		t.Fatalf("first of three rows returned %+v", m)
	}
	if m := mg.Add(0, "m", f.fill(&row, ago(3), ann, f.parties(wCc, y))); m != nil {
		t.Fatalf("second of three rows returned %+v", m)
	}
	m := mg.Add(0, "m", f.fill(&row, ago(4), ann, f.parties(wBcc, z)))
	if m == nil || m.Rows != 3 || m.Time != ago(5) || mg.Len() != 0 {
		t.Fatalf("third row: %+v, %d held", m, mg.Len())
	}
	want := []Party{{f.id(x), wTo}, {f.id(y), wCc}, {f.id(z), wBcc}}
	if !slices.Equal(m.Parties, want) {
		t.Errorf("parties %v, want %v", m.Parties, want)
	}
	blocks := mg.blocks.n

	// Twenty parties take three blocks of seven; one was free.
	var many []Party
	for i := range 20 {
		many = append(many, Party{int32(i), []float64{wTo, wCc}[i%2]})
	}
	row.Reset()
	row.Parties = append(row.Parties, many[:9]...)
	mg.Add(1, "n", &row)
	row.Reset()
	row.Parties = append(row.Parties, many[9:]...)
	m = mg.Add(1, "n", &row)
	if m == nil || !slices.Equal(m.Parties, many) {
		t.Fatalf("parties %v, want %v", m, many)
	}
	if mg.blocks.n != blocks+2 {
		t.Errorf("%d blocks after reuse, want %d", mg.blocks.n, blocks+2)
	}
}

// eachRun counts every value once, in increasing order, whether its copies
// fall in one half of the input or both.
func TestEachRun(t *testing.T) {
	for _, hs := range [][]uint64{nil, {7}, {3, 3}, {5, 1, 5, 2, 1, 5, 9}, {9, 8, 7, 6, 1, 2, 3, 9}} {
		want := map[uint64]int{}
		for _, h := range hs {
			want[h]++
		}
		var prev uint64
		got := map[uint64]int{}
		eachRun(hs, func(h uint64, n int) {
			if len(got) > 0 && h <= prev {
				t.Errorf("%v: %d after %d", hs, h, prev)
			}
			prev, got[h] = h, n
		})
		if !maps.Equal(got, want) {
			t.Errorf("%v: runs %v, want %v", hs, got, want)
		}
	}
}

// A message with more parties than a chunk of blocks holds comes out whole.
func TestMergerBlocksAcrossChunks(t *testing.T) {
	f := newOrg(t)
	mg := NewMerger(f.d, []int32{2})
	var row Message
	row.Reset()
	for i := range 7<<chunkBits + 3 {
		row.Parties = append(row.Parties, Party{int32(i), wCc})
	}
	want := slices.Clone(row.Parties)
	mg.Add(0, "big", &row)
	row.Reset()
	row.Parties = append(row.Parties, Party{-5, wTo})
	want = append(want, Party{-5, wTo})
	m := mg.Add(0, "big", &row)
	if m == nil || !slices.Equal(m.Parties, want) || len(mg.blocks.chunks) != 2 {
		t.Fatalf("merged %d parties in %d chunks, want %d in 2", len(m.Parties), len(mg.blocks.chunks), len(want))
	}
}
