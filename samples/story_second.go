package samples

// storyInitechWingtip: Ruth Adeyemi has no owner (so no drafts) and Hugo
// Marchetti is owned by Olivia, who opted out.
func storyInitechWingtip(b *book) {
	// Kofi's first message was exported twice: his own copy lost its
	// sent_at, Jo's copy kept it, and the merged message uses Jo's time.
	kickoff := msg{from: kofi, to: []string{ruth}, cc: []string{jo}, subject: "Initech kickoff"}
	id := b.mail(kickoff)
	b.lastEmail().SentAt = nil
	kickoff.at = at(6, 9, 0)
	b.copyOf(id, kickoff)
	b.lastEmail().Mailbox = jo
	for _, d := range []int{34, 62} {
		b.note(at(d, 9, 0), kofi, ruth, "Initech check-in")
	}
	b.note(at(5, 13, 0), ruth, kofi, "Re: Initech kickoff")
	b.note(at(33, 13, 0), ruth, kofi, "Re: Initech check-in")
	// Dana met Ruth once; the calendar export keeps her display-name form.
	b.meet(at(80, 11, 0), 60, "Dana Ortiz <Dana.Ortiz@Brightlane.example>", []string{ruth}, nil)

	// Olivia knows Hugo best, but she opted out: none of this counts, and
	// as owner of his record she gets owner_score null.
	b.meet(at(11, 10, 0), 60, olivia, []string{hugo}, nil)
	b.meet(at(39, 10, 0), 60, olivia, []string{hugo}, nil)
	b.call(at(18, 17, 0), 2400, hugo, olivia)
	// Mei wrote both ways; Laura had one call.
	b.note(at(16, 10, 0), mei, hugo, "Wingtip pricing")
	b.note(at(44, 10, 0), mei, hugo, "Wingtip contract")
	b.note(at(15, 12, 0), hugo, mei, "Re: Wingtip pricing")
	b.call(at(70, 9, 0), 780, laura, hugo)
}

// storyWoodgroveLitware: the colleague who knows each lead best cannot be
// an introducer: Olivia opted out (Sven Olsen), Felix is disabled (Keiko
// Mori). Their mailboxes were exported all the same.
func storyWoodgroveLitware(b *book) {
	for _, d := range []int{7, 14, 21, 28, 35} {
		b.meet(at(d, 9, 0), 30, olivia, []string{sven}, nil)
	}
	b.call(at(3, 16, 0), 1800, olivia, sven)
	b.call(at(10, 16, 0), 1800, sven, olivia)
	b.note(at(2, 8, 0), olivia, sven, "Woodgrove contract")
	b.note(at(1, 8, 0), sven, "Olivia.Chen@Brightlane.example", "Re: Woodgrove contract")
	// Paulo joined one of the meetings Sven organised, with Olivia, and
	// followed up both ways.
	b.meet(at(30, 14, 0), 60, sven, []string{paulo, olivia}, nil)
	b.note(at(29, 9, 0), paulo, sven, "Thanks, Sven")
	b.note(at(28, 9, 0), sven, paulo, "Re: Thanks, Sven")
	// Hannah gets Sven's event questions but never replies.
	b.note(at(40, 12, 0), sven, hannah, "Conference booth")
	b.note(at(85, 12, 0), sven, hannah, "Sponsorship")

	for _, d := range []int{6, 20, 34, 48} {
		b.meet(at(d, 11, 0), 45, felix, []string{keiko}, nil)
	}
	b.call(at(13, 15, 0), 1500, felix, keiko)
	b.note(at(12, 9, 0), keiko, felix, "Litware rollout")
	b.note(at(11, 9, 0), felix, keiko, "Re: Litware rollout")
	// Yusuf met Keiko twice; Chris called her once and she wrote back.
	b.meet(at(18, 13, 0), 30, keiko, []string{yusuf}, nil)
	b.meet(at(46, 13, 0), 30, keiko, []string{yusuf}, nil)
	b.call(at(26, 10, 0), 300, chris, keiko)
	b.note(at(27, 16, 0), keiko, chris, "Visitor badges")
}

// storyAdatum: Ivan Petrov is owned by Grace, an Engineer, so his drafts
// are skipped; Grace knows him best and her score is owner_score. Jordan
// Blake's address has no top-level domain: his record is invalid, and the
// one message sent to him has no valid recipient left.
func storyAdatum(b *book) {
	for _, d := range []int{8, 36, 64} {
		b.meet(at(d, 10, 30), 60, grace, []string{ivan, daniel}, nil)
	}
	b.call(at(15, 14, 0), 1200, grace, ivan)
	b.call(at(43, 14, 0), 900, ivan, grace)
	b.note(at(17, 8, 30), ivan, noah, "Logs from the incident")
	b.note(at(47, 8, 30), ivan, noah, "Staging access")

	b.note(at(17, 10, 0), marco, "Jordan Blake <jordan.blake@adatum>", "Intro")
}
