package samples

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// Meetings duplicated on a second calendar come out this many meetings
// later at most; see synthDelay for why copies are held back at all.
const (
	meetingDelay    = 1 << 12
	meetingMinDelay = 512
)

// meetingGen produces the meetings table one row at a time.
type meetingGen struct {
	o      *synthOrg
	r      *rand.Rand
	clock  synthClock
	left   int
	rows   delayRing[meetingRow]
	strs   slab[string]
	lists  slab[*string]
	times  slab[time.Time]
	bools  slab[bool]
	ids    strings.Builder
	people []synthRcpt // field 0 required, 1 optional
	boxes  []int
}

var meetingMinutes = []int{15, 30, 30, 30, 45, 60, 60, 90, 120}

func newMeetingGen(o *synthOrg, p SynthParams) *meetingGen {
	return &meetingGen{o: o, r: newSynthRand(p.Seed, 8), clock: newSynthClock(p.AsOf), left: p.Meetings,
		rows: newDelayRing[meetingRow](meetingDelay, meetingMinDelay)}
}

func (g *meetingGen) next(row *meetingRow) bool {
	return g.rows.next(row, func() bool { return g.left > 0 }, g.meeting)
}

// participantCount draws a meeting's size: two to twelve as a rule, now and
// then a workshop of dozens or a webinar of hundreds.
func participantCount(r *rand.Rand) int {
	switch p := r.Uint32N(1000); {
	case p < 300:
		return 2
	case p < 500:
		return 3
	case p < 650:
		return 4
	case p < 900:
		return 5 + r.IntN(4)
	case p < 980:
		return 9 + r.IntN(4)
	case p < 997:
		return 13 + skew2(r, 38)
	}
	return 51 + r.IntN(150)
}

func (g *meetingGen) meeting() {
	r, o := g.r, g.o
	g.people, g.boxes = g.people[:0], g.boxes[:0]
	n := participantCount(r)
	var org *synthAddr
	if chance(r, 600) { // with a customer
		u := o.selling.draw(r)
		x := o.contactOf(r, u)
		g.addUser(u)
		g.people = append(g.people, synthRcpt{&o.ext[x], -1, 0})
		if chance(r, 250) { // the customer sent the invitation
			g.people[0], g.people[1] = g.people[1], g.people[0]
		}
		org = g.people[0].a
		for range n - 2 {
			switch {
			case n > 50:
				g.people = append(g.people, synthRcpt{&o.ext[o.popular(r)], -1, 0})
			case chance(r, 500):
				g.addUser(o.colleagueOf(r, u))
			default:
				g.people = append(g.people, synthRcpt{&o.ext[o.sameCompany(r, x)], -1, 0})
			}
		}
	} else {
		u := o.active.draw(r)
		org = &o.users[u].addr
		g.addUser(u)
		for range n - 1 {
			g.addUser(o.colleagueOf(r, u))
		}
	}
	// The organizer (people[0]) is listed among the attendees by some
	// calendars only.
	listed := g.people
	if !chance(r, 300) {
		listed = listed[1:]
	}
	copies := 1
	if len(g.boxes) > 1 && chance(r, 250) {
		copies = min(2, g.left)
	}
	g.left -= copies
	g.emit(org, listed, copies)
}

// addUser adds a colleague; a tenth of them are optional attendees.
func (g *meetingGen) addUser(u int) {
	field := uint8(0)
	if len(g.people) > 1 && chance(g.r, 100) {
		field = 1
	}
	g.people = append(g.people, synthRcpt{&g.o.users[u].addr, u, field})
	if !containsInt(g.boxes, u) {
		g.boxes = append(g.boxes, u)
	}
}

// emit writes the meeting and, for a shared meeting, the copy from the
// second calendar, which may omit optional attendees or the cancellation.
func (g *meetingGen) emit(org *synthAddr, listed []synthRcpt, copies int) {
	r, o := g.r, g.o
	start := g.clock.at(r).Truncate(15 * time.Minute)
	row := meetingRow{MeetingID: g.meetingID(), StartAt: g.times.put(start)}
	if !chance(r, 20) {
		row.EndAt = g.times.put(start.Add(time.Duration(meetingMinutes[r.IntN(len(meetingMinutes))]) * time.Minute))
	}
	if !chance(r, 5) {
		row.Organizer = g.strs.put(o.variant(r, org))
	}
	var n [2]int
	for _, p := range listed {
		n[p.field]++
	}
	req, opt := g.lists.take(n[0]), g.lists.take(n[1])
	for _, p := range listed {
		s := g.strs.put(o.variant(r, p.a))
		if p.field == 0 {
			req = append(req, s)
		} else {
			opt = append(opt, s)
		}
	}
	row.Required = req
	if len(opt) > 0 {
		row.Optional = opt
	}
	switch p := r.Uint32N(1000); {
	case p < 50:
		row.Cancelled = g.bools.put(true)
	case p < 600:
		row.Cancelled = g.bools.put(false)
	}
	g.rows.now(row)
	if copies < 2 {
		return
	}
	cp := row
	if chance(r, 300) {
		cp.Optional = nil
	}
	if row.Cancelled != nil && *row.Cancelled && chance(r, 300) {
		cp.Cancelled = nil
	}
	g.rows.later(r, cp)
}

// meetingID is an Outlook-style iCalUID; one in ten thousand is null.
func (g *meetingGen) meetingID() *string {
	if g.r.Uint32N(10000) == 0 {
		return nil
	}
	if g.ids.Cap()-g.ids.Len() < 128 {
		g.ids = strings.Builder{}
		g.ids.Grow(1 << 16)
	}
	var buf [24]byte
	start := g.ids.Len()
	g.ids.WriteString("040000008200E00074C5B7101A82E008")
	g.ids.Write(strconv.AppendUint(buf[:0], g.r.Uint64(), 16))
	g.ids.WriteByte('-')
	g.ids.Write(strconv.AppendUint(buf[:0], uint64(g.rows.step), 10))
	return g.strs.put(g.ids.String()[start:])
}
