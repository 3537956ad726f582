package scoring

import (
	"cmp"
	"slices"
)

// Record is one leads row.
type Record struct {
	ID       string
	Type     string
	Email    string // raw
	FullName string
	Company  string
	Owner    string // owner_user_id
	HasOwner bool
}

// Status says why a record has the introducers it has.
type Status uint8

// Record outcomes of §6.
const (
	Introduced    Status = iota // at least one introducer
	NobodyKnows                 // valid external email, no candidate
	InvalidEmail                // email null or invalid
	InternalEmail               // email is internal
)

// Ranked is the outcome for one record.
type Ranked struct {
	Email         string // normalised; empty when invalid
	Status        Status
	Owner         int32 // member index of the owner, -1 when none or unknown
	OwnerScore    float64
	HasOwnerScore bool
	Introducers   []int32 // indexes into Graph.Pairs, best first
}

// Rank picks, for every record, the top Config.Top contributors with a pair
// to the record's address, excluding the record's owner, ordered by
// round(strength, 6) desc, last interaction desc, contributor email asc.
// Call Finish first.
func (g *Graph) Rank(records []Record) []Ranked {
	g.flush()
	out := make([]Ranked, len(records))
	wanted := make(map[int32][]int32)
	for i, r := range records {
		o := &out[i]
		o.Owner = -1
		if r.HasOwner {
			if m, ok := g.Dir.MemberByID(r.Owner); ok {
				o.Owner = m
			}
		}
		a := Normalize(r.Email)
		switch {
		case !Valid(a):
			o.Status = InvalidEmail
			continue
		case g.Dir.Internal(a):
			o.Email, o.Status = a, InternalEmail
			continue
		}
		o.Email, o.Status = a, NobodyKnows
		if id, ok := g.Dir.Lookup(a); ok {
			wanted[id] = nil
		}
	}
	for i := range int32(g.pairs.Len()) {
		if list, ok := wanted[g.pairs.At(i).Addr]; ok {
			wanted[g.pairs.At(i).Addr] = append(list, i)
		}
	}
	for _, list := range wanted {
		slices.SortFunc(list, g.compare)
	}
	for i := range out {
		o := &out[i]
		if o.Status != NobodyKnows {
			continue
		}
		id, ok := g.Dir.Lookup(o.Email)
		if !ok {
			continue // never interned: nobody has a pair with it
		}
		for _, p := range wanted[id] {
			if pp := g.pairs.At(p); pp.Member == o.Owner {
				o.OwnerScore, o.HasOwnerScore = pp.Score, true
				continue
			}
			if len(o.Introducers) < g.Config.Top {
				o.Introducers = append(o.Introducers, p)
			}
		}
		if len(o.Introducers) > 0 {
			o.Status = Introduced
		}
	}
	return out
}

func (g *Graph) compare(a, b int32) int {
	pa, pb := g.pairs.At(a), g.pairs.At(b)
	if c := cmp.Compare(Round6(pb.Strength), Round6(pa.Strength)); c != 0 {
		return c
	}
	if c := cmp.Compare(pb.Last, pa.Last); c != 0 {
		return c
	}
	return cmp.Compare(g.Dir.Members[pa.Member].Email, g.Dir.Members[pb.Member].Email)
}
