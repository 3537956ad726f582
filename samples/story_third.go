package samples

import "time"

// storyProseware: Kenji Watanabe is both a lead (L13, owned by Sam) and a
// contact (L14, owned by Aiko). Each record ranks on its own, so Aiko is an
// introducer on L13 but excluded as owner on L14.
func storyProseware(b *book) {
	for _, d := range []int{4, 25, 46, 67, 88} {
		b.meet(at(d, 16, 0), 60, kenji, []string{emma}, nil)
	}
	b.note(at(24, 9, 0), emma, kenji, "Proseware summit")
	b.note(at(3, 9, 0), kenji, emma, "Re: Proseware summit")
	b.call(at(10, 17, 30), 1320, emma, kenji)
	for _, d := range []int{17, 38, 59} {
		b.note(at(d, 11, 0), aiko, kenji, "Proseware quote")
	}
	b.note(at(16, 11, 0), kenji, aiko, "Re: Proseware quote")
	b.note(at(37, 11, 0), kenji, aiko, "Re: Proseware quote")
	// Tom's one meeting is in two calendars: merged, it counts once.
	tomMeeting := b.meet(at(55, 15, 0), 30, tom, []string{kenji}, nil)
	b.t.meetings = append(b.t.meetings, meetingRow{
		MeetingID: ptr(tomMeeting),
		StartAt:   ptr(at(55, 15, 0)),
		Organizer: ptr("Tom Becker <Tom.Becker@brightlane.example>"),
		Required:  addrs("Kenji.Watanabe@proseware.example", tom),
		Cancelled: ptr(false),
	})
	// Isaac writes now and then; no answer.
	b.note(at(21, 10, 0), isaac, kenji, "SDK beta")
	b.note(at(77, 10, 0), isaac, kenji, "SDK release")
}

// storyRelecloud holds the one deliberate tie: Ava and Tom attended the
// same two meetings Lucia Ferraro organised, as required attendees, so
// their strengths and last interactions are identical and the tie goes to
// the smaller address, ava.lindgren@… before tom.becker@…
func storyRelecloud(b *book) {
	for _, d := range []int{13, 41, 69, 97} {
		b.call(at(d, 17, 0), 600, lucia, laura)
	}
	b.meet(at(22, 9, 0), 60, lucia, []string{tom, ava}, nil)
	b.meet(at(50, 9, 0), 60, lucia, []string{tom, ava}, nil)
	// Hannah's tie is one invitation to exactly 50 recipients (see edgeCases).
}

// storyMailboxCoho: Alex Rivera uses a free-mail address; Olga Ivanova
// shows reciprocity: Mei wrote her seven times and never heard back, Paulo
// exchanged four messages, and the two-way thread ranks first.
func storyMailboxCoho(b *book) {
	b.note(at(9, 12, 0), sam, alex, "Your trial")
	b.note(at(23, 12, 0), sam, alex, "Trial extension")
	b.note(at(8, 19, 0), "Alex Rivera <alex.rivera@MAILBOX.example>", sam, "Re: Your trial")
	b.meet(at(33, 15, 0), 30, nina, []string{alex}, nil)

	b.note(at(20, 10, 0), paulo, olga, "Coho wine club")
	b.note(at(48, 10, 0), paulo, olga, "Coho order")
	b.note(at(19, 10, 0), olga, paulo, "Re: Coho wine club")
	b.note(at(47, 10, 0), olga, paulo, "Re: Coho order")
	b.note(at(8, 10, 0), olga, paulo, "Dinner next week?")
	for _, d := range []int{5, 12, 26, 33, 54, 61, 75} {
		b.note(at(d, 8, 0), mei, olga, "Following up")
	}
}

// storyTreyResearch tests the window's edges: only Daniel's call, at
// exactly C - 365 days, is inside; a second earlier, at the cutoff itself,
// or after it, nothing counts.
func storyTreyResearch(b *book) {
	start := cutoff.AddDate(0, 0, -365)
	b.call(start, 420, daniel, pablo)
	b.note(start.Add(-time.Second), yusuf, pablo, "Trey Research visit")
	b.meet(cutoff, 60, pablo, []string{hannah}, nil)
	b.note(cutoff.AddDate(0, 0, 2), hannah, pablo, "See you at the expo")
	b.note(at(400, 10, 0), paulo, pablo, "Long time no see")
	b.note(at(399, 10, 0), pablo, paulo, "Re: Long time no see")
}

// storyBlueYonderFourthCoffee: Nadia Rahman's meetings include one with no
// organizer (its attendees still count) and optional attendees at half
// weight; Felipe Castro's owner Felix is disabled.
func storyBlueYonderFourthCoffee(b *book) {
	b.call(at(7, 11, 0), 1500, aiko, nadia)
	b.call(at(27, 10, 0), 1100, nadia, aiko)
	b.call(at(55, 10, 0), 800, aiko, nadia)
	b.meet(at(20, 14, 0), 60, "", []string{nadia, kofi}, []string{laura})
	b.meet(at(70, 14, 0), 60, sofia, []string{nadia}, []string{hannah})
	b.call(at(4, 9, 0), 0, sam, nadia)

	b.note(at(14, 9, 0), sofia, felipe, "Fourth Coffee order")
	b.note(at(42, 9, 0), sofia, felipe, "Fourth Coffee reorder")
	b.note(at(13, 9, 0), felipe, sofia, "Re: Fourth Coffee order")
	b.call(at(60, 11, 0), 660, omar, felipe)
	b.meet(at(16, 10, 0), 30, felix, []string{felipe}, nil)
	b.note(at(15, 10, 0), felipe, felix, "Re: our meeting")
}
