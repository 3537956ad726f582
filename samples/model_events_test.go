package samples

import (
	"cmp"
	"math"
	"slices"
	"time"
)

type mergedEmail struct {
	at         *time.Time
	from       string
	recipients map[string]float64
}

// addEmails applies SPEC §4.1: merge copies by message_id, then weigh.
func (m *model) addEmails(rows []emailRow) {
	merged := map[string]*mergedEmail{}
	var order []string
	for _, r := range rows {
		if r.MessageID == nil {
			m.skipped["emails.null_message_id"]++
			continue
		}
		e := merged[*r.MessageID]
		if e == nil {
			e = &mergedEmail{recipients: map[string]float64{}}
			merged[*r.MessageID] = e
			order = append(order, *r.MessageID)
		} else {
			m.skipped["emails.merged_duplicate_rows"]++
		}
		if r.SentAt != nil && (e.at == nil || r.SentAt.Before(*e.at)) {
			e.at = r.SentAt
		}
		if f := normalise(r.From); valid(f) && (e.from == "" || f < e.from) {
			e.from = f
		}
		weigh(e.recipients, r.To, 1)
		weigh(e.recipients, r.Cc, 0.5)
		weigh(e.recipients, r.Bcc, 0.5)
	}
	for _, id := range order {
		e := merged[id]
		decay, inWindow := 0.0, false
		if e.at != nil {
			decay, inWindow = m.decay(*e.at)
		}
		delete(e.recipients, e.from)
		n := len(e.recipients)
		if reason := firstOf(
			e.at == nil, "emails.no_sent_at",
			e.from == "", "emails.no_valid_sender",
			!inWindow, "emails.outside_window",
			n == 0, "emails.no_recipients",
			n > 50, "emails.broadcast",
		); reason != "" {
			m.skipped[reason]++
			continue
		}
		fanout := 1 / math.Sqrt(float64(n))
		for a, f := range e.recipients {
			switch {
			case m.contributors[e.from] && m.external(a):
				m.event(e.from, a, "email_sent", *e.at, f*fanout*decay)
			case m.external(e.from) && m.contributors[a]:
				m.event(a, e.from, "email_received", *e.at, f*fanout*decay)
			}
		}
	}
}

// addMeetings applies SPEC §4.2.
func (m *model) addMeetings(rows []meetingRow) {
	type meeting struct {
		start     *time.Time
		organizer string
		cancelled bool
		attendees map[string]float64
	}
	merged := map[string]*meeting{}
	var order []string
	for _, r := range rows {
		if r.MeetingID == nil {
			m.skipped["meetings.null_meeting_id"]++
			continue
		}
		mt := merged[*r.MeetingID]
		if mt == nil {
			mt = &meeting{attendees: map[string]float64{}}
			merged[*r.MeetingID] = mt
			order = append(order, *r.MeetingID)
		} else {
			m.skipped["meetings.merged_duplicate_rows"]++
		}
		if r.StartAt != nil && (mt.start == nil || r.StartAt.Before(*mt.start)) {
			mt.start = r.StartAt
		}
		if r.Organizer != nil {
			if o := normalise(*r.Organizer); valid(o) && (mt.organizer == "" || o < mt.organizer) {
				mt.organizer = o
			}
		}
		mt.cancelled = mt.cancelled || (r.Cancelled != nil && *r.Cancelled)
		weigh(mt.attendees, r.Required, 1)
		weigh(mt.attendees, r.Optional, 0.5)
	}
	for _, id := range order {
		mt := merged[id]
		if mt.organizer != "" {
			mt.attendees[mt.organizer] = 1
		}
		n := len(mt.attendees)
		decay, inWindow := 0.0, false
		if mt.start != nil {
			decay, inWindow = m.decay(*mt.start)
		}
		if reason := firstOf(
			mt.cancelled, "meetings.cancelled",
			mt.start == nil, "meetings.no_start_at",
			n < 2, "meetings.fewer_than_two_participants",
			n > 50, "meetings.too_many_attendees",
			!inWindow, "meetings.outside_window",
		); reason != "" {
			m.skipped[reason]++
			continue
		}
		fanout := 1 / math.Sqrt(float64(n-1))
		for u, au := range mt.attendees {
			if !m.contributors[u] {
				continue
			}
			for x, ax := range mt.attendees {
				if m.external(x) {
					m.event(u, x, "meeting", *mt.start, 2*au*ax*fanout*decay)
				}
			}
		}
	}
}

// addCalls applies SPEC §4.3.
func (m *model) addCalls(rows []callRow) {
	for _, r := range rows {
		decay, inWindow := m.decay(r.StartedAt)
		if reason := firstOf(
			r.Duration <= 0, "calls.not_connected",
			!inWindow, "calls.outside_window",
		); reason != "" {
			m.skipped[reason]++
			continue
		}
		from, to := normalise(r.From), normalise(r.To)
		switch {
		case m.contributors[from] && m.external(to):
			m.event(from, to, "call", r.StartedAt, 2*decay)
		case m.external(from) && m.contributors[to]:
			m.event(to, from, "call", r.StartedAt, 2*decay)
		default:
			m.skipped["calls.no_contributor_external_pair"]++
		}
	}
}

// firstOf takes (condition, reason) pairs and returns the first reason
// whose condition holds, so the order of checks reads as in the contract.
func firstOf(pairs ...any) string {
	for i := 0; i < len(pairs); i += 2 {
		if pairs[i].(bool) {
			return pairs[i+1].(string)
		}
	}
	return ""
}

type ranked struct {
	user     userRow
	email    string
	pair     *pair
	strength float64
}

// introducers applies SPEC §6 to one record and returns every candidate in
// rank order (the caller keeps --top). ok is false for an invalid or
// internal address; ownerStrength is nil when the owner has no pair.
func (m *model) introducers(l leadRow) (all []ranked, ownerStrength *float64, ok bool) {
	x := normalise(l.Email)
	if !m.external(x) {
		return nil, nil, false
	}
	for k, p := range m.pairs {
		if k.x != x {
			continue
		}
		u := m.owner[k.u]
		if l.OwnerUserID != nil && u.UserID == *l.OwnerUserID {
			s := p.strength()
			ownerStrength = &s
			continue
		}
		all = append(all, ranked{user: u, email: k.u, pair: p, strength: p.strength()})
	}
	round6 := func(v float64) float64 { return math.Round(v*1e6) / 1e6 }
	slices.SortFunc(all, func(a, b ranked) int {
		if c := cmp.Compare(round6(b.strength), round6(a.strength)); c != 0 {
			return c
		}
		if c := b.pair.last.Compare(a.pair.last); c != 0 {
			return c
		}
		return cmp.Compare(a.email, b.email)
	})
	return all, ownerStrength, true
}
