package writers

import (
	"cmp"
	"slices"
)

// topColleagueCount is how many colleagues the Summary ranks.
const topColleagueCount = 10

// noIntroducer labels the records without an introducer in the band chart.
const noIntroducer = "no introducer"

// summaryFacts are the numbers the Summary shows, derived from a Report.
type summaryFacts struct {
	records         int64
	withIntroducers int64   // distinct records with at least one introducer row
	withoutByReason []Count // gaps by reason, known reasons first
	without         int64
	bestBands       []Count // records by the band of their rank-1 row, then noIntroducer
	top             []topColleague
}

// topColleague is one colleague of the "who can introduce the most" table.
type topColleague struct {
	userID  string
	name    string
	title   string
	records int64 // records they appear for, at any rank
	strong  int64 // of those, the ones where their tie is strong
}

// coverage is the share of records that have an introducer, and false when
// there are no records to share out.
func (s *summaryFacts) coverage() (float64, bool) {
	if s.records <= 0 {
		return 0, false
	}
	return float64(s.withIntroducers) / float64(s.records), true
}

func summarise(r *Report) summaryFacts {
	s := summaryFacts{records: r.Records, without: int64(len(r.Gaps))}

	type best struct {
		rank int32
		band string
	}
	bestOf := make(map[string]best)
	byUser := make(map[string]*topColleague)
	for i := range r.Introducers {
		ri := &r.Introducers[i]
		if b, ok := bestOf[ri.RecordID]; !ok || ri.Rank < b.rank {
			bestOf[ri.RecordID] = best{ri.Rank, ri.Band}
		}
		c := byUser[ri.IntroducerUserID]
		if c == nil {
			c = &topColleague{userID: ri.IntroducerUserID, name: colleagueName(ri), title: deref(ri.IntroducerTitle)}
			byUser[ri.IntroducerUserID] = c
		}
		// A colleague holds at most one rank per record, so rows count records.
		c.records++
		if ri.Band == "strong" {
			c.strong++
		}
	}
	s.withIntroducers = int64(len(bestOf))

	bands := map[string]int64{}
	for _, b := range bestOf {
		bands[b.band]++
	}
	s.bestBands = orderedCounts(bands, []string{"strong", "moderate", "weak"})
	s.bestBands = append(s.bestBands, Count{Name: noIntroducer, Value: s.without})

	reasons := map[string]int64{}
	for i := range r.Gaps {
		reasons[r.Gaps[i].Reason]++
	}
	s.withoutByReason = orderedCounts(reasons, []string{GapNobodyKnows, GapInvalidEmail, GapInternalEmail})

	for _, c := range byUser {
		s.top = append(s.top, *c)
	}
	slices.SortFunc(s.top, func(a, b topColleague) int {
		return cmp.Or(
			cmp.Compare(b.records, a.records),
			cmp.Compare(b.strong, a.strong),
			cmp.Compare(a.name, b.name),
			cmp.Compare(a.userID, b.userID),
		)
	})
	s.top = s.top[:min(len(s.top), topColleagueCount)]
	return s
}

// orderedCounts lists every name of known, zeros included, then any other
// name of counts in byte order, so a new reason still shows.
func orderedCounts(counts map[string]int64, known []string) []Count {
	out := make([]Count, 0, len(known)+len(counts))
	for _, name := range known {
		out = append(out, Count{Name: name, Value: counts[name]})
	}
	var other []string
	for name := range counts {
		if !slices.Contains(known, name) {
			other = append(other, name)
		}
	}
	slices.Sort(other)
	for _, name := range other {
		out = append(out, Count{Name: name, Value: counts[name]})
	}
	return out
}

// leadNames maps each record id to the lead's name as the Introducers sheet
// shows it, so a draft can name its lead.
func leadNames(rows []ReportIntroducer) map[string]string {
	m := make(map[string]string)
	for i := range rows {
		if _, ok := m[rows[i].RecordID]; !ok {
			m[rows[i].RecordID] = leadName(&rows[i])
		}
	}
	return m
}
