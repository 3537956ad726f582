package scoring

import (
	"math"
	"testing"
	"time"
)

// cutoff is C in every test: 2025-01-01 00:00 UTC. 2024 is a leap year, so
// the 365-day window starts on 2024-01-02.
var cutoff = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).UnixMicro()

// ago is the instant a whole number of days before the cutoff.
func ago(days int) int64 { return cutoff - int64(days)*dayMicros }

// Field weights of §4.1 and §4.2. The reader puts them into Party.Weight and
// scoring only combines them, so the tests assign them the same way.
const (
	wTo       = 1.0
	wCc       = 0.5
	wBcc      = 0.5
	wRequired = 1.0
	wOptional = 0.5
)

// testConfig holds the contract's defaults (§3, §4, §6) at cutoff.
func testConfig() Config {
	return Config{Cutoff: cutoff, LookbackDays: 365, HalfLifeDays: 90, MaxRecipients: 50, MaxAttendees: 50, Top: 5}
}

// approx fails unless got is within 1e-12 of want, relative to want; a want
// of zero must be met exactly.
func approx(t *testing.T, what string, got, want float64) {
	t.Helper()
	if got == want {
		return
	}
	if math.IsNaN(got) || math.Abs(got-want) > 1e-12*math.Abs(want) {
		t.Errorf("%s = %.17g, want %.17g", what, got, want)
	}
}

// org is the organisation the event tests share: two contributors, a
// disabled colleague and an opted-out one, all on brightlane.example.
var org = []User{
	{ID: "u-ann", Email: "Ann Lee <ann@brightlane.example>", FullName: "Ann Lee"},
	{ID: "u-bob", Email: "bob@brightlane.example", FullName: "Bob Ray"},
	{ID: "u-cat", Email: "cat@brightlane.example", FullName: "Cat Poe", Disabled: true},
	{ID: "u-dan", Email: "dan@brightlane.example", FullName: "Dan Oak"},
}

var orgOptOuts = []string{"DAN@Brightlane.example"}

// fixture is a directory and an empty graph with helpers that speak in
// addresses and user ids, so the tests read like the contract.
type fixture struct {
	t *testing.T
	d *Directory
	g *Graph
}

func newFixture(t *testing.T, cfg Config, users []User, optOuts []string) *fixture {
	t.Helper()
	d, err := NewDirectory(users, optOuts, nil, nil)
	if err != nil {
		t.Fatalf("NewDirectory: %v", err)
	}
	return &fixture{t: t, d: d, g: NewGraph(cfg, d)}
}

func newOrg(t *testing.T) *fixture {
	t.Helper()
	return newFixture(t, testConfig(), org, orgOptOuts)
}

func (f *fixture) id(raw string) int32 {
	f.t.Helper()
	id, ok := f.d.Intern(raw)
	if !ok {
		f.t.Fatalf("Intern(%q) rejected a valid address", raw)
	}
	return id
}

// sender is the id of a sender or organizer; "" stands for none valid.
func (f *fixture) sender(raw string) int32 {
	f.t.Helper()
	if raw == "" {
		return -1
	}
	return f.id(raw)
}

func (f *fixture) member(userID string) int32 {
	f.t.Helper()
	m, ok := f.d.MemberByID(userID)
	if !ok {
		f.t.Fatalf("no member %q", userID)
	}
	return m
}

func (f *fixture) parties(w float64, addrs ...string) []Party {
	f.t.Helper()
	out := make([]Party, len(addrs))
	for i, a := range addrs {
		out[i] = Party{Addr: f.id(a), Weight: w}
	}
	return out
}

// message is one exported row: Rows is 1, as Message.Reset leaves it.
func (f *fixture) message(at int64, from string, fields ...[]Party) *Message {
	f.t.Helper()
	m := &Message{Time: at, HasTime: true, Sender: f.sender(from), Rows: 1}
	for _, p := range fields {
		m.Parties = append(m.Parties, p...)
	}
	return m
}

func (f *fixture) pair(userID, addr string) *Pair {
	f.t.Helper()
	p, ok := f.g.Find(f.member(userID), f.id(addr))
	if !ok {
		f.t.Fatalf("no pair (%s, %s)", userID, addr)
	}
	return p
}

func (f *fixture) noPair(userID, addr string) {
	f.t.Helper()
	if p, ok := f.g.Find(f.member(userID), f.id(addr)); ok {
		f.t.Errorf("unexpected pair (%s, %s): %+v", userID, addr, *p)
	}
}

// counts checks the kind counters and the times of one pair.
func (f *fixture) counts(userID, addr string, sent, received, meetings, calls int32, first, last int64) *Pair {
	f.t.Helper()
	p := f.pair(userID, addr)
	if p.EmailsSent != sent || p.EmailsReceived != received || p.Meetings != meetings || p.Calls != calls {
		f.t.Errorf("(%s, %s) counts sent/received/meetings/calls = %d/%d/%d/%d, want %d/%d/%d/%d",
			userID, addr, p.EmailsSent, p.EmailsReceived, p.Meetings, p.Calls, sent, received, meetings, calls)
	}
	if p.First != first || p.Last != last {
		f.t.Errorf("(%s, %s) first/last = %d/%d, want %d/%d", userID, addr, p.First, p.Last, first, last)
	}
	return p
}
