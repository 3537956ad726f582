package writers

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// largeReport is a run of the nightly size: records of five introducers
// each, every introducer row with a draft link, and a draft row for the
// first drafts of them. Texts vary per row so the compressor sees CRM-like
// data rather than one repeated row.
func largeReport(introducers, drafts int) *Report {
	r := sampleReport()
	r.Introducers = make([]ReportIntroducer, 0, introducers)
	r.Drafts = make([]DraftRow, 0, drafts)
	r.Gaps = nil
	titles := []string{"Account Executive", "Solutions Engineer", "VP Sales", "Support Lead", "Customer Success Manager"}
	bands := []string{"strong", "moderate", "weak"}
	last := time.Date(2025, 6, 1, 9, 0, 0, 0, time.UTC)
	for i := range introducers {
		rec, rank := i/5, i%5
		id := fmt.Sprintf("00Q5g00000%08dEAA", rec)
		lead := fmt.Sprintf("Lead Person %d", rec)
		colleague := fmt.Sprintf("Colleague Number %d", i%4000)
		email := fmt.Sprintf("colleague%d@corp.example", i%4000)
		owner := fmt.Sprintf("Owner %d", rec%300)
		subject := "Introduction to " + lead
		body := fmt.Sprintf("Hi %s,\n\nI'm reaching out about %s at Company %d. I see you have been in touch with them "+
			"recently, and I'd love a warm introduction. Would you be open to connecting us?\n\nThanks,\n%s",
			colleague, lead, rec%9000, owner)
		row := ReportIntroducer{IntroducerRow: IntroducerRow{
			AsOf: DateOf(sampleAsOf), RecordID: id, RecordType: strp("lead"), LeadFullName: strp(lead),
			LeadEmail: fmt.Sprintf("lead%d@client%d.example", rec, rec%9000), LeadCompany: strp(fmt.Sprintf("Company %d", rec%9000)),
			OwnerUserID: strp(fmt.Sprintf("005%012d", rec%300)), OwnerFullName: strp(owner),
			Rank: int32(rank + 1), IntroducerUserID: fmt.Sprintf("005%012d", i%4000), IntroducerFullName: strp(colleague),
			IntroducerEmail: email, IntroducerTitle: strp(titles[i%len(titles)]), Score: 90 - float64(rank)*7.5,
			Band: bands[rank%len(bands)], EmailsSent: int64(i % 40), EmailsReceived: int64(i % 33),
			Meetings: int64(i % 7), Calls: int64(i % 3), LastInteractionAt: last.Add(-time.Duration(i%500) * time.Hour),
		}}
		row.Mailto = sampleMailto(email, subject, body)
		if len(r.Drafts) < drafts {
			r.Drafts = append(r.Drafts, DraftRow{
				AsOf: DateOf(sampleAsOf), RecordID: id, Rank: row.Rank, FromAddress: fmt.Sprintf("owner%d@corp.example", rec%300),
				ToAddress: email, Subject: subject, Body: body, Mailto: row.Mailto,
			})
		}
		r.Introducers = append(r.Introducers, row)
	}
	r.Records = int64((introducers + 4) / 5)
	return r
}

// benchmarkWorkbook writes r once per iteration, reports introducer and
// draft rows written per second, and returns what the last write wrote.
func benchmarkWorkbook(b *testing.B, r *Report) WorkbookStats {
	b.ReportAllocs()
	dir := b.TempDir()
	var stats WorkbookStats
	var size int64
	for i := 0; b.Loop(); i++ {
		path := filepath.Join(dir, fmt.Sprintf("book-%d.xlsx", i))
		var err error
		if stats, err = WriteWorkbook(path, r); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if st, err := os.Stat(path); err == nil {
			size = st.Size()
		}
		if err := os.Remove(path); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	rows := float64(len(r.Introducers)+len(r.Drafts)) * float64(b.N)
	b.ReportMetric(rows/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(size)/1e6, "MB")
	return stats
}

// BenchmarkWorkbookLinks is dominated by the "Get introduced" links: 200,000
// introducer rows, each with its link, spread over four sheets.
func BenchmarkWorkbookLinks(b *testing.B) {
	stats := benchmarkWorkbook(b, largeReport(200_000, 0))
	// Excel's limit of 65,530 links per sheet, at full size.
	want := []SheetStats{{"Introducers", 65530}, {"Introducers 2", 65530}, {"Introducers 3", 65530}, {"Introducers 4", 3410}}
	if len(stats.Sheets) < len(want) || !reflect.DeepEqual(stats.Sheets[:len(want)], want) {
		b.Errorf("sheets = %+v, want them to start with %+v", stats.Sheets, want)
	}
}

// BenchmarkWorkbookNightly is a large nightly run: 250,000 introducer rows
// and 200,000 drafts.
func BenchmarkWorkbookNightly(b *testing.B) {
	benchmarkWorkbook(b, largeReport(250_000, 200_000))
}
