package samples

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"time"
)

// This file is a second, deliberately naive reading of SPEC §3–§6 over the
// sample tables: strings everywhere, no interning, no streaming. It exists
// so the expectations in expected.go and README.md are computed from the
// contract rather than copied from the product, and it imports nothing of
// wkw's own.

var validAddress = regexp.MustCompile("^[a-z0-9!#$%&'*+/=?^_`{|}~.-]+@([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]*[a-z0-9])?$")

func normalise(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, ">") {
		if i := strings.LastIndex(s, "<"); i >= 0 {
			s = strings.TrimSpace(s[i+1 : len(s)-1])
		}
	}
	return strings.ToLower(s)
}

func valid(a string) bool { return validAddress.MatchString(a) }

type pairKey struct{ u, x string }

type pair struct {
	sent, received, meetings, calls int
	first, last                     time.Time
	raw                             float64
}

func (p *pair) add(kind string, t time.Time, w float64) {
	switch kind {
	case "email_sent":
		p.sent++
	case "email_received":
		p.received++
	case "meeting":
		p.meetings++
	case "call":
		p.calls++
	}
	if p.first.IsZero() || t.Before(p.first) {
		p.first = t
	}
	if t.After(p.last) {
		p.last = t
	}
	p.raw += w
}

func (p *pair) strength() float64 {
	r := 0.5
	if (p.sent > 0 && p.received > 0) || p.meetings > 0 || p.calls > 0 {
		r = 1
	}
	return p.raw * r
}

func score(strength float64) float64 { return 100 * (1 - math.Exp(-strength/10)) }

func band(score float64) string {
	switch {
	case score >= 60:
		return "strong"
	case score >= 25:
		return "moderate"
	}
	return "weak"
}

// model holds the §3 facts and the §5 pairs for one run with the
// defaults: lookback 365, half-life 90, max recipients and attendees 50.
type model struct {
	cutoff       time.Time
	owner        map[string]userRow // normalised email -> owning user
	contributors map[string]bool
	domains      []string
	pairs        map[pairKey]*pair
	skipped      map[string]int // reason -> count, for the README's counters
}

func newModel(t tables, cutoff time.Time) *model {
	m := &model{cutoff: cutoff, owner: map[string]userRow{}, contributors: map[string]bool{}, pairs: map[pairKey]*pair{}, skipped: map[string]int{}}
	optedOut := map[string]bool{}
	for _, o := range t.optOuts {
		optedOut[normalise(o.Email)] = true
	}
	for _, u := range t.users {
		e := normalise(u.Email)
		if !valid(e) {
			continue
		}
		_, d, _ := strings.Cut(e, "@")
		if !slices.Contains(m.domains, d) {
			m.domains = append(m.domains, d)
		}
		if prev, ok := m.owner[e]; ok && prev.UserID < u.UserID {
			continue
		}
		m.owner[e] = u
	}
	for e, u := range m.owner {
		if (u.IsDisabled == nil || !*u.IsDisabled) && !optedOut[e] {
			m.contributors[e] = true
		}
	}
	m.addEmails(t.emails)
	m.addMeetings(t.meetings)
	m.addCalls(t.calls)
	return m
}

func (m *model) internal(a string) bool {
	if _, ok := m.owner[a]; ok {
		return true
	}
	_, d, _ := strings.Cut(a, "@")
	for _, dom := range m.domains {
		if d == dom || strings.HasSuffix(d, "."+dom) {
			return true
		}
	}
	return false
}

func (m *model) external(a string) bool { return valid(a) && !m.internal(a) }

// decay returns the §3 decay, or false when t is outside the window.
func (m *model) decay(t time.Time) (float64, bool) {
	if t.Before(m.cutoff.AddDate(0, 0, -365)) || !t.Before(m.cutoff) {
		return 0, false
	}
	age := m.cutoff.Sub(t).Seconds() / 86400
	return math.Pow(0.5, age/90), true
}

func (m *model) event(u, x, kind string, t time.Time, w float64) {
	k := pairKey{u, x}
	if m.pairs[k] == nil {
		m.pairs[k] = &pair{}
	}
	m.pairs[k].add(kind, t, w)
}

// weigh adds each listed address with weight f, keeping the strongest.
func weigh(into map[string]float64, list []*string, f float64) {
	for _, a := range list {
		if a == nil {
			continue
		}
		if n := normalise(*a); valid(n) && into[n] < f {
			into[n] = f
		}
	}
}
