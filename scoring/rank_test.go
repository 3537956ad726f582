package scoring

import (
	"math"
	"slices"
	"testing"
)

// rankStaff: five contributors, an opted-out colleague, and u-zz, who shares
// ann's address and so is ignored in favour of the smaller u-ann.
var rankStaff = []User{
	{ID: "u-ann", Email: "ann@brightlane.example"},
	{ID: "u-bob", Email: "bob@brightlane.example"},
	{ID: "u-cat", Email: "cat@brightlane.example"},
	{ID: "u-dan", Email: "dan@brightlane.example"},
	{ID: "u-eve", Email: "eve@brightlane.example"},
	{ID: "u-opt", Email: "opt@brightlane.example"},
	{ID: "u-zz", Email: "Ann@Brightlane.example"},
}

func newRankFixture(t *testing.T, top int) *fixture {
	t.Helper()
	cfg := testConfig()
	cfg.Top = top
	return newFixture(t, cfg, rankStaff, []string{"opt@brightlane.example"})
}

// tie adds one event of kind k; calls and meetings make reciprocity 1, so
// their strength is the weight given.
func (f *fixture) tie(userID, addr string, k kind, t int64, w float64) {
	f.t.Helper()
	f.g.add(f.member(userID), f.id(addr), k, t, w)
}

// introducers names the ranked pairs by user_id.
func (f *fixture) introducers(r Ranked) []string {
	out := []string{}
	for _, p := range r.Introducers {
		out = append(out, f.d.Members[f.g.Pairs().At(p).Member].ID)
	}
	return out
}

func TestFinish(t *testing.T) {
	f := newRankFixture(t, 5)
	f.tie("u-ann", x, emailSent, ago(9), 1.5)
	f.tie("u-ann", x, emailSent, ago(3), 2.5)
	f.tie("u-bob", x, emailSent, ago(9), 3)
	f.tie("u-bob", x, emailReceived, ago(8), 4)
	f.tie("u-cat", x, emailReceived, ago(7), 6)
	f.tie("u-dan", x, meeting, ago(6), 12)
	f.tie("u-eve", x, emailSent, ago(5), 0.5)
	f.tie("u-eve", x, call, ago(4), 0.5)
	f.g.Finish()
	tests := []struct {
		user     string
		strength float64
		band     string
	}{
		{"u-ann", (1.5 + 2.5) * 0.5, BandWeak}, // one-way sent; score 18.1
		{"u-bob", (3 + 4) * 1.0, BandModerate}, // both ways; score 50.3
		{"u-cat", 6 * 0.5, BandModerate},       // one-way received; score 25.9
		{"u-dan", 12 * 1.0, BandStrong},        // a meeting; score 69.9
		{"u-eve", (0.5 + 0.5) * 1.0, BandWeak}, // one-way mail but a call; score 9.5
	}
	for _, tt := range tests {
		p := f.pair(tt.user, x)
		approx(t, tt.user+" strength", p.Strength, tt.strength)
		approx(t, tt.user+" score", p.Score, 100*(1-math.Exp(-tt.strength/10)))
		if got := Band(p.Score); got != tt.band {
			t.Errorf("%s band %q, want %q", tt.user, got, tt.band)
		}
	}
}

func TestRankOrder(t *testing.T) {
	for _, tt := range []struct {
		top  int
		want []string
	}{
		{1, []string{"u-ann"}},
		{3, []string{"u-ann", "u-cat", "u-dan"}},
		{5, []string{"u-ann", "u-cat", "u-dan", "u-bob", "u-eve"}},
		{50, []string{"u-ann", "u-cat", "u-dan", "u-bob", "u-eve"}},
	} {
		f := newRankFixture(t, tt.top)
		f.tie("u-dan", x, call, ago(20), 2.5)
		f.tie("u-ann", x, call, ago(10), 3.0)
		// bob is stronger by 1e-9: equal at six decimals, so his older last interaction puts him after cat and dan.
		f.tie("u-bob", x, call, ago(30), 2.5+1e-9)
		// cat and dan tie on strength and last interaction: cat@ < dan@.
		f.tie("u-cat", x, call, ago(20), 2.5)
		f.tie("u-eve", x, call, ago(1), 1.0)
		f.g.Finish()
		got := f.g.Rank([]Record{{ID: "r1", Type: "lead", Email: "X <X@ACME.example>"}})
		if len(got) != 1 {
			t.Fatalf("Rank returned %d results for one record", len(got))
		}
		r := got[0]
		if ids := f.introducers(r); !slices.Equal(ids, tt.want) {
			t.Errorf("top %d: introducers %q, want %q", tt.top, ids, tt.want)
		}
		if r.Email != x || r.Status != Introduced || r.Owner != -1 || r.HasOwnerScore {
			t.Errorf("top %d: email %q status %d owner %d owner score %v", tt.top, r.Email, r.Status, r.Owner, r.HasOwnerScore)
		}
	}
}

func TestRankOwner(t *testing.T) {
	tests := []struct {
		name         string
		owner        string
		hasOwner     bool
		wantOwner    string // user_id; "" for -1
		want         []string
		wantScore    float64
		wantHasScore bool
	}{
		{"owner excluded, next ones move up", "u-ann", true, "u-ann", []string{"u-bob", "u-cat"}, 100 * (1 - math.Exp(-3.0/10)), true},
		{"owner without a pair", "u-eve", true, "u-eve", []string{"u-ann", "u-bob"}, 0, false},
		{"opted-out owner", "u-opt", true, "u-opt", []string{"u-ann", "u-bob"}, 0, false},
		{"owner sharing ann's address is excluded by user_id, not address", "u-zz", true, "u-zz", []string{"u-ann", "u-bob"}, 0, false},
		{"unknown owner id", "u-ghost", true, "", []string{"u-ann", "u-bob"}, 0, false},
		{"null owner", "u-ann", false, "", []string{"u-ann", "u-bob"}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newRankFixture(t, 2)
			f.tie("u-ann", x, call, ago(10), 3.0)
			f.tie("u-bob", x, call, ago(10), 2.5)
			f.tie("u-cat", x, call, ago(10), 2.0)
			f.tie("u-dan", x, call, ago(10), 1.0)
			// The opted-out colleague's mail gives no pair.
			f.g.Email(f.message(ago(2), "opt@brightlane.example", f.parties(wTo, x)))
			f.g.Call(f.call(ago(2), x, "opt@brightlane.example"))
			f.g.Finish()
			r := f.g.Rank([]Record{{ID: "r1", Email: x, Owner: tt.owner, HasOwner: tt.hasOwner}})[0]
			wantOwner := int32(-1)
			if tt.wantOwner != "" {
				wantOwner = f.member(tt.wantOwner)
			}
			if r.Owner != wantOwner {
				t.Errorf("Owner = %d, want %d", r.Owner, wantOwner)
			}
			if ids := f.introducers(r); !slices.Equal(ids, tt.want) {
				t.Errorf("introducers %q, want %q", ids, tt.want)
			}
			if r.HasOwnerScore != tt.wantHasScore {
				t.Fatalf("HasOwnerScore = %v, want %v", r.HasOwnerScore, tt.wantHasScore)
			}
			approx(t, "owner score", r.OwnerScore, tt.wantScore)
		})
	}
}

func TestRankRecords(t *testing.T) {
	f := newRankFixture(t, 5)
	f.tie("u-ann", x, call, ago(10), 3.0)
	f.tie("u-bob", x, call, ago(10), 2.0)
	f.id("q@acme.example") // known to the directory, but nobody has a pair with it
	f.g.Finish()
	records := []Record{
		{ID: "r-invalid", Email: "not an address"},
		{ID: "r-null", Email: ""},
		{ID: "r-user", Email: "Ann <ANN@brightlane.example>"},
		{ID: "r-subdomain", Email: "x@eu.brightlane.example"},
		{ID: "r-opted-out-user", Email: "opt@brightlane.example"},
		{ID: "r-x-1", Email: "x@acme.example", Owner: "u-ann", HasOwner: true},
		{ID: "r-x-2", Email: "X@ACME.EXAMPLE", Owner: "u-bob", HasOwner: true},
		{ID: "r-unpaired", Email: "q@acme.example"},
	}
	want := []struct {
		email   string
		status  Status
		intro   []string
		ownerSc float64
	}{
		{"", InvalidEmail, []string{}, 0},
		{"", InvalidEmail, []string{}, 0},
		{"ann@brightlane.example", InternalEmail, []string{}, 0},
		{"x@eu.brightlane.example", InternalEmail, []string{}, 0},
		{"opt@brightlane.example", InternalEmail, []string{}, 0},
		{x, Introduced, []string{"u-bob"}, 100 * (1 - math.Exp(-3.0/10))},
		{x, Introduced, []string{"u-ann"}, 100 * (1 - math.Exp(-2.0/10))},
		{"q@acme.example", NobodyKnows, []string{}, 0},
	}
	got := f.g.Rank(records)
	if len(got) != len(records) {
		t.Fatalf("Rank returned %d results for %d records", len(got), len(records))
	}
	for i, w := range want {
		r := got[i]
		if r.Email != w.email || r.Status != w.status || !slices.Equal(f.introducers(r), w.intro) {
			t.Errorf("%s: email %q status %d introducers %q, want %q %d %q",
				records[i].ID, r.Email, r.Status, f.introducers(r), w.email, w.status, w.intro)
		}
		approx(t, records[i].ID+" owner score", r.OwnerScore, w.ownerSc)
	}
}

// TestRankNobodyKnowsStranger: a record whose address never occurred in any
// interaction has no candidates (§6), whatever the other records have.
func TestRankNobodyKnowsStranger(t *testing.T) {
	f := newRankFixture(t, 5)
	f.tie("u-ann", x, call, ago(10), 3.0)
	if f.id(x) != 0 {
		t.Fatalf("test premise: x must hold address id 0, has %d", f.id(x))
	}
	f.g.Finish()
	got := f.g.Rank([]Record{
		{ID: "r-x", Email: x},
		{ID: "r-stranger", Email: "stranger@acme.example"},
	})
	if ids := f.introducers(got[0]); !slices.Equal(ids, []string{"u-ann"}) {
		t.Errorf("r-x introducers %q, want [u-ann]", ids)
	}
	if r := got[1]; r.Status != NobodyKnows || len(r.Introducers) != 0 || r.Email != "stranger@acme.example" {
		t.Errorf("r-stranger: status %d introducers %q, want NobodyKnows (%d) and none", r.Status, f.introducers(r), NobodyKnows)
	}
}
