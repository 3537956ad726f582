package samples

import (
	"fmt"
	"strings"
	"time"
)

// AsOf is the as-of date the story is written for: every interaction meant
// to count falls in the 365 days before it, and the rankings in README.md
// hold for a run with this --as-of and the default settings.
const AsOf = "2026-11-21"

// cutoff is 00:00 UTC of AsOf, the C of SPEC §3.
var cutoff = time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)

// at is d days before the cutoff at hh:mm UTC. Writing times this way
// keeps ages readable: an event at(d, hh, mm) is d - (hh*60+mm)/1440 days
// old, so its decay is 0.5^(that/90).
func at(d, hh, mm int) time.Time {
	return cutoff.AddDate(0, 0, -d).Add(time.Duration(hh)*time.Hour + time.Duration(mm)*time.Minute)
}

// book accumulates the interaction tables as the story is told, handing
// out ids in order so that the files come out identical on every run.
type book struct {
	t                            tables
	nMessages, nMeetings, nCalls int
}

// msg is one exported copy of an email, addresses as they appear in the
// export (any case, display-name form allowed).
type msg struct {
	at          time.Time
	from        string
	to, cc, bcc []string
	subject     string
}

func (b *book) messageID() string {
	b.nMessages++
	return fmt.Sprintf("<%04d.wkw@mail.brightlane.example>", b.nMessages)
}

// mail records one message exported from one mailbox and returns its id.
func (b *book) mail(m msg) string {
	id := b.messageID()
	b.copyOf(id, m)
	return id
}

// copyOf records another row for message id, as a second mailbox's export
// of the same message would.
func (b *book) copyOf(id string, m msg) {
	row := emailRow{
		MessageID: ptr(id),
		Mailbox:   mailboxOf(m),
		SentAt:    ptr(m.at),
		From:      m.from,
		To:        addrs(m.to...),
	}
	if m.cc != nil {
		row.Cc = addrs(m.cc...)
	}
	if m.bcc != nil {
		row.Bcc = addrs(m.bcc...)
	}
	if m.subject != "" {
		row.Subject = ptr(m.subject)
	}
	b.t.emails = append(b.t.emails, row)
}

// mailboxOf names the colleague whose mailbox a copy plausibly came from:
// the sender when internal, else the first internal recipient.
func mailboxOf(m msg) string {
	all := append([]string{m.from}, m.to...)
	all = append(all, m.cc...)
	all = append(all, m.bcc...)
	for _, a := range all {
		if a = bare(a); strings.HasSuffix(a, "@brightlane.example") {
			return a
		}
	}
	return ""
}

// bare strips a display name and case, enough to pick a mailbox; the
// contract's full normalisation is the readers' job, not the generator's.
func bare(a string) string {
	if i := strings.LastIndex(a, "<"); i >= 0 && strings.HasSuffix(a, ">") {
		a = a[i+1 : len(a)-1]
	}
	return strings.ToLower(strings.TrimSpace(a))
}

// meet records a meeting of the given length; organizer "" is a null
// organizer.
func (b *book) meet(start time.Time, minutes int, organizer string, required, optional []string) string {
	b.nMeetings++
	id := fmt.Sprintf("mtg-%03d", b.nMeetings)
	row := meetingRow{
		MeetingID: ptr(id),
		StartAt:   ptr(start),
		EndAt:     ptr(start.Add(time.Duration(minutes) * time.Minute)),
		Required:  addrs(required...),
	}
	if organizer != "" {
		row.Organizer = ptr(organizer)
	}
	if optional != nil {
		row.Optional = addrs(optional...)
	}
	b.t.meetings = append(b.t.meetings, row)
	return id
}

func (b *book) lastEmail() *emailRow     { return &b.t.emails[len(b.t.emails)-1] }
func (b *book) lastMeeting() *meetingRow { return &b.t.meetings[len(b.t.meetings)-1] }
func (b *book) lastCall() *callRow       { return &b.t.calls[len(b.t.calls)-1] }

// call records one phone call; seconds 0 is a call that did not connect.
func (b *book) call(start time.Time, seconds int64, from, to string) {
	b.nCalls++
	b.t.calls = append(b.t.calls, callRow{
		CallID:    ptr(fmt.Sprintf("call-%03d", b.nCalls)),
		StartedAt: start,
		Duration:  seconds,
		From:      from,
		To:        to,
	})
}

// note is the common case: a 1:1 message in a single copy.
func (b *book) note(t time.Time, from, to, subject string) {
	b.mail(msg{at: t, from: from, to: []string{to}, subject: subject})
}

// build tells the whole story in a fixed order.
func build() tables {
	var b book
	b.t.users = users()
	b.t.leads = leads()
	b.t.optOuts = optOuts()
	storyNorthwind(&b)
	storyContoso(&b)
	storyFabrikamTailspin(&b)
	storyInitechWingtip(&b)
	storyWoodgroveLitware(&b)
	storyAdatum(&b)
	storyProseware(&b)
	storyRelecloud(&b)
	storyMailboxCoho(&b)
	storyTreyResearch(&b)
	storyBlueYonderFourthCoffee(&b)
	edgeCases(&b)
	background(&b)
	return b.t
}
