package samples

import (
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// accessRoles is the default --access-roles.
var accessRoles = []string{"salesperson", "sales manager"}

// draftable applies SPEC §7's owner check: an enabled user holding an
// access role, compared case-insensitively after trimming.
func draftable(t tables, owner *string) bool {
	if owner == nil {
		return false
	}
	for _, u := range t.users {
		if u.UserID != *owner || (u.IsDisabled != nil && *u.IsDisabled) {
			continue
		}
		for _, r := range u.Roles {
			if slices.Contains(accessRoles, strings.ToLower(strings.TrimSpace(r))) {
				return true
			}
		}
	}
	return false
}

// derive computes every record's Expectation from the files on disk.
func derive(t *testing.T) (map[string]Expectation, map[string][]ranked, *model) {
	t.Helper()
	tb := readAll(t, ".")
	m := newModel(tb, cutoff)
	got := map[string]Expectation{}
	all := map[string][]ranked{}
	for _, l := range tb.leads {
		e := Expectation{RecordID: l.RecordID}
		cands, own, ok := m.introducers(l)
		all[l.RecordID] = cands
		switch {
		case !ok && m.internal(normalise(l.Email)):
			e.Reason = "internal email"
		case !ok:
			e.Reason = "invalid email"
		case len(cands) == 0:
			e.Reason = "no candidates"
		}
		if own != nil {
			e.OwnerScore = ptr(int(math.Round(score(*own))))
		}
		for _, c := range cands[:min(len(cands), 5)] {
			s := score(c.strength)
			e.Introducers = append(e.Introducers, in(c.user.UserID, c.email, int(math.Round(s)), band(s)))
		}
		if draftable(tb, l.OwnerUserID) {
			e.Drafts = len(e.Introducers)
		}
		got[l.RecordID] = e
	}
	return got, all, m
}

func TestExpectedFollowsFromContract(t *testing.T) {
	got, _, _ := derive(t)
	want := Expected()
	if len(want) != len(got) {
		t.Fatalf("Expected() has %d records, the leads table %d", len(want), len(got))
	}
	for _, w := range want {
		if g := got[w.RecordID]; !reflect.DeepEqual(g, w) {
			t.Errorf("%s:\n got  %s\n want %s", w.RecordID, describe(g), describe(w))
		}
	}
}

func describe(e Expectation) string {
	var b strings.Builder
	b.WriteString("reason=" + e.Reason)
	if e.OwnerScore != nil {
		b.WriteString(" owner_score=" + strconv.Itoa(*e.OwnerScore))
	}
	b.WriteString(" drafts=" + strconv.Itoa(e.Drafts))
	for _, i := range e.Introducers {
		b.WriteString(" | " + i.UserID + " " + i.Email + " " + strconv.Itoa(i.Score) + " " + i.Band)
	}
	return b.String()
}

// TestStoryIsClearCut guards what makes the story checkable by hand and
// robust to harmless differences in floating-point order: neighbouring
// ranks (and the top-5 cut) differ by at least 10% in strength, no score
// sits within 0.03 of a rounding half or 0.5 of a band edge, and the only
// tie is the deliberate one on L15, which the address decides.
func TestStoryIsClearCut(t *testing.T) {
	_, all, _ := derive(t)
	for id, cands := range all {
		for i, c := range cands {
			s := score(c.strength)
			if frac := s - math.Floor(s); math.Abs(frac-0.5) < 0.03 {
				t.Errorf("%s rank %d (%s): score %.3f is too close to a rounding half", id, i+1, c.email, s)
			}
			if math.Abs(s-25) < 0.5 || math.Abs(s-60) < 0.5 {
				t.Errorf("%s rank %d (%s): score %.3f is too close to a band edge", id, i+1, c.email, s)
			}
			if i == 0 || i > 5 {
				continue
			}
			prev := cands[i-1]
			if id == "L15" && i == 2 {
				if prev.strength != c.strength || !prev.pair.last.Equal(c.pair.last) || prev.email != ava || c.email != tom {
					t.Errorf("L15: the deliberate tie is broken: %s %.9f %v, %s %.9f %v",
						prev.email, prev.strength, prev.pair.last, c.email, c.strength, c.pair.last)
				}
				continue
			}
			if prev.strength < 1.1*c.strength {
				t.Errorf("%s ranks %d and %d (%s %.4f, %s %.4f) are less than 10%% apart",
					id, i, i+1, prev.email, prev.strength, c.email, c.strength)
			}
		}
	}
	if n := len(all["L01"]); n != 8 {
		t.Errorf("L01 has %d candidates, want 8 so that the top-5 cut shows", n)
	}
}

func TestCutoffIsAsOf(t *testing.T) {
	if got := cutoff.Format("2006-01-02"); got != AsOf || !cutoff.Equal(cutoff.Truncate(24*time.Hour)) {
		t.Errorf("cutoff %v does not start the day AsOf %s", cutoff, AsOf)
	}
}
