package pipeline

import (
	"math"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/wkw/wkw/scoring"
)

// smallOrg is a hand-checkable organisation; the expected strengths below are
// worked out from SPEC §4–§5 term by term.
func smallOrg() fixture {
	return fixture{
		users: []userIn{
			{UserID: s("u1"), Email: "Ann Lee <Ann@Corp.example>", FullName: "Ann Lee", Roles: []string{"Salesperson"}},
			{UserID: s("u2"), Email: "bob@corp.example", FullName: "Bob Stone", Title: s("Engineer"), Roles: []string{"Engineer"}},
			{UserID: s("u3"), Email: "cat@corp.example", FullName: "Cat Opted", Roles: []string{"Salesperson"}},
			{UserID: s("u4"), Email: "dan@corp.example", FullName: "Dan Gone", Roles: []string{"Salesperson"}, IsDisabled: b(true)},
		},
		optOuts: []optOutIn{{Email: " CAT@corp.example "}},
		leads: []leadIn{
			{RecordID: s("L1"), RecordType: "lead", Email: "x@client.example", FullName: "Xavier Client", Company: s("Client Co"), OwnerUserID: s("u1")},
			{RecordID: s("L2"), RecordType: "contact", Email: "Y@client.example", FullName: "Yara Client", OwnerUserID: s("u2")},
		},
		emails: []emailIn{
			{MessageID: s("m1"), SentAt: day(10), From: s("ann@corp.example"), To: list("x@client.example"), Cc: list("y@client.example")},
			{MessageID: s("m2"), SentAt: day(20), From: s("X <X@Client.example>"), To: list("ann@corp.example", "bob@corp.example")},
			// One message exported from two mailboxes; only the sender's copy has the Bcc.
			{MessageID: s("m3"), SentAt: day(30), From: s("bob@corp.example"), To: list("x@client.example")},
			{MessageID: s("m3"), SentAt: day(30), From: s("bob@corp.example"), To: list("x@client.example"), Bcc: list("y@client.example")},
			{MessageID: s("m4"), SentAt: day(3), From: s("cat@corp.example"), To: list("x@client.example")},
			{MessageID: s("m5"), SentAt: day(3), From: s("dan@corp.example"), To: list("x@client.example")},
		},
		meetings: []meetingIn{
			{MeetingID: s("mt1"), StartAt: day(5), Organizer: s("ann@corp.example"), Required: list("x@client.example"), Optional: list("bob@corp.example")},
		},
		calls: []callIn{
			{StartedAt: *day(1), Duration: i64(60), From: "x@client.example", To: "bob@corp.example"},
			{StartedAt: *day(2), Duration: i64(0), From: "ann@corp.example", To: "x@client.example"},
		},
	}
}

func d(days float64) float64 { return math.Pow(0.5, days/90) }

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-12*math.Max(1, math.Abs(b)) }

func TestRunSmallOrgHandComputed(t *testing.T) {
	out := t.TempDir()
	man := mustRun(t, options(t, smallOrg().write(t), out))

	r2 := math.Sqrt2
	want := map[[2]string]float64{
		// m1 To x (1.0, R=2), m2 from x (1.0, R=2), meeting as organizer 2*1*1/sqrt(2); two-way.
		{"u1", "x@client.example"}: d(10)/r2 + d(20)/r2 + 2*d(5)/r2,
		// m1 Cc y (0.5, R=2); one-way mail halves it.
		{"u1", "y@client.example"}: 0.5 * (0.5 * d(10) / r2),
		// m2 to bob, merged m3 (R=2 thanks to the Bcc), optional attendee 2*0.5*1/sqrt(2), a call 2*decay.
		{"u2", "x@client.example"}: d(20)/r2 + d(30)/r2 + d(5)/r2 + 2*d(1),
		// merged m3's Bcc (0.5, R=2), one-way.
		{"u2", "y@client.example"}: 0.5 * (0.5 * d(30) / r2),
	}
	conns := connectionsOf(t, out)
	if len(conns) != len(want) {
		t.Fatalf("got %d connections, want %d: %+v", len(conns), len(want), conns)
	}
	for _, c := range conns {
		w, ok := want[[2]string{c.UserID, c.ExternalAddress}]
		if !ok || !near(c.Strength, w) || !near(c.Score, scoring.Score(w)) {
			t.Errorf("connection %s–%s: strength %v score %v, want %v", c.UserID, c.ExternalAddress, c.Strength, c.Score, w)
		}
	}

	ins := introducersOf(t, out)
	if len(ins) != 2 {
		t.Fatalf("got %d introducer rows, want 2: %+v", len(ins), ins)
	}
	// L1's owner Ann is excluded; Bob introduces, and Ann's own score is reported.
	l1 := ins[0]
	if l1.RecordID != "L1" || l1.IntroducerUserID != "u2" || l1.Rank != 1 || !near(l1.Score, scoring.Score(want[[2]string{"u2", "x@client.example"}])) {
		t.Errorf("L1 row = %+v", l1)
	}
	if l1.OwnerScore == nil || !near(*l1.OwnerScore, scoring.Score(want[[2]string{"u1", "x@client.example"}])) {
		t.Errorf("L1 owner_score = %v", l1.OwnerScore)
	}
	if l1.EmailsSent != 1 || l1.EmailsReceived != 1 || l1.Meetings != 1 || l1.Calls != 1 || !l1.LastInteractionAt.Equal(*day(1)) {
		t.Errorf("L1 counts = %+v", l1)
	}
	l2 := ins[1]
	if l2.RecordID != "L2" || l2.IntroducerUserID != "u1" || l2.LeadEmail != "y@client.example" || l2.Band != "weak" {
		t.Errorf("L2 row = %+v", l2)
	}

	// Only L1's owner holds an access role: one draft, from Ann to Bob.
	ds := draftsOf(t, out)
	if len(ds) != 1 || ds[0].RecordID != "L1" || ds[0].FromAddress != "ann@corp.example" || ds[0].ToAddress != "bob@corp.example" {
		t.Fatalf("drafts = %+v", ds)
	}
	for key, n := range map[string]int64{
		"emails.merged_duplicate_rows":   1,
		"calls.not_connected":            1,
		"drafts.owner_lacks_access_role": 1,
		"emails.no_recipients":           0,
	} {
		if man.Skipped[key] != n {
			t.Errorf("skipped[%s] = %d, want %d", key, man.Skipped[key], n)
		}
	}
	if man.ExcludedUsers[scoring.ExcludedOptedOut] != 1 || man.ExcludedUsers[scoring.ExcludedDisabled] != 1 {
		t.Errorf("excluded = %v", man.ExcludedUsers)
	}
	if man.Records["with_introducers"] != 2 {
		t.Errorf("records = %v", man.Records)
	}
}

func TestRunIsRepeatable(t *testing.T) {
	in := smallOrg().write(t)
	out := t.TempDir()
	mustRun(t, options(t, in, out))
	first := connectionsOf(t, out)
	mustRun(t, options(t, in, out))
	second := connectionsOf(t, out)
	if len(first) != len(second) {
		t.Fatalf("rerun changed the row count: %d then %d", len(first), len(second))
	}
	for i := range first {
		if !reflect.DeepEqual(first[i], second[i]) {
			t.Errorf("row %d differs: %+v then %+v", i, first[i], second[i])
		}
	}
	if stages, _ := filepath.Glob(filepath.Join(out, ".wkw", "stage-*")); len(stages) != 0 {
		t.Errorf("stages left behind: %v", stages)
	}
}
