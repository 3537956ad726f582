package pipeline

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The table-level rules of SPEC §2.
func TestTableRules(t *testing.T) {
	cases := []struct {
		name   string
		change func(f *fixture)
		kind   error
		msg    string
	}{
		{"duplicate user_id", func(f *fixture) {
			f.users = append(f.users, userIn{UserID: s("u2"), Email: "bob2@corp.example", FullName: "Bob Two"})
		}, ErrInput, `duplicate users.user_id "u2"`},
		{"duplicate record_id", func(f *fixture) {
			f.leads = append(f.leads, leadIn{RecordID: s("L1"), RecordType: "lead", Email: "z@client.example", FullName: "Z"})
		}, ErrInput, `duplicate leads.record_id "L1"`},
		{"users without rows", func(f *fixture) { f.users = []userIn{} }, ErrInput, "users"},
		{"role nobody holds", func(f *fixture) {}, ErrUsage, "--contributor-roles"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := smallOrg()
			c.change(&f)
			o := options(t, f.write(t), t.TempDir())
			if c.name == "role nobody holds" {
				o.ContributorRoles = []string{"Astronaut"}
			}
			_, err := Run(context.Background(), o)
			if !errors.Is(err, c.kind) || !strings.Contains(err.Error(), c.msg) {
				t.Fatalf("err = %v, want %v containing %q", err, c.kind, c.msg)
			}
		})
	}
}

func TestMissingRequiredTable(t *testing.T) {
	for _, table := range []string{"users", "leads", "emails"} {
		t.Run(table, func(t *testing.T) {
			in := smallOrg().write(t)
			if err := os.Remove(filepath.Join(in, table+".parquet")); err != nil {
				t.Fatal(err)
			}
			_, err := Run(context.Background(), options(t, in, t.TempDir()))
			if !errors.Is(err, ErrInput) || !strings.Contains(err.Error(), "required table "+table) {
				t.Fatalf("err = %v", err)
			}
		})
	}
}

// Optional tables may be missing entirely; an empty NAME/ directory is an
// empty table.
func TestOptionalTablesMissingOrEmpty(t *testing.T) {
	f := smallOrg()
	f.meetings, f.calls, f.optOuts = nil, nil, nil
	in := f.write(t)
	if err := os.Mkdir(filepath.Join(in, "calls"), 0o750); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	man := mustRun(t, options(t, in, out))
	if _, ok := man.RowsRead["calls"]; !ok || man.RowsRead["calls"] != 0 {
		t.Errorf("rows_read = %v: an empty calls/ is an empty table", man.RowsRead)
	}
	if _, ok := man.RowsRead["meetings"]; ok {
		t.Errorf("rows_read = %v: meetings is absent", man.RowsRead)
	}
	// Without the opt-out Cat contributes, but she has no pair with an
	// external address other than x, whom Bob still outranks.
	ins := introducersOf(t, out)
	if len(ins) == 0 || ins[0].RecordID != "L1" {
		t.Fatalf("introducers = %+v", ins)
	}
}

// Users sharing an address: the byte-wise smallest user_id owns it; the
// other is ignored and counted, and a record it owns still names it.
func TestUsersSharingAnEmail(t *testing.T) {
	f := smallOrg()
	// "u0" < "u1", so the newcomer owns Ann's address even though it comes last.
	f.users = append(f.users, userIn{UserID: s("u0"), Email: "ANN@corp.example", FullName: "Ann Alias", Roles: []string{"Salesperson"}})
	f.leads[1].OwnerUserID = s("u1")
	out := t.TempDir()
	man := mustRun(t, options(t, f.write(t), out))
	if man.ExcludedUsers["duplicate_email"] != 1 {
		t.Errorf("excluded = %v", man.ExcludedUsers)
	}
	for _, c := range connectionsOf(t, out) {
		if c.UserID == "u1" {
			t.Errorf("ignored user u1 has a connection: %+v", c)
		}
	}
	ins := introducersOf(t, out)
	var l2 []string
	for _, r := range ins {
		if r.RecordID == "L2" {
			l2 = append(l2, r.IntroducerUserID)
			if r.OwnerUserID == nil || *r.OwnerUserID != "u1" || r.OwnerFullName == nil || *r.OwnerFullName != "Ann Lee" {
				t.Errorf("L2 owner fields = %v %v", r.OwnerUserID, r.OwnerFullName)
			}
		}
	}
	// Owner exclusion is by user_id: u0, who now owns Ann's address, is not
	// L2's owner u1, so u0 may introduce.
	if len(l2) == 0 || l2[0] != "u0" {
		t.Errorf("L2 introducers = %v, want u0 first", l2)
	}
}

// Rows with a null user_id, record_id or message_id are dropped and counted.
func TestNullIDsDroppedAndCounted(t *testing.T) {
	f := smallOrg()
	f.users = append(f.users, userIn{Email: "ghost@corp.example", FullName: "Ghost"})
	f.leads = append(f.leads, leadIn{RecordType: "lead", Email: "q@client.example", FullName: "Q"})
	f.emails = append(f.emails, emailIn{SentAt: day(4), From: s("ann@corp.example"), To: list("q@client.example")})
	f.meetings = append(f.meetings, meetingIn{StartAt: day(4), Organizer: s("ann@corp.example"), Required: list("q@client.example")})
	o := options(t, f.write(t), t.TempDir())
	o.MaxRejectFraction = 1 // one meeting of two is a large share of a tiny table
	man := mustRun(t, o)
	for key, want := range map[string]int64{
		"users.null_user_id":       1,
		"leads.null_record_id":     1,
		"emails.null_message_id":   1,
		"meetings.null_meeting_id": 1,
	} {
		if man.Skipped[key] != want {
			t.Errorf("skipped[%s] = %d, want %d", key, man.Skipped[key], want)
		}
	}
}

// A failed run leaves the previous outputs of that date exactly as they were.
func TestFailedRunKeepsPreviousOutputs(t *testing.T) {
	out := t.TempDir()
	mustRun(t, options(t, smallOrg().write(t), out))
	before := snapshot(t, out)

	f := smallOrg()
	f.leads = append(f.leads, f.leads[0])
	if _, err := Run(context.Background(), options(t, f.write(t), out)); err == nil {
		t.Fatal("a run over a duplicate record_id succeeded")
	}
	after := snapshot(t, out)
	if len(before) != len(after) {
		t.Fatalf("files changed: %v then %v", keys(before), keys(after))
	}
	for p, data := range before {
		if after[p] != data {
			t.Errorf("%s changed", p)
		}
	}
}

// snapshot reads every file under dir except the private area.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".wkw" {
			return filepath.SkipDir
		}
		if !d.IsDir() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			files[p] = string(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
