package samples

// storyNorthwind: Maria Santos is known by eight colleagues, so the top-5
// cut shows. Four more colleagues only look as if they know her: Mei's call
// never connected and her meeting was cancelled, and Nina's and Hannah's
// only contact is a broadcast and an oversized webinar (see edgeCases).
func storyNorthwind(b *book) {
	const mariaDisplay = "Maria Santos <Maria.Santos@Northwind.example>"
	// Helen, the CEO, holds a four-weekly 1:1 with Maria and calls her twice.
	for i, d := range []int{7, 35, 63, 91, 119, 147, 175} {
		org, other := helen, maria
		if i%2 == 1 {
			org, other = mariaDisplay, helen
		}
		b.meet(at(d, 15, 0), 45, org, []string{other}, nil)
	}
	b.call(at(21, 16, 30), 1260, helen, maria)
	b.call(at(49, 8, 45), 540, "MARIA.SANTOS@NORTHWIND.EXAMPLE", helen)

	// Priya runs the account day to day: mail both ways (her sixth note,
	// with a null and invalid addresses in it, is in edgeCases).
	for _, d := range []int{5, 19, 33, 47, 61} {
		b.note(at(d, 9, 10), priya, mariaDisplay, "Northwind onboarding")
	}
	for _, d := range []int{4, 18, 32, 46} {
		b.note(at(d, 11, 20), maria, "Priya Nair <Priya.Nair@brightlane.example>", "Re: Northwind onboarding")
	}
	// One reply copies Emma in: her only tie to Maria, one-way and weak.
	b.mail(msg{at: at(60, 11, 20), from: maria, to: []string{priya}, cc: []string{emma}, subject: "Re: case study"})

	// Jo runs a monthly review; Kofi is an optional attendee.
	for _, d := range []int{12, 40, 68} {
		b.meet(at(d, 14, 0), 30, jo, []string{maria}, []string{kofi})
	}
	b.note(at(39, 17, 5), maria, jo, "Agenda for our review")
	b.note(at(38, 9, 0), jo, maria, "Re: Agenda for our review")

	// Omar's one technical deep-dive, Daniel optional; a note the day
	// before copies Daniel, and a call the day after.
	b.meet(at(25, 10, 0), 60, omar, []string{maria}, []string{daniel})
	b.mail(msg{at: at(26, 18, 0), from: omar, to: []string{maria}, cc: []string{daniel}, subject: "API limits"})
	b.call(at(24, 11, 0), 900, maria, omar)

	// Raj sends product news; Maria never answers.
	for _, d := range []int{10, 50, 90, 130} {
		b.note(at(d, 7, 30), raj, maria, "What's new at Brightlane")
	}

	// Mei tried: the call did not connect and the meeting was cancelled.
	b.call(at(3, 10, 0), 0, mei, maria)
	b.meet(at(2, 10, 0), 30, mei, []string{maria}, nil)
	b.lastMeeting().Cancelled = ptr(true)
}

// storyContoso: Ben Ashworth's strongest contact is his owner Lena, so she
// is excluded from his introducers and reported as owner_score instead.
// One of Lena's messages was exported from two mailboxes: her copy carries a
// Bcc to Marco that Tom's copy lacks, so merging by message_id gives three
// recipients (fanout 1/sqrt(3)) and a single event, not two.
func storyContoso(b *book) {
	for _, d := range []int{3, 17, 24, 31} {
		b.note(at(d, 10, 0), lena, ben, "Contoso renewal")
	}
	for _, d := range []int{2, 9, 16, 23} {
		b.note(at(d, 15, 40), "Ben Ashworth <ben.ashworth@contoso.example>", lena, "Re: Contoso renewal")
	}
	proposal := msg{at: at(10, 9, 0), from: lena, to: []string{ben}, cc: []string{tom}, bcc: []string{marco}, subject: "Proposal"}
	id := b.mail(proposal)
	proposal.bcc = nil // Tom's mailbox never saw the Bcc
	proposal.from = "Lena Fischer <Lena.Fischer@brightlane.example>"
	b.copyOf(id, proposal)
	b.lastEmail().Mailbox = tom
	b.call(at(8, 14, 0), 1500, lena, ben)
	b.call(at(22, 9, 30), 600, ben, lena)

	// Victor met Ben twice; Marco called once; Tom wrote twice unanswered.
	b.meet(at(45, 13, 0), 60, victor, []string{ben}, nil)
	b.meet(at(100, 13, 0), 60, ben, []string{victor}, nil)
	b.call(at(12, 11, 0), 1200, marco, ben)
	b.note(at(15, 8, 0), tom, ben, "Support contacts")
	b.note(at(80, 8, 0), tom, ben, "Quarterly support review")
}

// storyFabrikamTailspin: Zoë Ångström (a Unicode name) and the lead whose
// name is a spreadsheet formula, both with a few clear introducers.
func storyFabrikamTailspin(b *book) {
	// Aiko met Zoë twice and they wrote both ways.
	b.meet(at(14, 10, 0), 30, aiko, []string{zoe}, nil)
	b.meet(at(42, 10, 0), 30, aiko, []string{zoe}, nil)
	b.note(at(13, 9, 0), aiko, zoe, "Thanks for today")
	b.note(at(41, 9, 0), aiko, zoe, "Fabrikam pilot")
	b.note(at(12, 16, 0), zoe, aiko, "Re: Thanks for today")
	// Zoë writes to Raj about the launch; he answered once.
	for _, d := range []int{30, 60, 95} {
		b.note(at(d, 12, 0), "Zoë Ångström <Zoe.Angstrom@Fabrikam.example>", raj, "Launch event")
	}
	b.note(at(29, 12, 0), raj, zoe, "Re: Launch event")
	// Isaac had one support call with her.
	b.call(at(50, 15, 0), 900, isaac, zoe)
	// The company newsletter is internal but no user's: no tie for Raj.
	b.mail(msg{at: at(20, 6, 0), from: newsletter, to: []string{zoe}, cc: []string{raj}, subject: "Brightlane news"})

	// The formula-named lead at Tailspin: Sofia called and met, Noah was
	// written to twice.
	b.call(at(9, 10, 0), 1800, sofia, eve)
	b.call(at(37, 10, 0), 900, eve, sofia)
	b.meet(at(58, 16, 0), 45, eve, []string{sofia}, nil)
	b.note(at(20, 8, 0), eve, noah, "Integration question")
	b.note(at(110, 8, 0), eve, noah, "SSO setup")
}
