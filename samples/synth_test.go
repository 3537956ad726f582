package samples

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow/go/v17/parquet/file"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"
	"github.com/parquet-go/parquet-go"
)

var synthAsOf = time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)

func smallSynth() SynthParams {
	return SynthParams{Users: 50, Leads: 200, Emails: 5000, Meetings: 500, Calls: 200, Seed: 7, AsOf: synthAsOf, Parts: 2}
}

func synthesize(t testing.TB, p SynthParams) string {
	t.Helper()
	dir := t.TempDir()
	if err := Synthesize(context.Background(), dir, p, nil); err != nil {
		t.Fatal(err)
	}
	return dir
}

// synthFiles lists a table's files: NAME.parquet or NAME/*.parquet.
func synthFiles(t testing.TB, dir, name string) []string {
	t.Helper()
	if _, err := os.Stat(filepath.Join(dir, name+".parquet")); err == nil {
		return []string{filepath.Join(dir, name+".parquet")}
	}
	files, err := filepath.Glob(filepath.Join(dir, name, "*.parquet"))
	if err != nil || len(files) == 0 {
		t.Fatalf("table %s: no files (%v)", name, err)
	}
	return files
}

// readSynth reads every file of a table; part[i] is the file row i came from.
func readSynth[T any](t testing.TB, dir, name string) (rows []T, part []int) {
	t.Helper()
	for i, path := range synthFiles(t, dir, name) {
		got, err := parquet.ReadFile[T](path)
		if err != nil {
			t.Fatalf("read %s: %v", path, err)
		}
		rows = append(rows, got...)
		for range got {
			part = append(part, i)
		}
	}
	return rows, part
}

func TestGenerateFilesAndCounts(t *testing.T) {
	dir := synthesize(t, smallSynth())
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{"calls", "emails", "leads.parquet", "meetings", "opt_outs.parquet", "users.parquet"}
	if !slices.Equal(names, want) {
		t.Errorf("output directory holds %v, want %v", names, want)
	}
	for _, name := range []string{"emails", "meetings", "calls"} {
		got := synthFiles(t, dir, name)
		wantParts := []string{filepath.Join(dir, name, "part-00000.parquet"), filepath.Join(dir, name, "part-00001.parquet")}
		if !slices.Equal(got, wantParts) {
			t.Errorf("%s parts: %v, want %v", name, got, wantParts)
		}
	}
	emails, emailPart := readSynth[emailRow](t, dir, "emails")
	meetings, meetingPart := readSynth[meetingRow](t, dir, "meetings")
	calls, callPart := readSynth[callRow](t, dir, "calls")
	for name, part := range map[string][]int{"emails": emailPart, "meetings": meetingPart, "calls": callPart} {
		if n := slices.Index(part, 1); n < len(part)/4 || n > 3*len(part)/4 {
			t.Errorf("%s: part 0 holds %d of %d rows, want them spread over both parts", name, n, len(part))
		}
	}
	users, _ := readSynth[userRow](t, dir, "users")
	leads, _ := readSynth[leadRow](t, dir, "leads")
	optOuts, _ := readSynth[optOutRow](t, dir, "opt_outs")
	counts := map[string][2]int{
		"emails": {len(emails), 5000}, "meetings": {len(meetings), 500}, "calls": {len(calls), 200},
		"users": {len(users), 50}, "leads": {len(leads), 200}, "opt_outs": {len(optOuts), 1},
	}
	for name, c := range counts {
		if c[0] != c[1] {
			t.Errorf("%s: %d rows, want %d", name, c[0], c[1])
		}
	}
}

// TestGenerateSchema pins the columns as Arrow (the readers' library) sees
// them, against SPEC §2's names and types.
func TestGenerateSchema(t *testing.T) {
	dir := synthesize(t, smallSynth())
	want := map[string]string{
		"emails":   "message_id: utf8, mailbox: utf8, sent_at: timestamp[us, tz=UTC], from_address: utf8, to_addresses: list<list: utf8, nullable>, cc_addresses: list<list: utf8, nullable>, bcc_addresses: list<list: utf8, nullable>, subject: utf8",
		"meetings": "meeting_id: utf8, start_at: timestamp[us, tz=UTC], end_at: timestamp[us, tz=UTC], organizer_address: utf8, required_attendees: list<list: utf8, nullable>, optional_attendees: list<list: utf8, nullable>, is_cancelled: bool",
		"calls":    "call_id: utf8, started_at: timestamp[ms, tz=UTC], duration_seconds: int64, from_address: utf8, to_address: utf8",
		"users":    "user_id: utf8, email: utf8, full_name: utf8, first_name: utf8, title: utf8, roles: list<list: utf8, nullable>, is_disabled: bool",
		"leads":    "record_id: utf8, record_type: utf8, email: utf8, full_name: utf8, company: utf8, owner_user_id: utf8",
		"opt_outs": "email: utf8, opted_out_at: timestamp[ms, tz=UTC]",
	}
	for name, fields := range want {
		for _, path := range synthFiles(t, dir, name) {
			f, err := file.OpenParquetFile(path, false)
			if err != nil {
				t.Fatal(err)
			}
			s, err := pqarrow.FromParquet(f.MetaData().Schema, nil, nil)
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, fd := range s.Fields() {
				got = append(got, fd.Name+": "+fd.Type.String())
			}
			if g := strings.Join(got, ", "); g != fields {
				t.Errorf("%s columns:\n got  %s\n want %s", path, g, fields)
			}
		}
	}
}

func TestGenerateDeterministic(t *testing.T) {
	p := smallSynth()
	a, b := synthesize(t, p), synthesize(t, p)
	p.Seed++
	c := synthesize(t, p)
	for _, name := range []string{"emails", "meetings", "calls", "users", "leads", "opt_outs"} {
		fa, fb, fc := synthFiles(t, a, name), synthFiles(t, b, name), synthFiles(t, c, name)
		for i := range fa {
			x, _ := os.ReadFile(fa[i])
			y, _ := os.ReadFile(fb[i])
			z, _ := os.ReadFile(fc[i])
			if len(x) == 0 || !bytes.Equal(x, y) {
				t.Errorf("%s: two runs with the same parameters differ (%d vs %d bytes)", fa[i], len(x), len(y))
			}
			if bytes.Equal(x, z) {
				t.Errorf("%s: seeds %d and %d give the same bytes", filepath.Base(fa[i]), p.Seed-1, p.Seed)
			}
		}
	}
}

// specAddress is SPEC §2's normalisation and validity rule, restated here
// so the test does not lean on the code it checks.
var specValid = regexp.MustCompile("^[a-z0-9!#$%&'*+/=?^_`{|}~.-]+@([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]*[a-z0-9])?$")

func specNormalise(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, ">") {
		if i := strings.LastIndex(s, "<"); i >= 0 {
			s = strings.TrimSpace(s[i+1 : len(s)-1])
		}
	}
	return strings.ToLower(s)
}

func TestGenerateEmailShape(t *testing.T) {
	dir := synthesize(t, smallSynth())
	rows, part := readSynth[emailRow](t, dir, "emails")
	byID := map[string][]int{}
	var display, mixed, invalid, nullElems, addrs, nullIDs int
	for i, e := range rows {
		if e.MessageID == nil {
			nullIDs++
			continue
		}
		byID[*e.MessageID] = append(byID[*e.MessageID], i)
		for _, list := range [][]*string{{&e.From}, e.To, e.Cc, e.Bcc} {
			for _, a := range list {
				if a == nil {
					nullElems++
					continue
				}
				addrs++
				n := specNormalise(*a)
				switch {
				case !specValid.MatchString(n):
					invalid++
				case strings.Contains(*a, "<"):
					display++
				case *a != n:
					mixed++
				}
			}
		}
	}
	if nullIDs > 5 {
		t.Errorf("%d rows without message_id, want almost none", nullIDs)
	}
	if display < addrs/20 || mixed < addrs/100 {
		t.Errorf("of %d addresses, %d in display-name form and %d otherwise not normalised: want several percent of each", addrs, display, mixed)
	}
	if invalid == 0 || invalid > addrs/100 {
		t.Errorf("%d of %d addresses invalid, want a few per thousand", invalid, addrs)
	}
	if nullElems > addrs/200 {
		t.Errorf("%d null list elements among %d addresses, want rare", nullElems, addrs)
	}

	var copied, crossPart, broadcasts int
	for id, idx := range byID {
		if len(idx) > 3 {
			t.Errorf("message %s exported %d times, want at most 3", id, len(idx))
		}
		if len(idx) > 1 {
			copied++
			if part[idx[0]] != part[idx[1]] {
				crossPart++
			}
		}
		// The sender's copy is the earliest; the others arrive later and
		// may sit in an earlier part.
		slices.SortFunc(idx, func(a, b int) int { return rows[a].SentAt.Compare(*rows[b].SentAt) })
		first := rows[idx[0]]
		for _, i := range idx[1:] {
			if rows[i].Mailbox == first.Mailbox {
				t.Errorf("message %s: two copies from mailbox %s", id, first.Mailbox)
			}
			if len(rows[i].Bcc) > 0 {
				t.Errorf("message %s: Bcc in the copy from %s, want it only in the sender's", id, rows[i].Mailbox)
			}
			if d := rows[i].SentAt.Sub(*first.SentAt); d < 0 || d > 2*time.Minute {
				t.Errorf("message %s: copy sent_at %s after the first, want within two minutes", id, d)
			}
		}
		if from := specNormalise(first.From); len(first.Bcc) > 0 && specValid.MatchString(from) && first.Mailbox != from {
			t.Errorf("message %s: Bcc shown in mailbox %s, not the sender's %q", id, first.Mailbox, first.From)
		}
		distinct := map[string]bool{}
		for _, list := range [][]*string{first.To, first.Cc, first.Bcc} {
			for _, a := range list {
				if a != nil {
					distinct[specNormalise(*a)] = true
				}
			}
		}
		if len(distinct) > 50 {
			broadcasts++
		}
	}
	if share := float64(copied) / float64(len(byID)); share < 0.2 || share > 0.45 {
		t.Errorf("%d of %d messages exported from several mailboxes (%.2f), want about a third", copied, len(byID), share)
	}
	if crossPart < copied/3 {
		t.Errorf("only %d of %d copied messages have copies in different parts", crossPart, copied)
	}
	if broadcasts == 0 || broadcasts > len(byID)/50 {
		t.Errorf("%d of %d messages have more than 50 recipients, want about 0.5%%", broadcasts, len(byID))
	}
}

// TestGenerateTimesAndShares checks the windows and rates the brief fixes,
// on a size where a share is more than a handful of rows.
func TestGenerateTimesAndShares(t *testing.T) {
	p := SynthParams{Users: 2000, Leads: 4000, Emails: 20_000, Meetings: 4000, Calls: 4000, Seed: 3, AsOf: synthAsOf, Parts: 1}
	dir := synthesize(t, p)
	start := synthAsOf.AddDate(0, 0, -365)
	share := func(n, of int) float64 { return float64(n) / float64(of) }

	emails, _ := readSynth[emailRow](t, dir, "emails")
	var before, after int
	for _, e := range emails {
		switch {
		case e.SentAt.Before(synthAsOf.AddDate(0, 0, -730)) || !e.SentAt.Before(synthAsOf.AddDate(0, 0, 46)):
			t.Fatalf("sent_at %s far outside the window", e.SentAt)
		case e.SentAt.Before(start):
			before++
		case !e.SentAt.Before(synthAsOf):
			after++
		}
		if e.SentAt.Nanosecond()%1000 != 0 {
			t.Fatalf("sent_at %s finer than a microsecond", e.SentAt)
		}
	}
	for side, n := range map[string]int{"before": before, "after": after} {
		if s := share(n, len(emails)); s < 0.015 || s > 0.05 {
			t.Errorf("%.3f of emails %s the window, want about 0.03", s, side)
		}
	}

	meetings, _ := readSynth[meetingRow](t, dir, "meetings")
	var cancelled, large, typical, optional int
	for _, m := range meetings {
		n := len(m.Required) + len(m.Optional)
		if m.Cancelled != nil && *m.Cancelled {
			cancelled++
		}
		if n > 50 {
			large++
		}
		if n >= 1 && n <= 12 {
			typical++
		}
		if len(m.Optional) > 0 {
			optional++
		}
	}
	if s := share(cancelled, len(meetings)); s < 0.03 || s > 0.08 {
		t.Errorf("%.3f of meetings cancelled, want about 0.05", s)
	}
	if large == 0 || share(typical, len(meetings)) < 0.9 || optional == 0 {
		t.Errorf("meetings: %d over 50 attendees, %d of %d with 1-12, %d with optional attendees", large, typical, len(meetings), optional)
	}

	calls, _ := readSynth[callRow](t, dir, "calls")
	var unconnected int
	for _, c := range calls {
		if c.Duration == 0 {
			unconnected++
		}
	}
	if s := share(unconnected, len(calls)); s < 0.11 || s > 0.19 {
		t.Errorf("%.3f of calls have duration 0, want about 0.15", s)
	}

	users, _ := readSynth[userRow](t, dir, "users")
	ids := map[string]userRow{}
	var disabled, noFirst int
	for _, u := range users {
		ids[u.UserID] = u
		if u.IsDisabled != nil && *u.IsDisabled {
			disabled++
		}
		if u.FirstName == nil {
			noFirst++
		}
		for _, r := range u.Roles {
			if !slices.Contains(synthRoles, r) {
				t.Errorf("user %s has unknown role %q", u.UserID, r)
			}
		}
	}
	if len(ids) != len(users) || disabled < 8 || disabled > 40 || noFirst == 0 {
		t.Errorf("users: %d distinct ids of %d, %d disabled (want about 20), %d without first name", len(ids), len(users), disabled, noFirst)
	}
	optOuts, _ := readSynth[optOutRow](t, dir, "opt_outs")
	if len(optOuts) != 20 {
		t.Errorf("%d opt-outs, want 1%% of 2000 users", len(optOuts))
	}

	leads, _ := readSynth[leadRow](t, dir, "leads")
	contacted := map[string]bool{}
	for _, e := range emails {
		for _, list := range [][]*string{{&e.From}, e.To, e.Cc} {
			for _, a := range list {
				if a != nil {
					contacted[specNormalise(*a)] = true
				}
			}
		}
	}
	var noOwner, sales, invalid, reached int
	for _, l := range leads {
		if l.RecordType != "lead" && l.RecordType != "contact" {
			t.Errorf("record %s: type %q", l.RecordID, l.RecordType)
		}
		if !specValid.MatchString(specNormalise(l.Email)) {
			invalid++
		}
		if contacted[specNormalise(l.Email)] {
			reached++
		}
		if l.OwnerUserID == nil {
			noOwner++
			continue
		}
		owner, ok := ids[*l.OwnerUserID]
		if !ok {
			t.Fatalf("record %s: owner %s is no user", l.RecordID, *l.OwnerUserID)
		}
		if slices.Contains(owner.Roles, "Salesperson") {
			sales++
		}
	}
	if s := share(noOwner, len(leads)); s < 0.01 || s > 0.04 {
		t.Errorf("%.3f of leads have no owner, want about 0.02", s)
	}
	if s := share(sales, len(leads)-noOwner); s < 0.6 {
		t.Errorf("%.3f of owned leads belong to a salesperson, want most", s)
	}
	if s := share(invalid, len(leads)); s < 0.005 || s > 0.03 {
		t.Errorf("%.3f of leads have an invalid email, want about 0.01", s)
	}
	// At this size (20k emails over a 50k-address pool) fewer leads are
	// reached than at full scale; the floor catches leads drawn apart
	// from the mail.
	if s := share(reached, len(leads)); s < 0.3 {
		t.Errorf("%.3f of leads appear in any email, want many", s)
	}
}

func TestGenerateParamsValidate(t *testing.T) {
	cases := []struct {
		name   string
		change func(*SynthParams)
		msg    string // a fragment of the error, "" for none
	}{
		{"defaults", func(*SynthParams) {}, ""},
		{"one user", func(p *SynthParams) { p.Users = 1 }, "users: 1"},
		{"negative emails", func(p *SynthParams) { p.Emails = -1 }, "emails -1"},
		{"negative leads", func(p *SynthParams) { p.Leads = -5 }, "leads -5"},
		{"zero parts", func(p *SynthParams) { p.Parts = 0 }, "parts: 0"},
		{"no date", func(p *SynthParams) { p.AsOf = time.Time{} }, "as-of"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := DefaultSynthParams()
			c.change(&p)
			err := p.Validate()
			if c.msg == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.msg) {
				t.Fatalf("error %v, want one mentioning %q", err, c.msg)
			}
		})
	}
}

// TestGenerateReplacesAndCancels: a second run in another layout replaces
// the first (NAME.parquet and NAME/ never both), and a cancelled run leaves
// the directory exactly as it was.
func TestGenerateReplacesAndCancels(t *testing.T) {
	p := smallSynth()
	dir := synthesize(t, p)
	p.Parts = 1
	var progress []string
	if err := Synthesize(context.Background(), dir, p, func(s string) { progress = append(progress, s) }); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "emails")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("emails/ still present after a one-part run: %v", err)
	}
	if !slices.Contains(progress, "emails: 5000/5000 rows, done") {
		t.Errorf("progress %q lacks the emails table's final line", progress)
	}
	before, _ := os.ReadFile(filepath.Join(dir, "emails.parquet"))

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p.Seed++
	if err := Synthesize(ctx, dir, p, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled run returned %v, want context.Canceled", err)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "emails.parquet"))
	if len(before) == 0 || !bytes.Equal(before, after) {
		t.Errorf("cancelled run changed emails.parquet (%d to %d bytes)", len(before), len(after))
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 6 {
		t.Errorf("cancelled run left %d entries, want the 6 tables", len(entries))
	}
}

func BenchmarkGenerateEmails(b *testing.B) {
	p := SynthParams{Users: 5000, Leads: 0, Emails: 200_000, Meetings: 0, Calls: 0, Seed: 1, AsOf: synthAsOf, Parts: 4}
	b.ReportAllocs()
	for b.Loop() {
		synthesize(b, p)
	}
	b.ReportMetric(float64(p.Emails*b.N)/b.Elapsed().Seconds(), "rows/s")
}
