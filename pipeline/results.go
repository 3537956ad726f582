package pipeline

import (
	"cmp"
	"fmt"
	"iter"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/wkw/wkw/drafts"
	"github.com/wkw/wkw/scoring"
	"github.com/wkw/wkw/writers"
)

// Reasons a draft is not written for an introducer row (§7), as counted in
// the manifest under "drafts.skipped.<reason>".
const (
	draftNoOwner      = "no_owner"
	draftUnknownOwner = "owner_not_a_user"
	draftDisabled     = "owner_disabled"
	draftNoAccessRole = "owner_lacks_access_role"
	draftOwnerNoEmail = "owner_email_invalid"
	draftRenderFailed = "render_failed"
)

// results are the per-record outputs of a run.
type results struct {
	introducers []writers.ReportIntroducer
	drafts      []writers.DraftRow
	gaps        []writers.Gap
	draftSkips  map[string]int64
	records     map[string]int64
	renderErr   error // the first draft that failed to render, if any
}

// collect builds the introducer rows, drafts and gaps of every record, in
// input order and rank order.
func collect(o *Options, g *scoring.Graph, recs []scoring.Record, ranked []scoring.Ranked) (*results, error) {
	asOf := writers.DateOf(o.cutoff())
	dir, pairs := g.Dir, g.Pairs()
	res := &results{draftSkips: map[string]int64{}, records: map[string]int64{}}
	rows := 0
	for _, rk := range ranked {
		rows += len(rk.Introducers)
	}
	res.introducers = make([]writers.ReportIntroducer, 0, rows)
	jobs := make([]draftJob, 0, rows)
	for i, r := range recs {
		rk := ranked[i]
		owner := memberOf(dir, rk.Owner)
		if r.HasOwner && owner == nil {
			res.records["unknown_owner"]++
		}
		switch rk.Status {
		case scoring.InvalidEmail:
			res.records["invalid_email"]++
			res.gaps = append(res.gaps, gap(r, rk, owner, writers.GapInvalidEmail))
			continue
		case scoring.InternalEmail:
			res.records["internal_email"]++
			res.gaps = append(res.gaps, gap(r, rk, owner, writers.GapInternalEmail))
			continue
		case scoring.NobodyKnows:
			res.records["nobody_knows"]++
			res.gaps = append(res.gaps, gap(r, rk, owner, writers.GapNobodyKnows))
			continue
		}
		res.records["with_introducers"]++
		skip := draftSkip(o, dir, r, rk.Owner)
		for rank, pi := range rk.Introducers {
			p := pairs.At(pi)
			in := &dir.Members[p.Member]
			row := writers.IntroducerRow{
				AsOf:               asOf,
				RecordID:           r.ID,
				RecordType:         opt(r.Type),
				LeadFullName:       opt(r.FullName),
				LeadEmail:          rk.Email,
				LeadCompany:        opt(r.Company),
				Rank:               int32(rank + 1),
				IntroducerUserID:   in.ID,
				IntroducerFullName: opt(in.FullName),
				IntroducerEmail:    in.Email,
				IntroducerTitle:    opt(in.Title),
				Score:              p.Score,
				Band:               scoring.Band(p.Score),
				EmailsSent:         int64(p.EmailsSent),
				EmailsReceived:     int64(p.EmailsReceived),
				Meetings:           int64(p.Meetings),
				Calls:              int64(p.Calls),
				LastInteractionAt:  micros(p.Last),
			}
			if r.HasOwner {
				row.OwnerUserID = opt(r.Owner)
			}
			if owner != nil {
				row.OwnerFullName = opt(owner.FullName)
			}
			if rk.HasOwnerScore {
				s := rk.OwnerScore
				row.OwnerScore = &s
			}
			if skip != "" {
				res.draftSkips[skip]++
			} else {
				jobs = append(jobs, draftJob{row: len(res.introducers), rec: i, owner: owner, in: in, pair: p})
			}
			res.introducers = append(res.introducers, writers.ReportIntroducer{IntroducerRow: row})
		}
	}
	if err := renderDrafts(o.Template, recs, ranked, jobs, res); err != nil {
		return nil, err
	}
	return res, nil
}

// draftJob is one draft to render: for introducer row `row` of record `rec`.
type draftJob struct {
	row, rec  int
	owner, in *scoring.Member
	pair      *scoring.Pair
}

// renderDrafts renders the drafts on every core — text/template is safe
// for concurrent use, and rendering is most of the ranking stage — and puts
// them in order, each one's mailto beside its introducer row.
func renderDrafts(t *drafts.Template, recs []scoring.Record, ranked []scoring.Ranked, jobs []draftJob, res *results) error {
	res.drafts = make([]writers.DraftRow, len(jobs))
	errs := make([]error, len(jobs))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(jobs)/256))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := w; j < len(jobs); j += workers {
				job := jobs[j]
				row := res.introducers[job.row].IntroducerRow
				res.drafts[j], errs[j] = draft(t, recs[job.rec], ranked[job.rec], job.owner, job.in, job.pair, row)
			}
		}()
	}
	wg.Wait()
	// The template was checked before any data was read, so what fails here
	// fails on one record's data (a runaway name, say): that draft is skipped
	// and counted, and the run goes on.
	kept := res.drafts[:0]
	for j, err := range errs {
		if err != nil {
			res.draftSkips[draftRenderFailed]++
			if res.renderErr == nil {
				res.renderErr = err
			}
			continue
		}
		res.introducers[jobs[j].row].Mailto = res.drafts[j].Mailto
		kept = append(kept, res.drafts[j])
	}
	res.drafts = kept
	return nil
}

// draftSkip says why the owner of r may not use drafts, or "" when they may.
func draftSkip(o *Options, dir *scoring.Directory, r scoring.Record, owner int32) string {
	switch {
	case !r.HasOwner:
		return draftNoOwner
	case owner < 0:
		return draftUnknownOwner
	case dir.Members[owner].Disabled:
		return draftDisabled
	case !dir.HoldsAnyRole(owner, o.AccessRoles):
		return draftNoAccessRole
	case dir.Members[owner].Email == "":
		return draftOwnerNoEmail
	}
	return ""
}

func draft(t *drafts.Template, r scoring.Record, rk scoring.Ranked, owner, in *scoring.Member, p *scoring.Pair, row writers.IntroducerRow) (writers.DraftRow, error) {
	d := drafts.Data{
		Lead: drafts.Lead{
			FullName:   r.FullName,
			FirstName:  drafts.FirstName("", r.FullName, rk.Email),
			Email:      rk.Email,
			Company:    r.Company,
			RecordType: r.Type,
		},
		Introducer: person(in),
		Owner:      person(owner),
		Connection: drafts.Connection{
			Score:           p.Score,
			Band:            row.Band,
			LastInteraction: row.LastInteractionAt,
			EmailsSent:      int64(p.EmailsSent),
			EmailsReceived:  int64(p.EmailsReceived),
			Meetings:        int64(p.Meetings),
			Calls:           int64(p.Calls),
		},
	}
	subject, body, err := t.Render(d)
	if err != nil {
		return writers.DraftRow{}, fmt.Errorf("render the draft for record %q rank %d: %w", r.ID, row.Rank, err)
	}
	return writers.DraftRow{
		AsOf:        row.AsOf,
		RecordID:    r.ID,
		Rank:        row.Rank,
		FromAddress: owner.Email,
		ToAddress:   in.Email,
		Subject:     subject,
		Body:        body,
		Mailto:      drafts.Mailto(in.Email, subject, body),
	}, nil
}

func person(m *scoring.Member) drafts.Person {
	return drafts.Person{
		FullName:  m.FullName,
		FirstName: drafts.FirstName(m.FirstName, m.FullName, m.Email),
		Email:     m.Email,
		Title:     m.Title,
	}
}

func gap(r scoring.Record, rk scoring.Ranked, owner *scoring.Member, reason string) writers.Gap {
	g := writers.Gap{
		RecordID:   r.ID,
		RecordType: r.Type,
		FullName:   r.FullName,
		Email:      cmp.Or(rk.Email, r.Email),
		Company:    r.Company,
		Reason:     reason,
	}
	if owner != nil {
		g.OwnerFullName = owner.FullName
	}
	return g
}

func memberOf(dir *scoring.Directory, m int32) *scoring.Member {
	if m < 0 {
		return nil
	}
	return &dir.Members[m]
}

// connectionsPerPart is how many connection rows go into one part file: a
// few tens of MB, and parts that can be written on several cores at once.
var connectionsPerPart = 1 << 20

// connections yields the connection rows ordered by user email, then
// external address, cut into parts of connectionsPerPart rows (at least
// one, empty when there are no pairs). Millions of pairs are sorted, so
// members and addresses are ranked once by their text and the pairs sorted
// on the packed ranks, never comparing strings pair against pair.
func connections(asOf writers.Date, g *scoring.Graph) []iter.Seq[writers.ConnectionRow] {
	members := make([]int32, len(g.Dir.Members))
	for i := range members {
		members[i] = int32(i)
	}
	slices.SortFunc(members, func(a, b int32) int {
		return cmp.Compare(g.Dir.Members[a].Email, g.Dir.Members[b].Email)
	})
	memberRank := make([]uint64, len(members))
	for r, m := range members {
		memberRank[m] = uint64(r)
	}
	pairs := g.Pairs()
	addrRank := make([]uint64, g.Dir.NumAddrs())
	var addrs []int32
	for i := range int32(pairs.Len()) {
		if a := pairs.At(i).Addr; addrRank[a] == 0 {
			addrRank[a] = 1
			addrs = append(addrs, a)
		}
	}
	slices.SortFunc(addrs, func(a, b int32) int { return cmp.Compare(g.Dir.Addr(a), g.Dir.Addr(b)) })
	for r, a := range addrs {
		addrRank[a] = uint64(r)
	}
	type keyed struct {
		key  uint64
		pair int32
	}
	order := make([]keyed, pairs.Len())
	for i := range int32(len(order)) {
		p := pairs.At(i)
		order[i] = keyed{memberRank[p.Member]<<32 | addrRank[p.Addr], i}
	}
	slices.SortFunc(order, func(a, b keyed) int { return cmp.Compare(a.key, b.key) })
	var parts []iter.Seq[writers.ConnectionRow]
	for start := 0; start == 0 || start < len(order); start += connectionsPerPart {
		part := order[start:min(start+connectionsPerPart, len(order))]
		parts = append(parts, func(yield func(writers.ConnectionRow) bool) {
			for _, k := range part {
				p := pairs.At(k.pair)
				m := &g.Dir.Members[p.Member]
				row := writers.ConnectionRow{
					AsOf:               asOf,
					UserID:             m.ID,
					UserEmail:          m.Email,
					UserFullName:       opt(m.FullName),
					ExternalAddress:    g.Dir.Addr(p.Addr),
					EmailsSent:         int64(p.EmailsSent),
					EmailsReceived:     int64(p.EmailsReceived),
					Meetings:           int64(p.Meetings),
					Calls:              int64(p.Calls),
					FirstInteractionAt: micros(p.First),
					LastInteractionAt:  micros(p.Last),
					Strength:           p.Strength,
					Score:              p.Score,
					Band:               scoring.Band(p.Score),
				}
				if !yield(row) {
					return
				}
			}
		})
	}
	return parts
}

// opt maps an empty string to null: CRM exports write "" and null alike.
func opt(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func micros(us int64) time.Time {
	return time.UnixMicro(us).UTC()
}
