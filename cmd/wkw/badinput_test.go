package main

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const malformedDir = "../../testdata/malformed"

// badCase is one broken input or bad setting and what wkw must do with it.
type badCase struct {
	name  string
	input string                    // a case directory under testdata/malformed; empty means the samples
	build func(t *testing.T) string // makes the input in a temporary directory instead
	args  []string                  // more flags
	code  int
	// msg are fragments stderr must hold; {in} stands for the input directory.
	msg []string
	// moved are manifest counters (see flatten) as differences from the
	// samples' run; a 0 says the counter must not move.
	moved map[string]int64
	// check looks further at a successful run's manifest and outputs.
	check func(t *testing.T, out string, m, base map[string]int64)
	// previous runs the case on an output directory that already holds the
	// samples' outputs for the same date, which must survive byte for byte.
	previous bool
}

func TestBadInput(t *testing.T) {
	baseOut := t.TempDir()
	if code, _, stderr := cli(t, "run", "--input", samplesDir, "--out", baseOut, "--as-of", asOf); code != 0 {
		t.Fatalf("samples run: exit %d:\n%s", code, stderr)
	}
	base := readManifest(t, baseOut)
	baseFiles := hashTree(t, baseOut)
	checkCasesCurrent(t)

	tmpl := func(text string) string {
		p := filepath.Join(t.TempDir(), "template.txt")
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	flag := func(name, frag string, args ...string) badCase {
		return badCase{name: name, args: args, code: 2, msg: []string{frag}}
	}
	cases := []badCase{
		// Layout.
		{name: "input directory missing", build: func(t *testing.T) string { return filepath.Join(t.TempDir(), "absent") },
			code: 1, msg: []string{"--input {in}", "not a readable directory"}},
		{name: "users missing", build: samplesWithout("users"), code: 1, msg: []string{"required table users", "{in}"}},
		{name: "leads missing", build: samplesWithout("leads"), code: 1, msg: []string{"required table leads", "{in}"}},
		{name: "emails missing", build: samplesWithout("emails"), code: 1, msg: []string{"required table emails", "{in}"}},
		{name: "emails.parquet and emails/ both present", build: bothFileAndDir, code: 1,
			msg: []string{`"{in}/emails.parquet"`, `"{in}/emails"`, "both"}},
		{name: "emails.parquet is a directory", input: "emails-parquet-is-a-directory", code: 1,
			msg: []string{`"{in}/emails.parquet" is a directory`}},
		{name: "second part of emails/ has a bad schema", input: "emails-bad-part", code: 1,
			msg: []string{`"{in}/emails/part-00001.parquet"`, `column "sent_at"`}},
		{name: "empty optional part directories", build: emptyOptionalDirs, code: 0,
			moved: map[string]int64{"rows_read.emails": 0, "skipped.emails.no_recipients": 0},
			check: func(t *testing.T, _ string, m, _ map[string]int64) {
				for _, k := range []string{"rows_read.meetings", "rows_read.calls", "skipped.meetings.cancelled", "skipped.calls.not_connected"} {
					if v, ok := m[k]; !ok || v != 0 {
						t.Errorf("%s = %d (present %v), want 0", k, v, ok)
					}
				}
			}},

		// Schemas.
		{name: "required column missing", input: "emails-no-sent-at-column", code: 1,
			msg: []string{`"{in}/emails.parquet"`, `required column "sent_at" is missing`}},
		{name: "string given as int64", input: "users-user-id-int64", code: 1,
			msg: []string{`"{in}/users.parquet"`, `column "user_id" has type int64, want string`}},
		{name: "timestamp given as string", input: "emails-sent-at-string", code: 1,
			msg: []string{`"{in}/emails.parquet"`, `column "sent_at" has type utf8, want timestamp`}},
		{name: "list given as string", input: "emails-to-addresses-string", code: 1,
			msg: []string{`"{in}/emails.parquet"`, `column "to_addresses" has type utf8, want list<string>`}},
		{name: "bool given as string", input: "meetings-is-cancelled-string", code: 1,
			msg: []string{`"{in}/meetings.parquet"`, `column "is_cancelled" has type utf8, want bool`}},
		{name: "int64 given as string", input: "calls-duration-string", code: 1,
			msg: []string{`"{in}/calls.parquet"`, `column "duration_seconds" has type utf8, want int64`}},

		// Damaged files.
		{name: "zero-length file", input: "leads-zero-length", code: 1, msg: []string{`"{in}/leads.parquet"`, "corrupt"}},
		{name: "not a Parquet file", input: "users-not-parquet", code: 1, msg: []string{`"{in}/users.parquet"`, "corrupt"}},
		{name: "optional table not a Parquet file", input: "opt-outs-not-parquet", code: 1, msg: []string{`"{in}/opt_outs.parquet"`, "corrupt"}},
		{name: "truncated file", input: "emails-truncated", code: 1, msg: []string{`"{in}/emails.parquet"`, "corrupt"}},
		{name: "corrupted page", input: "emails-corrupt-page", code: 1, previous: true,
			msg: []string{`"{in}/emails.parquet"`, "row group 1", "corrupt"}},

		// Empty tables and all-null columns.
		{name: "emails with no rows", input: "emails-no-rows", code: 1, msg: []string{"emails table in {in}", "has no rows"}},
		{name: "users with no rows", input: "users-no-rows", code: 1, msg: []string{"table users in {in}", "has no rows"}},
		{name: "leads with no rows", input: "leads-no-rows", code: 0,
			moved: map[string]int64{"records.total": -base["records.total"], "outputs.introducers": -base["outputs.introducers"], "outputs.drafts": -base["outputs.drafts"]},
			check: func(t *testing.T, out string, _, _ map[string]int64) {
				if n := parquetRows(t, filepath.Join(out, "introducers/as_of="+asOf+"/part-00000.parquet")); n != 0 {
					t.Errorf("introducers file holds %d rows, want 0", n)
				}
			}},
		{name: "all sent_at null", input: "emails-all-sent-at-null", code: 1, msg: []string{"100.0% of emails", "--max-reject-fraction 0.2"}},
		{name: "all start_at null", input: "meetings-all-start-at-null", code: 1, msg: []string{"of meetings", "--max-reject-fraction"}},
		{name: "all recipient lists null", input: "emails-recipients-all-null", code: 0,
			moved: map[string]int64{"skipped.emails.invalid_recipient_address": -base["skipped.emails.invalid_recipient_address"]},
			check: func(t *testing.T, _ string, m, base map[string]int64) {
				// With no recipient anywhere, every message that passes the
				// earlier checks ends as no_recipients.
				want := m["quality.emails_seen"] - m["skipped.emails.null_message_id"] - m["skipped.emails.no_sent_at"] -
					m["skipped.emails.no_valid_sender"] - m["skipped.emails.outside_window"]
				if got := m["skipped.emails.no_recipients"]; got != want || got <= base["skipped.emails.no_recipients"] {
					t.Errorf("emails.no_recipients = %d, want %d (samples: %d)", got, want, base["skipped.emails.no_recipients"])
				}
			}},
		{name: "too many invalid addresses", input: "emails-addresses-mostly-invalid", code: 1,
			msg: []string{"of address occurrences in {in}", "--max-reject-fraction 0.2"}},
		{name: "reject threshold lowered", args: []string{"--max-reject-fraction", "0.01"}, code: 1,
			msg: []string{"of meetings in {in}", "--max-reject-fraction 0.01"}},

		// Ids.
		{name: "null message ids", input: "emails-null-message-ids", code: 0, moved: map[string]int64{"skipped.emails.null_message_id": 3}},
		{name: "null user_id", input: "users-null-user-id", code: 0, moved: map[string]int64{"skipped.users.null_user_id": 1}},
		{name: "null record_id", input: "leads-null-record-id", code: 0,
			moved: map[string]int64{"skipped.leads.null_record_id": 1, "records.total": -1}},
		{name: "duplicate user_id", input: "users-duplicate-id", code: 1, msg: []string{`"u030"`, "{in}/users.parquet"}},
		{name: "duplicate record_id", input: "leads-duplicate-record-id", code: 1, msg: []string{`"L20"`, "{in}/leads.parquet"}},
		{name: "users sharing an email", input: "users-shared-email", code: 0, moved: map[string]int64{"excluded_users.duplicate_email": 1}},
		{name: "lead owned by an unknown user", input: "lead-unknown-owner", code: 0, moved: map[string]int64{"records.unknown_owner": 1},
			check: func(t *testing.T, out string, m, base map[string]int64) {
				rows := recordRows(t, filepath.Join(out, "introducers/as_of="+asOf+"/part-00000.parquet"), "L01")
				if got := m["skipped.drafts.owner_not_a_user"] - base["skipped.drafts.owner_not_a_user"]; rows == 0 || got != int64(rows) {
					t.Errorf("drafts.owner_not_a_user moved by %d, want L01's %d introducer rows", got, rows)
				}
			}},

		// Awkward values.
		{name: "invalid UTF-8", input: "invalid-utf8", code: 0, moved: map[string]int64{
			"skipped.emails.invalid_recipient_address": 1, "skipped.emails.invalid_sender_address": 1, "skipped.emails.no_valid_sender": 1,
			"skipped.users_leads.invalid_utf8_text_repaired": 2},
			check: func(t *testing.T, out string, _, _ map[string]int64) {
				for _, table := range []string{"introducers", "drafts"} {
					if bad := invalidUTF8In(t, filepath.Join(out, table+"/as_of="+asOf+"/part-00000.parquet")); bad != "" {
						t.Errorf("%s output holds invalid UTF-8: %q", table, bad)
					}
				}
			}},
		{name: "1 MiB addresses", input: "long-addresses", code: 0,
			moved: map[string]int64{"skipped.emails.invalid_recipient_address": 1, "outputs.connections": 1}},
		{name: "1 MiB lead name", input: "long-name", code: 0, msg: []string{`record \"L02\"`},
			moved: map[string]int64{"outputs.introducers": 0, "skipped.drafts.render_failed": 3, "outputs.drafts": -3}},
		{name: "null list elements", input: "null-list-elements", code: 0,
			check: func(t *testing.T, _ string, m, base map[string]int64) {
				if !maps.Equal(m, base) {
					t.Errorf("counters moved:\n got %v\nwant %v", m, base)
				}
			}},
		{name: "timestamps before 1970 and after 2200", input: "timestamps-extreme", code: 0, moved: map[string]int64{"skipped.emails.outside_window": 2}},
		{name: "ten thousand recipients", input: "broadcast-10k", code: 0,
			moved: map[string]int64{"skipped.emails.broadcast": 1, "quality.emails_seen": 1, "outputs.connections": 0}},

		// Templates and flags.
		{name: "template syntax error", args: []string{"--template", tmpl("Subject: hi\n\nDear {{.Lead.FullName\n")}, code: 2,
			msg: []string{"line 3"}},
		{name: "template unknown field", args: []string{"--template", tmpl("Subject: hi\n\nDear\n{{.Lead.Phone}}\n")}, code: 2,
			msg: []string{"line 4", "Phone"}},
		flag("top 0", "--top", "--top", "0"),
		flag("top 51", "--top", "--top", "51"),
		flag("as-of month 13", "--as-of", "--as-of", "2026-13-01"),
		flag("negative look-back", "--lookback-days", "--lookback-days", "-1"),
		flag("negative half-life", "--half-life-days", "--half-life-days", "-5"),
		flag("max-recipients 0", "--max-recipients", "--max-recipients", "0"),
		flag("max-reject-fraction 1.5", "--max-reject-fraction", "--max-reject-fraction", "1.5"),
		flag("contributor role nobody holds", `--contributor-roles: no user holds the role "Wizard"`, "--contributor-roles", "Wizard"),
		flag("unknown flag", "unknown flag: --frobnicate", "--frobnicate"),
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := samplesDir
			switch {
			case c.build != nil:
				in = c.build(t)
			case c.input != "":
				in = filepath.Join(malformedDir, c.input)
			}
			out := filepath.Join(t.TempDir(), "out")
			if c.previous {
				copyTree(t, baseOut, out)
			}
			args := append([]string{"run", "--input", in, "--out", out, "--as-of", asOf}, c.args...)
			code, _, stderr := cli(t, args...)
			if code != c.code {
				t.Fatalf("exit %d, want %d:\n%s", code, c.code, stderr)
			}
			for _, frag := range c.msg {
				if frag = strings.ReplaceAll(frag, "{in}", in); !strings.Contains(stderr, frag) {
					t.Errorf("stderr lacks %q:\n%s", frag, stderr)
				}
			}
			noStage(t, out)
			if code != 0 {
				if c.previous {
					if got := hashTree(t, out); !maps.Equal(got, baseFiles) {
						t.Errorf("previous outputs changed:\n got %v\nwant %v", got, baseFiles)
					}
				} else if left := visible(t, out); len(left) > 0 {
					t.Errorf("a failed run left outputs: %v", left)
				}
				return
			}
			m := readManifest(t, out)
			for k, d := range c.moved {
				if _, ok := m[k]; !ok {
					t.Errorf("manifest has no %s", k)
				} else if m[k] != base[k]+d {
					t.Errorf("%s = %d, want %d (samples %d %+d)", k, m[k], base[k]+d, base[k], d)
				}
			}
			if c.check != nil {
				c.check(t, out, m, base)
			}
		})
	}
}

var sampleTables = []string{"emails", "meetings", "calls", "users", "leads", "opt_outs"}

// copySamples copies the sample tables but skip into a new directory.
func copySamples(t *testing.T, skip ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range sampleTables {
		if slices.Contains(skip, name) {
			continue
		}
		copyFile(t, filepath.Join(samplesDir, name+".parquet"), filepath.Join(dir, name+".parquet"))
	}
	return dir
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func samplesWithout(table string) func(t *testing.T) string {
	return func(t *testing.T) string { return copySamples(t, table) }
}

func bothFileAndDir(t *testing.T) string {
	dir := copySamples(t)
	copyFile(t, filepath.Join(samplesDir, "emails.parquet"), filepath.Join(dir, "emails", "part-00000.parquet"))
	return dir
}

// emptyOptionalDirs gives meetings and calls as part directories with no
// parts; git cannot hold an empty directory, so this case is built here.
func emptyOptionalDirs(t *testing.T) string {
	dir := copySamples(t, "meetings", "calls")
	for _, name := range []string{"meetings", "calls"} {
		if err := os.Mkdir(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// checkCasesCurrent fails when testdata/malformed was made from other
// samples than today's: every case breaks at most three tables, so at least
// three of its six must still equal the samples byte for byte, and the
// counters the cases are checked against come from today's samples.
func checkCasesCurrent(t *testing.T) {
	t.Helper()
	dirs, err := os.ReadDir(malformedDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if !d.IsDir() || d.Name() == "gen" {
			continue
		}
		same := 0
		for _, name := range sampleTables {
			want, err := os.ReadFile(filepath.Join(samplesDir, name+".parquet"))
			if err != nil {
				t.Fatal(err)
			}
			if got, err := os.ReadFile(filepath.Join(malformedDir, d.Name(), name+".parquet")); err == nil && bytes.Equal(got, want) {
				same++
			}
		}
		if same < 3 {
			t.Errorf("testdata/malformed/%s shares %d tables with samples/: stale; run go run ./testdata/malformed/gen", d.Name(), same)
		}
	}
}
