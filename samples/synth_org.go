package samples

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// synthOrg is the synthetic company everything is drawn from: colleagues
// with heavy-tailed activity, customer companies with account teams, and
// one arena holding every address's text.
type synthOrg struct {
	arena     string
	users     []synthUser
	shared    []synthAddr // internal addresses that belong to no user
	ext       []synthAddr
	companies []synthCompany
	nameCount int // company names used; leads beyond them are unknown firms
	// compStart/compList list, per user, the companies whose account team
	// the user is on: user u's are compList[compStart[u]:compStart[u+1]].
	compStart, compList []int32
	depts               [][]int32 // per primary role (last: no role), most active first
	active, selling     weighted  // user draws for all mail, and for mail with customers
}

type synthUser struct {
	addr     synthAddr
	role     int // primary role index into synthRoles, -1 for none
	roles    []string
	disabled bool
	title    string
}

// Roles' shares of the user base and how much more than average each
// writes to customers.
var (
	synthRoleShare   = []float64{30, 5, 15, 32, 10, 3}
	synthRoleSelling = []float64{3, 2, 2, 0.4, 1, 1, 0.5} // last: no role
)

func newSynthOrg(p SynthParams) *synthOrg {
	o := &synthOrg{}
	ab := &arenaBuilder{seen: map[string]struct{}{}}
	pool := max(50_000, p.Emails/20)
	ab.b.Grow((p.Users + pool) * 96)
	o.buildUsers(newSynthRand(p.Seed, 1), ab, p.Users)
	o.buildExternal(newSynthRand(p.Seed, 2), ab, pool)
	o.buildTeams(newSynthRand(p.Seed, 3))
	o.arena = ab.b.String()
	return o
}

func (o *synthOrg) buildUsers(r *rand.Rand, ab *arenaBuilder, n int) {
	share := newWeighted(synthRoleShare)
	names := map[[2]int]bool{}
	o.users = make([]synthUser, n)
	for i := range o.users {
		u := &o.users[i]
		switch {
		case i < 2: // every organisation has someone to own leads
			u.role = i
		case chance(r, 20):
			u.role = -1
		default:
			u.role = share.draw(r)
		}
		if u.role >= 0 {
			u.roles = []string{synthRoles[u.role]}
			if chance(r, 80) {
				if extra := r.IntN(len(synthRoles)); extra != u.role {
					u.roles = append(u.roles, synthRoles[extra])
				}
			}
			t := synthTitles[u.role]
			u.title = t[r.IntN(len(t))]
		}
		u.disabled = chance(r, 10)
		var fi, li int
		for tries := 0; ; tries++ {
			fi, li = r.IntN(len(synthFirstNames)), r.IntN(len(synthLastNames))
			if !names[[2]int{fi, li}] || tries > 20 {
				break
			}
		}
		names[[2]int{fi, li}] = true
		domain := synthInternalDomain
		if chance(r, 40) {
			domain = synthInternalSubdomains[r.IntN(len(synthInternalSubdomains))]
		}
		mixed := foldName(synthFirstNames[fi]) + "." + foldName(synthLastNames[li])
		u.addr = synthAddr{first: int16(fi), last: int16(li), company: -1}
		for k := 1; !ab.add(&u.addr, strings.ToLower(mixed)+"@"+domain, synthFirstNames[fi]+" "+synthLastNames[li], mixed+"@"+domain); k++ {
			if k > 1 {
				mixed = strings.TrimRight(mixed, "0123456789")
			}
			mixed += strconv.Itoa(k + 1)
		}
	}
	for _, s := range synthInternalShared {
		a := synthAddr{first: -1, company: -1}
		ab.add(&a, s, "Corp Mail", s)
		o.shared = append(o.shared, a)
	}
	o.rankActivity(r)
}

// rankActivity gives users Zipf-like activity in a random order, so that a
// few colleagues write most of the mail whatever their place in the table.
func (o *synthOrg) rankActivity(r *rand.Rand) {
	rank := r.Perm(len(o.users))
	act, sell := make([]float64, len(o.users)), make([]float64, len(o.users))
	o.depts = make([][]int32, len(synthRoles)+1)
	for i, u := range o.users {
		act[i] = 1 / float64(rank[i]+1)
		if u.disabled {
			act[i] *= 0.3
		}
		d := o.dept(i)
		sell[i] = act[i] * synthRoleSelling[d]
		o.depts[d] = append(o.depts[d], int32(i))
	}
	for _, d := range o.depts {
		slices.SortFunc(d, func(a, b int32) int { return rank[a] - rank[b] })
	}
	o.active, o.selling = newWeighted(act), newWeighted(sell)
}

func (o *synthOrg) dept(u int) int {
	if o.users[u].role < 0 {
		return len(synthRoles)
	}
	return o.users[u].role
}

// buildTeams gives every company an owning salesperson and, often, a
// customer-success manager, an engineer, a manager or an executive.
func (o *synthOrg) buildTeams(r *rand.Rand) {
	extra := []struct {
		role     int
		perMille uint32
	}{{2, 500}, {3, 250}, {1, 200}, {5, 100}}
	counts := make([]int32, len(o.users)+1)
	for ci := range o.companies {
		c := &o.companies[ci]
		c.team[0] = o.fromDept(r, 0)
		k := 1
		for _, e := range extra {
			if k < len(c.team) && chance(r, e.perMille) {
				if m := o.fromDept(r, e.role); !slices.Contains(c.team[:k], m) {
					c.team[k] = m
					k++
				}
			}
		}
		for _, m := range c.team[:k] {
			counts[m+1]++
		}
	}
	o.compStart = make([]int32, len(o.users)+1)
	for u := range o.users {
		o.compStart[u+1] = o.compStart[u] + counts[u+1]
	}
	o.compList = make([]int32, o.compStart[len(o.users)])
	fill := slices.Clone(o.compStart[:len(o.users)])
	for ci, c := range o.companies {
		for _, m := range c.team {
			if m >= 0 {
				o.compList[fill[m]] = int32(ci)
				fill[m]++
			}
		}
	}
}

// fromDept draws an active-leaning member of a role, or anyone when
// nobody holds it.
func (o *synthOrg) fromDept(r *rand.Rand, role int) int32 {
	if d := o.depts[role]; len(d) > 0 {
		return d[skew2(r, len(d))]
	}
	return int32(o.selling.draw(r))
}

// contactOf draws an external address user u writes to: mostly someone at
// one of u's accounts (main accounts and main contacts favoured), else
// anyone in the pool by global popularity.
func (o *synthOrg) contactOf(r *rand.Rand, u int) int {
	comps := o.compList[o.compStart[u]:o.compStart[u+1]]
	if len(comps) == 0 || chance(r, 150) {
		return o.popular(r)
	}
	c := &o.companies[comps[skew3(r, len(comps))]]
	return int(c.first) + skew2(r, int(c.n))
}

// popular draws from the whole pool with a heavy tail; the multiplication
// by a prime scatters the popular ranks over companies.
func (o *synthOrg) popular(r *rand.Rand) int {
	return int(uint64(skew4(r, len(o.ext))) * 2147483647 % uint64(len(o.ext)))
}

// sameCompany draws a colleague of external address x at x's company.
func (o *synthOrg) sameCompany(r *rand.Rand, x int) int {
	c := &o.companies[o.ext[x].company]
	return int(c.first) + skew2(r, int(c.n))
}

// colleagueOf draws someone user u works with: mostly the same role.
func (o *synthOrg) colleagueOf(r *rand.Rand, u int) int {
	if chance(r, 700) {
		d := o.depts[o.dept(u)]
		return int(d[skew3(r, len(d))])
	}
	return o.active.draw(r)
}

func (o *synthOrg) lower(a *synthAddr) string {
	return o.arena[a.lowerOff : a.lowerOff+int(a.lowerLen)]
}

// variant renders an address as an export might carry it: mostly the plain
// lower-case form, else "Name <Mixed@Case>", bare mixed case, padded with
// white space, or (0.2%) something invalid.
func (o *synthOrg) variant(r *rand.Rand, a *synthAddr) string {
	p := r.Uint32N(1000)
	if p >= 216 {
		return o.lower(a)
	}
	if p < 2 {
		return synthInvalid[r.IntN(len(synthInvalid))]
	}
	entry := o.entry(a)
	switch {
	case p < 12:
		return entry
	case p < 72:
		return o.mixed(a)
	}
	return entry[1 : len(entry)-1]
}

// entry is " Name <Mixed@Case> ", the text every other variant is cut from.
func (o *synthOrg) entry(a *synthAddr) string {
	return o.arena[a.entryOff : a.entryOff+int(a.entryLen)]
}

func (o *synthOrg) mixed(a *synthAddr) string {
	return o.entry(a)[a.nameLn+3 : a.entryLen-2]
}

// typed renders an address as someone keyed it into a form: lower case,
// now and then with capitals or a display name, never invalid.
func (o *synthOrg) typed(r *rand.Rand, a *synthAddr) string {
	switch p := r.Uint32N(100); {
	case p < 90:
		return o.lower(a)
	case p < 99:
		return o.mixed(a)
	}
	e := o.entry(a)
	return e[1 : len(e)-1]
}

// fullName is the person's name, or the company's for a role mailbox.
func (o *synthOrg) fullName(a *synthAddr) string {
	if a.first < 0 {
		return o.entry(a)[1 : 1+a.nameLn]
	}
	return synthFirstNames[a.first] + " " + synthLastNames[a.last]
}
