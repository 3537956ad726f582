package scoring

import (
	"fmt"
	"slices"
	"strings"
)

// User is one users row as exported.
type User struct {
	ID        string
	Email     string // raw; normalised by NewDirectory
	FullName  string
	FirstName string
	Title     string
	Roles     []string
	Disabled  bool
}

// Reasons a user is not a contributor, in the order they are tested; a user
// is counted under the first that applies.
const (
	ExcludedInvalidEmail   = "invalid_email"
	ExcludedDuplicateEmail = "duplicate_email" // another user_id, byte-wise smaller, has the same email
	ExcludedDisabled       = "disabled"
	ExcludedOptedOut       = "opted_out"
	ExcludedRoleFilter     = "not_in_contributor_roles"
)

// Member is a user as the model sees it.
type Member struct {
	User
	Email       string // normalised; empty when the exported address is invalid
	OptedOut    bool
	Excluded    string // why the user does not contribute; empty for contributors
	Contributor bool
}

// ErrDuplicateUserID is returned by NewDirectory for a user_id seen twice.
type ErrDuplicateUserID struct{ ID string }

func (e ErrDuplicateUserID) Error() string {
	return fmt.Sprintf("duplicate users.user_id %q", e.ID)
}

// Directory knows the organisation: its members, which addresses are
// internal, and which belong to contributors. It also interns addresses into
// dense ids so aggregation works on integers.
type Directory struct {
	Members []Member
	byID    map[string]int32
	owner   map[string]int32 // normalised email → member owning it
	domains map[string]struct{}

	ids     *addrIndex
	lower   []byte // scratch for lower-casing without allocating
	touched int32  // keeps InternKeys' early slot loads from being optimised away
	addrs   addrStore
	members []int32 // per address id: contributing member, or -1
	inside  []bool  // per address id: internal
}

// NewDirectory builds the directory. optOuts are raw addresses.
// contributorRoles nil means no role filter; internalDomains nil means the
// domains of all valid user emails.
func NewDirectory(users []User, optOuts []string, contributorRoles, internalDomains []string) (*Directory, error) {
	d := &Directory{
		Members: make([]Member, len(users)),
		byID:    make(map[string]int32, len(users)),
		owner:   make(map[string]int32, len(users)),
		domains: make(map[string]struct{}),
		ids:     newAddrIndex(),
	}
	opted := make(map[string]struct{}, len(optOuts))
	for _, raw := range optOuts {
		if a := Normalize(raw); Valid(a) {
			opted[a] = struct{}{}
		}
	}
	roles := roleSet(contributorRoles)
	for i, u := range users {
		if _, dup := d.byID[u.ID]; dup {
			return nil, ErrDuplicateUserID{u.ID}
		}
		d.byID[u.ID] = int32(i)
		m := Member{User: u}
		if a := Normalize(u.Email); Valid(a) {
			m.Email = a
			_, m.OptedOut = opted[a]
			if j, taken := d.owner[a]; !taken || u.ID < users[j].ID {
				d.owner[a] = int32(i)
			}
			if internalDomains == nil {
				d.domains[Domain(a)] = struct{}{}
			}
		}
		d.Members[i] = m
	}
	for _, dom := range internalDomains {
		d.domains[dom] = struct{}{}
	}
	for i := range d.Members {
		m := &d.Members[i]
		switch {
		case m.Email == "":
			m.Excluded = ExcludedInvalidEmail
		case d.owner[m.Email] != int32(i):
			m.Excluded = ExcludedDuplicateEmail
		case m.Disabled:
			m.Excluded = ExcludedDisabled
		case m.OptedOut:
			m.Excluded = ExcludedOptedOut
		case roles != nil && !holdsAny(m.Roles, roles):
			m.Excluded = ExcludedRoleFilter
		default:
			m.Contributor = true
		}
	}
	return d, nil
}

// ParseDomains reads the --internal-domains list: comma-separated, each
// trimmed and lower-cased, a leading '@' or '.' removed, empty items dropped.
func ParseDomains(s string) []string {
	out := []string{}
	for _, item := range strings.Split(s, ",") {
		item = strings.ToLower(strings.TrimSpace(item))
		item = strings.TrimPrefix(item, "@")
		item = strings.TrimPrefix(item, ".")
		if item != "" {
			out = append(out, item)
		}
	}
	return out
}

// NormalizeRole is the form roles are compared in: trimmed, lower-cased.
func NormalizeRole(r string) string {
	return strings.ToLower(strings.TrimSpace(r))
}

func roleSet(roles []string) map[string]struct{} {
	if roles == nil {
		return nil
	}
	set := make(map[string]struct{}, len(roles))
	for _, r := range roles {
		set[NormalizeRole(r)] = struct{}{}
	}
	return set
}

func holdsAny(have []string, want map[string]struct{}) bool {
	return slices.ContainsFunc(have, func(r string) bool {
		_, ok := want[NormalizeRole(r)]
		return ok
	})
}

// HoldsAnyRole reports whether member m holds one of roles (compared as
// NormalizeRole does).
func (d *Directory) HoldsAnyRole(m int32, roles []string) bool {
	return holdsAny(d.Members[m].Roles, roleSet(roles))
}

// MemberByID returns the index of the member with user_id id.
func (d *Directory) MemberByID(id string) (int32, bool) {
	i, ok := d.byID[id]
	return i, ok
}

// Internal reports whether a valid normalised address is internal: some
// user's email, or on an internal domain or a subdomain of one.
func (d *Directory) Internal(a string) bool {
	if _, ok := d.owner[a]; ok {
		return true
	}
	for dom := Domain(a); ; {
		if _, ok := d.domains[dom]; ok {
			return true
		}
		dot := strings.IndexByte(dom, '.')
		if dot < 0 {
			return false
		}
		dom = dom[dot+1:]
	}
}

// Intern normalises raw and returns its address id; ok is false when the
// address is invalid (the caller counts it). raw may point into a buffer that
// is reused later: the directory keeps its own copy.
func (d *Directory) Intern(raw string) (id int32, ok bool) {
	a := d.normalize(raw)
	h := d.ids.hash(a)
	id, slot := d.ids.find(a, h, &d.addrs)
	if id >= 0 {
		return id, true
	}
	if !Valid(string(a)) {
		return -1, false
	}
	return d.add(a, h, slot), true
}

// normalize is Normalize into d's scratch buffer: the result is valid until
// the next call. Only ASCII is lower-cased here; text with other bytes goes
// through Normalize, whose Unicode lower-casing the contract asks for.
func (d *Directory) normalize(raw string) []byte {
	d.lower = appendNormal(d.lower[:0], raw)
	return d.lower
}

// appendNormal appends Normalize(raw) to buf.
func appendNormal(buf []byte, raw string) []byte {
	s := strings.TrimSpace(raw)
	if n := len(s); n > 0 && s[n-1] == '>' {
		if lt := strings.LastIndexByte(s, '<'); lt >= 0 {
			s = strings.TrimSpace(s[lt+1 : n-1])
		}
	}
	start := len(buf)
	buf = slices.Grow(buf, len(s))[:start+len(s)]
	out := buf[start:]
	for i := range len(s) {
		c := s[i]
		if c >= 0x80 {
			return append(buf[:start], Normalize(raw)...)
		}
		out[i] = asciiLower[c]
	}
	return buf
}

// asciiLower maps an ASCII byte to its lower case.
var asciiLower = func() (t [128]byte) {
	for c := range t {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] += 'a' - 'A'
		}
	}
	return t
}()

// add interns a valid normalised address that is not yet known.
// h and slot are what find returned for it.
func (d *Directory) add(key []byte, h, slot uint64) int32 {
	id := d.addrs.add(key)
	a := d.addrs.get(id)
	d.ids.insert(key, h, slot, id, &d.addrs)
	member := int32(-1)
	if m, ok := d.owner[a]; ok && d.Members[m].Contributor {
		member = m
	}
	d.members = append(d.members, member)
	d.inside = append(d.inside, d.Internal(a))
	return id
}

// Lookup returns the id of an already interned normalised address.
func (d *Directory) Lookup(a string) (int32, bool) {
	b := []byte(a)
	id, _ := d.ids.find(b, d.ids.hash(b), &d.addrs)
	return id, id >= 0
}

// Addr returns the normalised address with id.
func (d *Directory) Addr(id int32) string { return d.addrs.get(id) }

// NumAddrs is the number of interned addresses.
func (d *Directory) NumAddrs() int { return d.addrs.len() }

// Contributor returns the contributing member behind address id, or -1.
func (d *Directory) Contributor(id int32) int32 { return d.members[id] }

// External reports whether address id is external.
func (d *Directory) External(id int32) bool { return !d.inside[id] }

// Excluded counts members who do not contribute, by reason, in the order the
// reasons are tested.
func (d *Directory) Excluded() []Count {
	reasons := []string{ExcludedInvalidEmail, ExcludedDuplicateEmail, ExcludedDisabled, ExcludedOptedOut, ExcludedRoleFilter}
	n := make(map[string]int64)
	for _, m := range d.Members {
		n[m.Excluded]++
	}
	out := make([]Count, len(reasons))
	for i, r := range reasons {
		out[i] = Count{r, n[r]}
	}
	return out
}

// Domains lists the internal domains in effect, sorted.
func (d *Directory) Domains() []string {
	out := make([]string, 0, len(d.domains))
	for dom := range d.domains {
		out = append(out, dom)
	}
	slices.Sort(out)
	return out
}
