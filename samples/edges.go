package samples

import "fmt"

// guests are prospects at event-list domains: never leads, so mass mail
// and oversized meetings can include them without touching any ranking.
func guests(n int) []string {
	domains := []string{"events.example", "expo.example", "lists.example"}
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("guest%02d@%s", i+1, domains[i%len(domains)])
	}
	return out
}

// edgeCases adds the rows that exist to be skipped, rejected or counted.
// The ones naming a lead would change that lead's ranking if the rule they
// test were ignored.
func edgeCases(b *book) {
	g := guests(60)

	// A broadcast: 64 recipients > --max-recipients 50, so Nina gains no tie
	// to Maria, Zoë, Sven or Kenji.
	b.mail(msg{at: at(15, 7, 0), from: nina, to: append([]string{maria, zoe, sven, kenji}, g...), subject: "Brightlane Summit 2026"})

	// Exactly 50 valid recipients besides the sender (an invalid address and
	// Hannah's own copy do not count), so this is not a broadcast: Hannah
	// gets a faint one-way tie to Lucia.
	invite := append([]string{lucia}, g[:49]...)
	invite = append(invite, "not-an-address")
	b.mail(msg{at: at(5, 8, 0), from: hannah, to: invite, cc: []string{hannah}, subject: "Customer dinner"})

	// A webinar of 56 participants > --max-attendees 50: no ties.
	b.meet(at(9, 16, 0), 60, hannah, []string{maria, nadia}, g[:53])

	// Priya's last onboarding note also lists a null and an invalid
	// address; they are dropped and the message still has one recipient.
	b.t.emails = append(b.t.emails, emailRow{
		MessageID: ptr(b.messageID()),
		Mailbox:   priya,
		SentAt:    ptr(at(75, 9, 10)),
		From:      priya,
		To:        []*string{ptr(maria), nil},
		Cc:        addrs("not-an-address", "x@"),
		Subject:   ptr("Northwind onboarding"),
	})

	// Rejected or skipped messages, one of each kind.
	b.mail(msg{at: at(30, 9, 0), from: chris, to: []string{}, subject: "(draft)"}) // R = 0
	b.mail(msg{from: sam, to: []string{g[0]}, subject: "no date"})
	b.lastEmail().SentAt = nil // no sent_at in any copy
	b.mail(msg{at: at(31, 9, 0), from: "a@@b.example", to: []string{sam}, subject: "spam"})
	b.t.emails = append(b.t.emails, emailRow{
		Mailbox: dana, SentAt: ptr(at(44, 9, 0)), From: dana,
		To: addrs(g[2]), Subject: ptr("row without message_id"),
	})

	// Meetings that count for nothing: one participant, no start, no id.
	b.meet(at(3, 8, 0), 120, sofia, nil, nil)
	b.meet(at(4, 8, 0), 30, tom, []string{g[3]}, nil)
	b.lastMeeting().StartAt = nil
	b.meet(at(5, 8, 0), 30, dana, []string{g[4]}, nil)
	b.lastMeeting().MeetingID = nil

	// Calls with no event: internal on both sides, or a colleague who is
	// disabled or opted out.
	b.call(at(7, 9, 0), 300, sam, "Dana Ortiz <Dana.Ortiz@Brightlane.example>")
	b.call(at(8, 9, 0), 420, lena, marco)
	b.call(at(9, 9, 0), 600, felix, sam)
	b.call(at(11, 9, 0), 900, olivia, sven)
	b.lastCall().CallID = nil
}
