package samples

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
)

// callGen produces the calls table: one row per call, no copies.
type callGen struct {
	o     *synthOrg
	r     *rand.Rand
	clock synthClock
	left  int
	strs  slab[string]
	ids   strings.Builder
}

func newCallGen(o *synthOrg, p SynthParams) *callGen {
	return &callGen{o: o, r: newSynthRand(p.Seed, 9), clock: newSynthClock(p.AsOf), left: p.Calls}
}

// next draws a call: mostly a colleague dialling a customer, often the
// other way round, now and then between colleagues. About 15% did not
// connect (duration 0); the rest last from seconds to two hours.
func (g *callGen) next(row *callRow) bool {
	if g.left == 0 {
		return false
	}
	g.left--
	r, o := g.r, g.o
	u := o.selling.draw(r)
	us := o.variant(r, &o.users[u].addr)
	var them string
	if chance(r, 50) {
		them = o.variant(r, &o.users[o.colleagueOf(r, u)].addr)
	} else {
		them = o.variant(r, &o.ext[o.contactOf(r, u)])
	}
	*row = callRow{CallID: g.callID(), StartedAt: g.clock.at(r), From: us, To: them}
	if chance(r, 370) {
		row.From, row.To = them, us
	}
	if !chance(r, 150) {
		d := math.Exp(4.5 + 1.1*r.NormFloat64())
		row.Duration = int64(min(max(d, 3), 7200))
	}
	return true
}

// callID is a telephony system's id; 3% of calls carry none.
func (g *callGen) callID() *string {
	if chance(g.r, 30) {
		return nil
	}
	if g.ids.Cap()-g.ids.Len() < 64 {
		g.ids = strings.Builder{}
		g.ids.Grow(1 << 16)
	}
	var buf [24]byte
	start := g.ids.Len()
	g.ids.WriteString("call-")
	g.ids.Write(strconv.AppendUint(buf[:0], g.r.Uint64(), 36))
	return g.strs.put(g.ids.String()[start:])
}
