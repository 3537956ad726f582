package samples

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
)

// synthAddr is one mailbox, its text kept in the organisation's arena so
// the pool holds no pointers for the collector to scan and every variant
// of the address is a substring: no row allocates an address.
type synthAddr struct {
	lowerOff, entryOff         int
	lowerLen, entryLen, nameLn uint16
	first, last                int16 // name word indices; first < 0: a role mailbox
	company                    int32 // index into synthOrg.companies; -1 for colleagues
}

// synthCompany is a customer or prospect: a contiguous run of the external
// pool, and the colleagues who work the account (team[0] owns it).
type synthCompany struct {
	name     string // "" for a free-mail singleton
	first, n int32
	team     [4]int32 // user indices, -1 when unused
}

// arenaBuilder collects address texts; the strings it returns stay valid
// after later appends, so they can key the duplicate check while building.
type arenaBuilder struct {
	b    strings.Builder
	seen map[string]struct{}
}

// add stores the normalised form and the entry " NAME <Mixed> " and fills
// a's offsets. It reports false, storing nothing, when lower is taken.
func (ab *arenaBuilder) add(a *synthAddr, lower, name, mixed string) bool {
	if _, dup := ab.seen[lower]; dup {
		return false
	}
	a.lowerOff = ab.b.Len()
	ab.b.WriteString(lower)
	a.lowerLen = uint16(len(lower))
	ab.seen[ab.b.String()[a.lowerOff:]] = struct{}{}
	a.entryOff = ab.b.Len()
	ab.b.WriteByte(' ')
	ab.b.WriteString(name)
	ab.b.WriteString(" <")
	ab.b.WriteString(mixed)
	ab.b.WriteString("> ")
	a.entryLen = uint16(ab.b.Len() - a.entryOff)
	a.nameLn = uint16(len(name))
	return true
}

// foldName turns a name into address letters: accents dropped, spaces
// removed, apostrophes and hyphens kept (both are valid in a local part).
func foldName(name string) string {
	var b strings.Builder
	for _, c := range name {
		switch {
		case c == ' ':
		case c < 128:
			b.WriteRune(c)
		default:
			b.WriteString(foldRune(c))
		}
	}
	return b.String()
}

func foldRune(c rune) string {
	switch c {
	case 'á', 'à', 'â', 'ä', 'å':
		return "a"
	case 'é', 'è', 'ê', 'ë':
		return "e"
	case 'í', 'ï':
		return "i"
	case 'ó', 'ò', 'ô', 'ö', 'ø':
		return "o"
	case 'ú', 'ü':
		return "u"
	case 'ñ':
		return "n"
	case 'ç':
		return "c"
	case 'Ø':
		return "O"
	case 'Ç':
		return "C"
	}
	return "x"
}

// localPart builds a company's address convention from folded name words.
func localPart(style int, first, last string) string {
	switch style {
	case 1:
		return first[:1] + last
	case 2:
		return first + "_" + last
	case 3:
		return first + last[:1]
	case 4:
		return first
	}
	return first + "." + last
}

func companyName(i int) (name, domainStem string) {
	np, ns, nk := len(synthCompanyPrefixes), len(synthCompanySuffixes), len(synthCompanyKinds)
	combos := np * ns * nk
	// A stride coprime with combos scatters consecutive companies over
	// the name space, so the biggest accounts don't all start "North".
	c := (i * 4099) % combos
	p, s, k := synthCompanyPrefixes[c%np], synthCompanySuffixes[(c/np)%ns], synthCompanyKinds[c/(np*ns)]
	name = p + s
	stem := strings.ToLower(name + k)
	if k != "" {
		name += " " + k
	}
	if round := i / combos; round > 0 {
		stem += strconv.Itoa(round + 1)
	}
	return name, stem
}

// buildExternal fills the external pool with size addresses: companies of
// heavy-tailed size (a few accounts with thousands of contacts, most with
// a handful), some role mailboxes, and free-mail singletons.
func (o *synthOrg) buildExternal(r *rand.Rand, ab *arenaBuilder, size int) {
	o.ext = make([]synthAddr, 0, size)
	for ci := 0; len(o.ext) < size; ci++ {
		c := synthCompany{first: int32(len(o.ext)), team: [4]int32{-1, -1, -1, -1}}
		if chance(r, 500) {
			o.addFreeMail(r, ab, int32(len(o.companies)))
		} else {
			var stem string
			c.name, stem = companyName(ci)
			domain := stem + "." + synthTLDs[r.IntN(len(synthTLDs))]
			want := min(paretoSize(r), size-len(o.ext), 1+size/20)
			o.addCompany(r, ab, int32(len(o.companies)), c.name, domain, want)
		}
		c.n = int32(len(o.ext)) - c.first
		if c.n > 0 {
			o.companies = append(o.companies, c)
		}
		o.nameCount = ci + 1
	}
}

// paretoSize draws a company's contact count: Pareto with alpha 1.2 and
// minimum 3, so the mean is about 18 and the largest run to thousands.
func paretoSize(r *rand.Rand) int {
	u := 1 - r.Float64()
	x := 3 / math.Pow(u, 1/1.2)
	if x > 1e6 {
		return 1e6
	}
	return int(x)
}

func (o *synthOrg) addCompany(r *rand.Rand, ab *arenaBuilder, ci int32, name, domain string, want int) {
	style := r.IntN(6)
	mixedDomain := domain
	if chance(r, 250) {
		mixedDomain = strings.ToUpper(domain[:1]) + domain[1:]
	}
	start := len(o.ext)
	if want >= 8 && chance(r, 400) {
		bi := r.IntN(len(synthRoleBoxes))
		box := synthRoleBoxes[bi]
		a := synthAddr{first: -1, last: int16(bi), company: ci}
		if ab.add(&a, box+"@"+domain, name, box+"@"+mixedDomain) {
			o.ext = append(o.ext, a)
		}
	}
	for tries := 0; len(o.ext)-start < want && tries < 4*want; tries++ {
		fi, li := r.IntN(len(synthFirstNames)), r.IntN(len(synthLastNames))
		f, l := foldName(synthFirstNames[fi]), foldName(synthLastNames[li])
		mixed := localPart(style, f, l)
		lower := strings.ToLower(mixed)
		if tries >= want { // the common combinations are taken: number them
			n := strconv.Itoa(tries - want + 2)
			lower, mixed = lower+n, mixed+n
		}
		a := synthAddr{first: int16(fi), last: int16(li), company: ci}
		if ab.add(&a, lower+"@"+domain, displayName(r, fi, li), mixed+"@"+mixedDomain) {
			o.ext = append(o.ext, a)
		}
	}
}

func (o *synthOrg) addFreeMail(r *rand.Rand, ab *arenaBuilder, ci int32) {
	domain := synthFreeMail[r.IntN(len(synthFreeMail))]
	for range 8 {
		fi, li := r.IntN(len(synthFirstNames)), r.IntN(len(synthLastNames))
		mixed := foldName(synthFirstNames[fi]) + "." + foldName(synthLastNames[li]) + strconv.Itoa(r.IntN(100))
		a := synthAddr{first: int16(fi), last: int16(li), company: ci}
		if ab.add(&a, strings.ToLower(mixed)+"@"+domain, displayName(r, fi, li), mixed+"@"+domain) {
			o.ext = append(o.ext, a)
			return
		}
	}
}

// displayName is how a mail client shows the person: mostly "First Last",
// sometimes the quoted "Last, First" that address parsers trip over.
func displayName(r *rand.Rand, fi, li int) string {
	if chance(r, 150) {
		return `"` + synthLastNames[li] + ", " + synthFirstNames[fi] + `"`
	}
	return synthFirstNames[fi] + " " + synthLastNames[li]
}
