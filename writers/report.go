package writers

import "time"

// Count is one named counter, in the order the report shows it.
type Count struct {
	Name  string
	Value int64
}

// Setting is one setting in effect for a run, already formatted for people.
type Setting struct {
	Name  string
	Value string
}

// ReportIntroducer is one introducer row as the workbook shows it, with the
// mailto URL of its draft (empty when no draft was written for it).
type ReportIntroducer struct {
	IntroducerRow
	Mailto string
}

// Gap is a lead or contact that has no introducer, with the reason.
type Gap struct {
	RecordID      string
	RecordType    string
	FullName      string
	Email         string // as exported, normalised when valid
	Company       string
	OwnerFullName string
	Reason        string // one of the Gap* reasons
}

// Reasons a record has no introducer.
const (
	GapNobodyKnows   = "nobody knows them yet"
	GapInvalidEmail  = "invalid email address"
	GapInternalEmail = "internal email address"
)

// Report is everything the sales-ops workbook shows for one run. Slices are in
// the order they are shown: Introducers by record then rank, Drafts likewise.
type Report struct {
	AsOf        time.Time // the as-of date, 00:00 UTC
	WindowStart time.Time // first instant counted
	WindowEnd   time.Time // first instant not counted (the cutoff)
	Settings    []Setting
	Inputs      []Count // rows read per table
	Excluded    []Count // colleagues left out, by reason (opted out, disabled, role filter, ...)
	Skipped     []Count // messages, meetings and calls skipped, by reason
	Records     int64   // leads and contacts read
	Introducers []ReportIntroducer
	Drafts      []DraftRow
	Gaps        []Gap
}
