package writers

import (
	"fmt"
	"net/url"
	"path/filepath"
	"testing"
	"time"
)

func strp(s string) *string { return &s }

// sampleLead is one record of the sample report and its introducers.
type sampleLead struct {
	id, name, company, kind, owner string
	intros                         []sampleIntro
}

type sampleIntro struct {
	user, name, title, band string
	score                   float64
	sent, received          int64
	meetings, calls         int64
	last                    time.Time
	noDraft                 bool
}

var (
	sampleAsOf = time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)
	ann        = sampleIntro{user: "u1", name: "Ann Archer", title: "Account Executive"}
	bob        = sampleIntro{user: "u2", name: "Bob Baker", title: "Solutions Engineer"}
	cat        = sampleIntro{user: "u3", name: "Cat Cruz", title: "VP Sales"}
	dan        = sampleIntro{user: "u4", name: "Dan Dorsey", title: "Support Lead"}
)

// with gives a colleague the tie of one introducer row.
func (i sampleIntro) with(band string, score float64, sent, received, meetings, calls int64, last string) sampleIntro {
	t, err := time.Parse(time.RFC3339, last)
	if err != nil {
		panic(err)
	}
	i.band, i.score, i.sent, i.received, i.meetings, i.calls, i.last = band, score, sent, received, meetings, calls, t
	return i
}

// withoutDraft marks a row whose owner may not send drafts: it has no link.
func (i sampleIntro) withoutDraft() sampleIntro {
	i.noDraft = true
	return i
}

// sampleLeads are five records with twelve introducer rows. Names and
// companies starting with =, +, - and @ must stay text.
var sampleLeads = []sampleLead{
	{"R1", `=HYPERLINK("http://x","y")`, "+1 Corp", "lead", "Olga Owner", []sampleIntro{
		ann.with("strong", 87.26, 12, 9, 2, 1, "2025-06-27T17:45:00Z"),
		bob.with("moderate", 41.04, 3, 2, 1, 0, "2025-05-02T08:00:00Z"),
		cat.with("weak", 12.5, 1, 0, 0, 0, "2024-11-30T23:59:59Z"),
	}},
	{"R2", "@home", "-minus", "contact", "Olga Owner", []sampleIntro{
		bob.with("moderate", 55.5, 4, 4, 0, 0, "2025-06-01T12:00:00Z"),
		ann.with("weak", 20, 2, 0, 0, 0, "2025-01-15T09:30:00Z"),
		dan.with("weak", 5.01, 1, 0, 0, 0, "2024-08-05T10:00:00Z").withoutDraft(),
	}},
	{"R3", "Chloé Dubois", "Ünïcode GmbH", "lead", "Pete Owner", []sampleIntro{
		ann.with("strong", 71.9, 20, 18, 3, 0, "2025-06-29T06:15:00Z"),
		cat.with("strong", 60, 8, 8, 1, 1, "2025-06-20T14:00:00Z"),
	}},
	{"R4", "Dmitri Ivanov", "Acme", "contact", "Pete Owner", []sampleIntro{
		ann.with("weak", 24.99, 2, 1, 0, 0, "2025-03-04T17:45:00Z"),
		{user: "u5", band: "weak", score: 3.2, sent: 1, last: time.Date(2024, 12, 24, 0, 0, 0, 0, time.UTC)},
	}},
	{"R5", "Eve Example", "", "lead", "", []sampleIntro{
		bob.with("moderate", 33.3, 2, 2, 0, 0, "2025-02-28T11:11:00Z"),
		dan.with("weak", 9.9, 0, 1, 0, 0, "2025-04-01T00:00:00Z"),
	}},
}

func sampleMailto(to, subject, body string) string {
	return "mailto:" + to + "?subject=" + url.PathEscape(subject) + "&body=" + url.PathEscape(body)
}

func sampleReport() *Report {
	r := &Report{
		AsOf:        sampleAsOf,
		WindowStart: sampleAsOf.AddDate(0, 0, -365),
		WindowEnd:   sampleAsOf,
		Settings: []Setting{
			{"As-of date", "2025-06-30"}, {"Lookback", "365 days"}, {"Half-life", "90 days"},
			{"Top introducers per record", "5"}, {"Access roles", "Salesperson, Sales Manager"},
		},
		Inputs:   []Count{{"emails", 120000}, {"meetings", 3400}, {"users", 42}, {"leads", 8}},
		Excluded: []Count{{"opted out", 2}, {"disabled", 1}},
		Skipped:  []Count{{"broadcast", 17}, {"outside the window", 3021}},
		Records:  8,
	}
	for _, l := range sampleLeads {
		leadEmail := "lead-" + l.id + "@client.example"
		for rank, in := range l.intros {
			email := in.user + "@corp.example"
			row := ReportIntroducer{IntroducerRow: IntroducerRow{
				AsOf: DateOf(sampleAsOf), RecordID: l.id, RecordType: strp(l.kind), LeadFullName: strp(l.name),
				LeadEmail: leadEmail, Rank: int32(rank + 1), IntroducerUserID: in.user, IntroducerEmail: email,
				Score: in.score, Band: in.band, EmailsSent: in.sent, EmailsReceived: in.received,
				Meetings: in.meetings, Calls: in.calls, LastInteractionAt: in.last,
			}}
			if l.company != "" {
				row.LeadCompany = strp(l.company)
			}
			if l.owner != "" {
				row.OwnerFullName, row.OwnerUserID = strp(l.owner), strp("o-"+l.owner[:1])
			}
			if in.name != "" {
				row.IntroducerFullName = strp(in.name)
			}
			if in.title != "" {
				row.IntroducerTitle = strp(in.title)
			}
			if !in.noDraft {
				subject := "Introduction to " + l.name
				body := fmt.Sprintf("Hi %s,\n\nCould you introduce me to %s?\n\nThanks,\n%s", in.name, l.name, l.owner)
				row.Mailto = sampleMailto(email, subject, body)
				r.Drafts = append(r.Drafts, DraftRow{
					AsOf: DateOf(sampleAsOf), RecordID: l.id, Rank: row.Rank, FromAddress: "owner@corp.example",
					ToAddress: email, Subject: subject, Body: body, Mailto: row.Mailto,
				})
			}
			r.Introducers = append(r.Introducers, row)
		}
	}
	r.Gaps = []Gap{
		{RecordID: "R6", RecordType: "lead", FullName: "Nobody Known", Email: "nobody@far.example", Company: "Far Ltd", OwnerFullName: "Olga Owner", Reason: GapNobodyKnows},
		{RecordID: "R7", RecordType: "contact", FullName: "=1+1", Email: "not an address", OwnerFullName: "Pete Owner", Reason: GapInvalidEmail},
		{RecordID: "R8", RecordType: "lead", FullName: "Inside Person", Email: "someone@corp.example", Company: "Us", Reason: GapInternalEmail},
	}
	return r
}

// writeSample writes r into a fresh directory and returns the path.
func writeSample(t *testing.T, r *Report) (string, WorkbookStats) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "who-knows-whom-2025-06-30.xlsx")
	stats, err := WriteWorkbook(path, r)
	if err != nil {
		t.Fatalf("WriteWorkbook: %v", err)
	}
	return path, stats
}

// withLimits lowers the per-sheet limits for one test.
func withLimits(t *testing.T, rows, links int) {
	t.Helper()
	oldRows, oldLinks := maxRowsPerSheet, maxLinksPerSheet
	maxRowsPerSheet, maxLinksPerSheet = rows, links
	t.Cleanup(func() { maxRowsPerSheet, maxLinksPerSheet = oldRows, oldLinks })
}
