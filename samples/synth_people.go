package samples

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// synthUserID is user i's id, Salesforce-like; ids sort in table order.
func synthUserID(i int) string { return fmt.Sprintf("005%012d", i+1) }

// userRows lists the colleagues: ids in table order, roles and titles as
// drawn, some first names and titles missing, about 1% disabled.
func (o *synthOrg) userRows(r *rand.Rand) func(*userRow) bool {
	i := 0
	return func(row *userRow) bool {
		if i == len(o.users) {
			return false
		}
		u := &o.users[i]
		*row = userRow{
			UserID:   synthUserID(i),
			Email:    o.lower(&u.addr),
			FullName: o.fullName(&u.addr),
			Roles:    u.roles,
		}
		if chance(r, 50) { // typed in by hand, capitals and all
			row.Email = o.mixed(&u.addr)
		}
		if !chance(r, 100) {
			row.FirstName = ptr(synthFirstNames[u.addr.first])
		}
		if u.title != "" && !chance(r, 50) {
			row.Title = ptr(u.title)
		}
		switch {
		case u.disabled:
			row.IsDisabled = ptr(true)
		case chance(r, 700):
			row.IsDisabled = ptr(false)
		}
		i++
		return true
	}
}

// optOutRows picks about 1% of the users (at least one), with the date
// they opted out when it was recorded.
func (o *synthOrg) optOutRows(r *rand.Rand, clock synthClock) func(*optOutRow) bool {
	n := max(1, len(o.users)/100)
	picked := map[int]bool{}
	return func(row *optOutRow) bool {
		if len(picked) == n {
			return false
		}
		u := r.IntN(len(o.users))
		for picked[u] {
			u = r.IntN(len(o.users))
		}
		picked[u] = true
		*row = optOutRow{Email: o.typed(r, &o.users[u].addr)}
		if !chance(r, 100) {
			row.OptedOutAt = ptr(clock.at(r))
		}
		return true
	}
}

// leadRows draws the leads and contacts: most are addresses colleagues
// write to, about 5% people nobody has contacted, about 1% invalid, a few
// colleagues entered by mistake, 2% a second record for the previous
// record's address. Owners are mostly the account's salesperson.
func (o *synthOrg) leadRows(r *rand.Rand, n int) func(*leadRow) bool {
	i := 0
	fresh := 0
	prev, prevName := "", ""
	return func(row *leadRow) bool {
		if i == n {
			return false
		}
		i++
		*row = leadRow{RecordType: "lead", RecordID: fmt.Sprintf("00Q%012d", i)}
		if chance(r, 400) {
			*row = leadRow{RecordType: "contact", RecordID: fmt.Sprintf("003%012d", i)}
		}
		owner, company := -1, ""
		switch p := r.Uint32N(1000); {
		case p < 20 && prev != "":
			row.Email, row.FullName = prev, prevName
		case p < 70:
			fi, li := r.IntN(len(synthFirstNames)), r.IntN(len(synthLastNames))
			name, stem := companyName(o.nameCount + fresh)
			fresh++
			row.Email = strings.ToLower(foldName(synthFirstNames[fi])+"."+foldName(synthLastNames[li])) + "@" + stem + ".example"
			row.FullName, company = synthFirstNames[fi]+" "+synthLastNames[li], name
		case p < 80:
			row.Email = synthInvalid[r.IntN(len(synthInvalid))]
			row.FullName = "Unknown"
		case p < 83:
			a := &o.users[r.IntN(len(o.users))].addr
			row.Email, row.FullName = o.lower(a), o.fullName(a)
		default:
			x := o.popular(r)
			if chance(r, 500) {
				x = r.IntN(len(o.ext))
			}
			a := &o.ext[x]
			c := &o.companies[a.company]
			row.Email, row.FullName, company = o.typed(r, a), o.fullName(a), c.name
			if chance(r, 700) {
				owner = int(c.team[0])
			}
		}
		prev, prevName = row.Email, row.FullName
		if company != "" && !chance(r, 100) {
			row.Company = ptr(company)
		}
		switch {
		case chance(r, 20):
			return true // nobody owns it
		case owner < 0 && chance(r, 100):
			owner = o.active.draw(r)
		case owner < 0:
			owner = int(o.fromDept(r, r.IntN(2)))
		}
		row.OwnerUserID = ptr(synthUserID(owner))
		return true
	}
}
