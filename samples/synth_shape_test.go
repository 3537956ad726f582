package samples

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// specValid and specNormalise restate SPEC §2's validity and normalisation
// rules, so the test does not lean on the code it checks.
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
