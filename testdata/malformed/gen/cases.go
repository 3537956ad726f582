package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// kase is one directory of testdata/malformed: the sample tables with one
// thing broken. build runs in a directory that already holds copies of the
// six sample tables and replaces, removes or adds what the case is about.
type kase struct {
	name  string
	what  string
	build func(dir string, o *org) error
}

// cutoff is 00:00 UTC of the samples' as-of date; the window is the 365 days
// before it.
var cutoff = time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)

var cases = []kase{
	// Layout and file-level damage.
	{"emails-parquet-is-a-directory", "emails.parquet is a directory holding a part file", emailsDirNamedParquet},
	{"emails-bad-part", "emails/ holds a good part and a part whose sent_at is a string", emailsBadPart},
	{"leads-zero-length", "leads.parquet is an empty file", zeroLength("leads")},
	{"users-not-parquet", "users.parquet is CSV text", notParquet("users")},
	{"opt-outs-not-parquet", "opt_outs.parquet (optional) is CSV text", notParquet("opt_outs")},
	{"emails-truncated", "emails.parquet lost its last 100 bytes, footer included", truncated},
	{"emails-corrupt-page", "the Snappy header of a data page of emails.from_address in row group 1 is flipped", corruptPage},
	{"emails-page-bit-flipped", "one bit inside the Snappy text of that page is flipped; only the page CRC can tell, and arrow v17 does not check it: not in the bad-input table, kept for the day wkw verifies checksums", flipPageBit},

	// Schemas.
	{"emails-no-sent-at-column", "emails has no sent_at column", emailsNoSentAt},
	{"users-user-id-int64", "users.user_id is INT64 (string given as int64)", usersIDInt64},
	{"emails-sent-at-string", "emails.sent_at is a string (timestamp given as string)", emailsSentAtString},
	{"emails-to-addresses-string", "emails.to_addresses is a string (list given as string)", emailsToString},
	{"meetings-is-cancelled-string", "meetings.is_cancelled is a string (bool given as string)", meetingsCancelledString},
	{"calls-duration-string", "calls.duration_seconds is a string (int64 given as string)", callsDurationString},

	// Empty tables and all-null columns.
	{"emails-no-rows", "emails has the right columns and no rows", func(dir string, _ *org) error {
		return writeRows(filepath.Join(dir, "emails.parquet"), []emailRow{})
	}},
	{"leads-no-rows", "leads has the right columns and no rows", func(dir string, _ *org) error {
		return writeRows(filepath.Join(dir, "leads.parquet"), []leadRow{})
	}},
	{"users-no-rows", "users has the right columns and no rows", func(dir string, _ *org) error {
		return writeRows(filepath.Join(dir, "users.parquet"), []userRow{})
	}},
	{"emails-all-sent-at-null", "every emails.sent_at is null", editEmails(func(es []emailRow) []emailRow {
		for i := range es {
			es[i].SentAt = nil
		}
		return es
	})},
	{"meetings-all-start-at-null", "every meetings.start_at is null", func(dir string, o *org) error {
		ms := o.cloneMeetings()
		for i := range ms {
			ms[i].StartAt = nil
		}
		return writeRows(filepath.Join(dir, "meetings.parquet"), ms)
	}},
	{"emails-recipients-all-null", "every to_addresses, cc_addresses and bcc_addresses is null", editEmails(func(es []emailRow) []emailRow {
		for i := range es {
			es[i].To, es[i].Cc, es[i].Bcc = nil, nil, nil
		}
		return es
	})},

	{"emails-addresses-mostly-invalid", "every non-empty To list gets an extra \"undisclosed-recipients:;\"", editEmails(func(es []emailRow) []emailRow {
		for i := range es {
			if len(es[i].To) > 0 {
				es[i].To = append(append([]*string(nil), es[i].To...), ptr("undisclosed-recipients:;"))
			}
		}
		return es
	})},

	// Rows the contract drops and counts, or refuses.
	{"emails-null-message-ids", "three messages in the window lose their message_id", editEmails(func(es []emailRow) []emailRow {
		for _, i := range pickEmails(es, 3) {
			es[i].MessageID = nil
		}
		return es
	})},
	{"users-null-user-id", "user u030 has a null user_id", editUsers(func(us []userRow) []userRow {
		us[userIndex(us, "u030")].UserID = nil
		return us
	})},
	{"leads-null-record-id", "record L20 has a null record_id", editLeads(func(ls []leadRow) []leadRow {
		ls[leadIndex(ls, "L20")].RecordID = nil
		return ls
	})},
	{"users-duplicate-id", "a second user has user_id u030", editUsers(func(us []userRow) []userRow {
		dup := us[userIndex(us, "u030")]
		dup.Email, dup.FullName = "hannah.twin@brightlane.example", "Hannah Twin"
		return append(us, dup)
	})},
	{"leads-duplicate-record-id", "a second record has record_id L20", editLeads(func(ls []leadRow) []leadRow {
		dup := ls[leadIndex(ls, "L20")]
		dup.Email = "felipe.twin@fourthcoffee.example"
		return append(ls, dup)
	})},
	{"users-shared-email", "u028 has u027's email in another case", editUsers(func(us []userRow) []userRow {
		us[userIndex(us, "u028")].Email = strings.ToUpper(us[userIndex(us, "u027")].Email)
		return us
	})},
	{"lead-unknown-owner", "record L01 is owned by u999, who is not a user", editLeads(func(ls []leadRow) []leadRow {
		ls[leadIndex(ls, "L01")].OwnerUserID = ptr("u999")
		return ls
	})},

	// Awkward values.
	{"invalid-utf8", "invalid UTF-8 in a recipient, a sender, a lead's name and a user's title", invalidUTF8},
	{"long-addresses", "a message gets a 1 MiB valid recipient and a 1 MiB invalid one", longAddresses},
	{"long-name", "record L02 has a 1 MiB full_name", longName},
	{"null-list-elements", "null elements inside recipient, attendee and role lists", nullElements},
	{"timestamps-extreme", "two messages in the window moved to 1900-01-01 and 2300-01-01", editEmails(func(es []emailRow) []emailRow {
		p := pickEmails(es, 2)
		es[p[0]].SentAt = ptr(time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC))
		es[p[1]].SentAt = ptr(time.Date(2300, 1, 1, 0, 0, 0, 0, time.UTC))
		return es
	})},
	{"broadcast-10k", "one more message from sam to 10,000 distinct outside addresses", broadcast},
}

// editEmails writes emails.parquet from the samples' rows changed by f.
func editEmails(f func([]emailRow) []emailRow) func(string, *org) error {
	return func(dir string, o *org) error {
		return writeRows(filepath.Join(dir, "emails.parquet"), f(o.cloneEmails()))
	}
}

func editUsers(f func([]userRow) []userRow) func(string, *org) error {
	return func(dir string, o *org) error {
		return writeRows(filepath.Join(dir, "users.parquet"), f(o.cloneUsers()))
	}
}

func editLeads(f func([]leadRow) []leadRow) func(string, *org) error {
	return func(dir string, o *org) error {
		return writeRows(filepath.Join(dir, "leads.parquet"), f(o.cloneLeads()))
	}
}

func userIndex(us []userRow, id string) int {
	for i, u := range us {
		if u.UserID != nil && *u.UserID == id {
			return i
		}
	}
	panic("samples have no user " + id)
}

func leadIndex(ls []leadRow, id string) int {
	for i, l := range ls {
		if l.RecordID != nil && *l.RecordID == id {
			return i
		}
	}
	panic("samples have no record " + id)
}

// plainSenders are colleagues who contribute under the default settings and
// whose address is already normalised in the samples.
var plainSenders = map[string]bool{
	"sam.patel@brightlane.example": true, "lena.fischer@brightlane.example": true,
	"aiko.tanaka@brightlane.example": true, "priya.nair@brightlane.example": true,
	"helen.park@brightlane.example": true, "tom.becker@brightlane.example": true,
	"kofi.mensah@brightlane.example": true, "mei.lin@brightlane.example": true,
}

// pickEmails returns the first n rows, in file order, that are whole
// messages on their own (no other row shares the id), fall in the window,
// come from a plain contributor and have a few recipients: rows whose fate
// under the contract is certain, so that a change to them moves exactly one
// counter.
func pickEmails(es []emailRow, n int) []int {
	count := map[string]int{}
	for _, e := range es {
		if e.MessageID != nil {
			count[*e.MessageID]++
		}
	}
	var out []int
	for i, e := range es {
		if len(out) == n {
			break
		}
		r := len(e.To) + len(e.Cc) + len(e.Bcc)
		if e.MessageID == nil || count[*e.MessageID] != 1 || e.SentAt == nil || !plainSenders[e.From] || r == 0 || r > 10 {
			continue
		}
		if t := e.SentAt.UTC(); t.Before(cutoff.AddDate(0, 0, -300)) || !t.Before(cutoff.AddDate(0, 0, -1)) {
			continue
		}
		out = append(out, i)
	}
	if len(out) < n {
		panic(fmt.Sprintf("samples have %d plain messages in the window, want %d", len(out), n))
	}
	return out
}

func zeroLength(table string) func(string, *org) error {
	return func(dir string, _ *org) error {
		return os.WriteFile(filepath.Join(dir, table+".parquet"), nil, 0o644)
	}
}

func notParquet(table string) func(string, *org) error {
	return func(dir string, _ *org) error {
		csv := "email,opted_out_at\nsomeone@brightlane.example,2026-01-01\n"
		return os.WriteFile(filepath.Join(dir, table+".parquet"), []byte(csv), 0o644)
	}
}

func emailsDirNamedParquet(dir string, _ *org) error {
	p := filepath.Join(dir, "emails.parquet")
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	if err := os.Remove(p); err != nil {
		return err
	}
	if err := os.Mkdir(p, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(p, "part-00000.parquet"), data, 0o644)
}

func emailsBadPart(dir string, o *org) error {
	parts := filepath.Join(dir, "emails")
	if err := os.Mkdir(parts, 0o755); err != nil {
		return err
	}
	if err := os.Rename(filepath.Join(dir, "emails.parquet"), filepath.Join(parts, "part-00000.parquet")); err != nil {
		return err
	}
	return writeRows(filepath.Join(parts, "part-00001.parquet"), sentAtAsString(o.emails[:10]))
}
