package samples

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// synthDelay is the ring of pending copies: a copy of a message from
// another mailbox comes out between synthMinDelay and synthDelay messages
// after the first, which puts it in another part or row group while
// keeping at most a few tens of thousands of rows in memory.
const (
	synthDelay    = 1 << 16
	synthMinDelay = 4096
)

// emailGen produces the emails table one row at a time.
type emailGen struct {
	o        *synthOrg
	r        *rand.Rand
	clock    synthClock
	left     int // rows still to be committed
	rows     delayRing[emailRow]
	strs     slab[string]
	lists    slab[*string]
	times    slab[time.Time]
	ids      strings.Builder
	subjects []string
	rcpts    []synthRcpt
	boxes    []int
}

// synthRcpt is one recipient of the message being built: a user (user >=
// 0) or an external or shared address; field 0 To, 1 Cc, 2 Bcc.
type synthRcpt struct {
	a     *synthAddr
	user  int
	field uint8
}

func newEmailGen(o *synthOrg, p SynthParams) *emailGen {
	g := &emailGen{o: o, r: newSynthRand(p.Seed, 4), clock: newSynthClock(p.AsOf), left: p.Emails,
		rows: newDelayRing[emailRow](synthDelay, synthMinDelay)}
	for _, s := range synthSubjects {
		g.subjects = append(g.subjects, s, "Re: "+s, "RE: "+s, "Fwd: "+s, "Re: Re: "+s)
	}
	return g
}

func (g *emailGen) next(row *emailRow) bool {
	return g.rows.next(row, func() bool { return g.left > 0 }, g.message)
}

// message builds one message and its copies: the first goes out now, the
// others wait in the ring.
func (g *emailGen) message() {
	r, o := g.r, g.o
	g.rcpts, g.boxes = g.rcpts[:0], g.boxes[:0]
	var from *synthAddr
	sender := -1
	bcast := chance(r, 5)
	switch p := r.Uint32N(100); {
	case bcast:
		sender, from = g.broadcast()
	case p < 45: // a colleague writes to customers
		sender = o.selling.draw(r)
		g.toCustomers(sender, o.contactOf(r, sender), true)
	case p < 80: // a customer writes in
		u := o.selling.draw(r)
		x := o.contactOf(r, u)
		from = &o.ext[x]
		g.add(&o.users[u].addr, u, 0)
		g.toCustomers(u, x, false)
	default: // colleagues among themselves
		sender = o.active.draw(r)
		g.internal(sender)
		if chance(r, 20) { // a notification from a shared mailbox
			sender, from = -1, &o.shared[r.IntN(len(o.shared))]
		}
	}
	if sender >= 0 {
		from = &o.users[sender].addr
		g.boxes = append(g.boxes, sender)
		if !bcast && chance(r, 10) { // reply-all that keeps the sender on copy
			g.add(from, sender, 1)
		}
	}
	copies := 1
	if !bcast {
		if p := r.Uint32N(1000); p >= 920 {
			copies = 3
		} else if p >= 660 {
			copies = 2
		}
	}
	g.mailboxes(copies)
	copies = max(1, min(len(g.boxes), copies, g.left))
	g.left -= copies
	g.emit(from, sender >= 0, copies)
}

// rcptCount draws how many recipients a message has: mostly one to three,
// a tail to fifty.
func rcptCount(r *rand.Rand) int {
	switch p := r.Uint32N(1000); {
	case p < 650:
		return 1
	case p < 800:
		return 2
	case p < 870:
		return 3
	case p < 975:
		return 4 + skew2(r, 7)
	}
	return 11 + skew2(r, 40)
}

func (g *emailGen) add(a *synthAddr, user int, field uint8) {
	g.rcpts = append(g.rcpts, synthRcpt{a, user, field})
}

// toCustomers adds recipients to a message about customer x: more people
// at x's company, other contacts of u, and (outbound) colleagues on copy.
func (g *emailGen) toCustomers(u, x int, outbound bool) {
	r, o := g.r, g.o
	n := rcptCount(r)
	if outbound {
		g.add(&o.ext[x], -1, 0)
		n--
	}
	for range n {
		if !outbound && chance(r, 500) {
			c := o.colleagueOf(r, u)
			g.add(&o.users[c].addr, c, uint8(r.IntN(2)))
			continue
		}
		y := o.sameCompany(r, x)
		if chance(r, 250) {
			y = o.contactOf(r, u)
		}
		field := uint8(0)
		if q := r.Uint32N(100); q >= 95 && outbound {
			field = 2
		} else if q >= 55 {
			field = 1
		}
		g.add(&o.ext[y], -1, field)
	}
	if outbound && chance(r, 250) {
		c := o.colleagueOf(r, u)
		g.add(&o.users[c].addr, c, 1)
	}
	if outbound && chance(r, 30) {
		c := o.colleagueOf(r, u)
		g.add(&o.users[c].addr, c, 2)
	}
}

func (g *emailGen) internal(u int) {
	r, o := g.r, g.o
	for range rcptCount(r) {
		c := o.colleagueOf(r, u)
		g.add(&o.users[c].addr, c, uint8(min(r.IntN(10)/7, 1)))
	}
	if chance(r, 100) {
		x := o.contactOf(r, u)
		g.add(&o.ext[x], -1, 1)
	}
}

// broadcast is a newsletter or announcement to 60–500 outside addresses,
// half of them as Bcc; its sender is a marketer or a shared address.
func (g *emailGen) broadcast() (int, *synthAddr) {
	r, o := g.r, g.o
	field := uint8(r.IntN(2) * 2)
	for range 60 + r.IntN(441) {
		x := r.IntN(len(o.ext))
		if chance(r, 500) {
			x = o.popular(r)
		}
		g.add(&o.ext[x], -1, field)
	}
	if d := o.depts[4]; len(d) > 0 && chance(r, 500) {
		u := int(d[skew2(r, len(d))])
		return u, &o.users[u].addr
	}
	return -1, &o.shared[r.IntN(len(o.shared))]
}

// mailboxes lists the colleagues whose mailboxes hold a copy: the sender
// first, then recipients. When fewer colleagues took part than copies were
// drawn, the sender copies more of them in, as people do.
func (g *emailGen) mailboxes(copies int) {
	for _, rc := range g.rcpts {
		if rc.user >= 0 && !containsInt(g.boxes, rc.user) {
			g.boxes = append(g.boxes, rc.user)
		}
	}
	if len(g.boxes) == 0 { // a shared address wrote to outsiders only
		return
	}
	for tries := 0; len(g.boxes) < copies && tries < 4; tries++ {
		c := g.o.colleagueOf(g.r, g.boxes[0])
		if !containsInt(g.boxes, c) {
			g.boxes = append(g.boxes, c)
			g.add(&g.o.users[c].addr, c, 1)
		}
	}
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// emit writes the message's rows. Every copy carries the same headers
// except Bcc, which only the sender's own copy shows; copies from
// recipients' mailboxes arrive up to two minutes later and sometimes render
// the sender differently.
func (g *emailGen) emit(from *synthAddr, senderIsUser bool, copies int) {
	r, o := g.r, g.o
	t := g.clock.at(r)
	var n [3]int
	for _, rc := range g.rcpts {
		n[rc.field]++
	}
	var lists [3][]*string
	for f, k := range n {
		if k > 0 {
			lists[f] = g.lists.take(k)
		}
	}
	for _, rc := range g.rcpts {
		var s *string
		if r.Uint32N(2000) != 0 { // else a null element, as some exporters write
			s = g.strs.put(o.variant(r, rc.a))
		}
		lists[rc.field] = append(lists[rc.field], s)
	}
	row := emailRow{
		MessageID: g.messageID(from),
		SentAt:    g.times.put(t),
		From:      o.variant(r, from),
		To:        lists[0],
		Cc:        lists[1],
	}
	if !chance(r, 30) {
		row.Subject = &g.subjects[r.IntN(len(g.subjects))]
	}
	for c := range copies {
		cp := row
		if len(g.boxes) == 0 {
			cp.Mailbox = o.lower(from)
		} else {
			cp.Mailbox = o.lower(&o.users[g.boxes[c]].addr)
		}
		if c == 0 {
			if senderIsUser || len(g.boxes) == 0 {
				cp.Bcc = lists[2]
			}
			g.rows.now(cp)
			continue
		}
		cp.SentAt = g.times.put(t.Add(time.Duration(r.Int64N(120_000_000)) * time.Microsecond))
		if chance(r, 300) {
			cp.From = o.variant(r, from)
		}
		g.rows.later(r, cp)
	}
}

// messageID builds a Message-ID in a shared buffer, so that the ids of
// thousands of messages cost one allocation; one in ten thousand is null,
// as when a draft is exported. The random part keeps ids unique across
// seeds and sizes.
func (g *emailGen) messageID(from *synthAddr) *string {
	if g.r.Uint32N(10000) == 0 {
		return nil
	}
	if g.ids.Cap()-g.ids.Len() < 128 {
		g.ids = strings.Builder{}
		g.ids.Grow(1 << 16)
	}
	var buf [24]byte
	start := g.ids.Len()
	g.ids.WriteByte('<')
	g.ids.Write(strconv.AppendUint(buf[:0], g.r.Uint64(), 36))
	g.ids.WriteByte('.')
	g.ids.Write(strconv.AppendUint(buf[:0], uint64(g.rows.step), 10))
	if from.company < 0 {
		g.ids.WriteString("@mail.corp.example>")
	} else {
		lower := g.o.lower(from)
		g.ids.WriteString("@mx.")
		g.ids.WriteString(lower[strings.LastIndexByte(lower, '@')+1:])
		g.ids.WriteByte('>')
	}
	return g.strs.put(g.ids.String()[start:])
}
