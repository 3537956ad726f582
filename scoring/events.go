package scoring

// Email turns one whole (possibly merged) message into events, applying the
// checks of §4.1 in their order, each counted.
func (g *Graph) Email(m *Message) {
	c := &g.Counters
	g.Totals.Emails++
	c.EmailMerged += int64(max(m.Rows-1, 0))
	if m.Disagree {
		c.EmailSenderDisagreement++
	}
	switch {
	case !m.HasTime:
		c.EmailNoSentAt++
		return
	case m.Sender < 0:
		c.EmailNoSender++
		return
	case !g.Config.InWindow(m.Time):
		c.EmailOutsideWindow++
		return
	}
	rcpt := g.seen.distinct(m.Parties, m.Sender, g.Dir.NumAddrs())
	switch {
	case len(rcpt) == 0:
		c.EmailNoRecipients++
		return
	case len(rcpt) > g.Config.MaxRecipients:
		c.EmailBroadcast++
		return
	}
	scale := Fanout(len(rcpt)) * Decay(g.Config.Cutoff, m.Time, g.Config.HalfLifeDays)
	if u := g.Dir.Contributor(m.Sender); u >= 0 {
		for _, r := range rcpt {
			if g.Dir.External(r.Addr) {
				g.add(u, r.Addr, emailSent, m.Time, r.Weight*scale)
			}
		}
		return
	}
	if g.Dir.External(m.Sender) {
		for _, r := range rcpt {
			if u := g.Dir.Contributor(r.Addr); u >= 0 {
				g.add(u, m.Sender, emailReceived, m.Time, r.Weight*scale)
			}
		}
	}
}

// Meeting turns one whole (possibly merged) meeting into events per §4.2.
// The organizer takes part with weight 1.0; it is appended to m.Parties, so
// m is spent afterwards.
func (g *Graph) Meeting(m *Message) {
	c := &g.Counters
	g.Totals.Meetings++
	c.MeetingMerged += int64(max(m.Rows-1, 0))
	switch {
	case m.Cancelled:
		c.MeetingCancelled++
		return
	case !m.HasTime:
		c.MeetingNoStartAt++
		return
	case !g.Config.InWindow(m.Time):
		c.MeetingOutsideWindow++
		return
	}
	if m.Sender >= 0 {
		m.Parties = append(m.Parties, Party{m.Sender, WeightOrganizer})
	}
	parts := g.seen.distinct(m.Parties, -1, g.Dir.NumAddrs())
	switch n := len(parts); {
	case n < 2:
		c.MeetingTooFew++
		return
	case n > g.Config.MaxAttendees:
		c.MeetingTooLarge++
		return
	}
	scale := 2.0 * Fanout(len(parts)-1) * Decay(g.Config.Cutoff, m.Time, g.Config.HalfLifeDays)
	for _, p := range parts {
		u := g.Dir.Contributor(p.Addr)
		if u < 0 {
			continue
		}
		for _, x := range parts {
			if g.Dir.External(x.Addr) {
				g.add(u, x.Addr, meeting, m.Time, p.Weight*x.Weight*scale)
			}
		}
	}
}

// Call is one calls row; from and to are address ids or -1 when null or
// invalid.
type Call struct {
	Time        int64
	HasTime     bool
	Duration    int64
	HasDuration bool
	From, To    int32
}

// Call turns one call into an event per §4.3.
func (g *Graph) Call(k Call) {
	c := &g.Counters
	switch {
	case !k.HasDuration || k.Duration <= 0:
		c.CallNotConnected++
		return
	case !k.HasTime:
		c.CallNoStartedAt++
		return
	case !g.Config.InWindow(k.Time):
		c.CallOutsideWindow++
		return
	}
	u, x := int32(-1), int32(-1)
	if k.From >= 0 && k.To >= 0 {
		switch uf, ut := g.Dir.Contributor(k.From), g.Dir.Contributor(k.To); {
		case uf >= 0 && ut < 0 && g.Dir.External(k.To):
			u, x = uf, k.To
		case ut >= 0 && uf < 0 && g.Dir.External(k.From):
			u, x = ut, k.From
		}
	}
	if u < 0 {
		c.CallNoPair++
		return
	}
	g.add(u, x, call, k.Time, 2.0*Decay(g.Config.Cutoff, k.Time, g.Config.HalfLifeDays))
}
