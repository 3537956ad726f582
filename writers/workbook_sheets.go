package writers

// Names of the data sheets; continuations append " 2", " 3", ...
const (
	sheetIntroducers = "Introducers"
	sheetDrafts      = "Drafts"
	sheetGaps        = "No introducer yet"
)

// linkText is the display text of a "Get introduced" cell; tooLongText
// replaces it when Excel could not hold the draft's link.
const (
	linkText    = "Get introduced"
	tooLongText = "Draft too long for a link: see Drafts"
)

var introducerColumns = []column{
	{"Lead", 40}, {"Company", 36}, {"Record type", 14}, {"Owner", 30}, {"Rank", 0},
	{"Colleague", 30}, {"Title", 36}, {"Band", 12}, {"Score", 0}, {"Emails sent", 0},
	{"Emails received", 0}, {"Meetings", 0}, {"Calls", 0}, {"Last interaction", 0},
	{"Get introduced", 0}, {"Record ID", 24},
}

// introducerLinkCol is the 0-based column of "Get introduced".
const introducerLinkCol = 14

// The text shown for the people of an introducer row: a missing name falls
// back to what identifies the person.
func leadName(ri *ReportIntroducer) string { return orElse(ri.LeadFullName, ri.LeadEmail) }
func ownerName(ri *ReportIntroducer) string {
	return orElse(ri.OwnerFullName, deref(ri.OwnerUserID))
}
func colleagueName(ri *ReportIntroducer) string {
	return orElse(ri.IntroducerFullName, ri.IntroducerEmail)
}

// draftLink is the target of ri's "Get introduced" link, "" when it has
// none, and whether that is because Excel could not hold the link.
func draftLink(ri *ReportIntroducer) (target string, tooLong bool) {
	// A link is never longer in UTF-16 units than in bytes, so most
	// skip the count.
	if len(ri.Mailto) > linkCharLimit && utf16Len(ri.Mailto) > linkCharLimit {
		return "", true
	}
	return ri.Mailto, false
}

type introducerList struct {
	rows []ReportIntroducer
	st   *workbookStyles
}

func (l introducerList) len() int           { return len(l.rows) }
func (l introducerList) height(int) float64 { return 0 }
func (l introducerList) link(i int) string  { t, _ := draftLink(&l.rows[i]); return t }

func (l introducerList) cells(c cellSink, i int) {
	ri, st := &l.rows[i], l.st
	c.text(leadName(ri), st.text)
	c.text(deref(ri.LeadCompany), st.text)
	c.text(deref(ri.RecordType), st.text)
	c.text(ownerName(ri), st.text)
	c.number(int64(ri.Rank), st.rank)
	c.text(colleagueName(ri), st.text)
	c.text(deref(ri.IntroducerTitle), st.text)
	c.text(ri.Band, bandStyle(st, ri.Band))
	c.decimal(ri.Score, st.score)
	c.number(ri.EmailsSent, st.text)
	c.number(ri.EmailsReceived, st.text)
	c.number(ri.Meetings, st.text)
	c.number(ri.Calls, st.text)
	c.date(ri.LastInteractionAt, st.date)
	switch target, tooLong := draftLink(ri); {
	case tooLong:
		c.text(tooLongText, st.text)
	case target != "":
		c.text(linkText, st.link)
	default:
		c.text("", 0)
	}
	c.text(ri.RecordID, st.text)
}

var draftColumns = []column{
	{"Lead", 40}, {"Record ID", 24}, {"Rank", 0}, {"From", 36}, {"To", 36},
	{"Subject", 60}, {"Body", 0},
}

// draftBodyCol is the 0-based column of the draft's body; draftBodyWidth
// is wide enough for a paragraph to read as a paragraph.
const (
	draftBodyCol   = 6
	draftBodyWidth = 90
)

type draftList struct {
	rows  []DraftRow
	leads map[string]string // lead names by record id
	st    *workbookStyles
}

func (l draftList) len() int        { return len(l.rows) }
func (l draftList) link(int) string { return "" }
func (l draftList) height(i int) float64 {
	return wrappedHeight(l.rows[i].Body, draftBodyWidth)
}

func (l draftList) cells(c cellSink, i int) {
	d, st := &l.rows[i], l.st
	c.text(l.leads[d.RecordID], st.text)
	c.text(d.RecordID, st.text)
	c.number(int64(d.Rank), st.rank)
	c.text(d.FromAddress, st.text)
	c.text(d.ToAddress, st.text)
	c.text(d.Subject, st.text)
	c.text(d.Body, st.wrap)
}

var gapColumns = []column{
	{"Lead", 40}, {"Company", 36}, {"Record type", 14}, {"Email", 40}, {"Owner", 30},
	{"Reason", 30}, {"Record ID", 24},
}

type gapList struct {
	rows []Gap
	st   *workbookStyles
}

func (l gapList) len() int           { return len(l.rows) }
func (l gapList) link(int) string    { return "" }
func (l gapList) height(int) float64 { return 0 }

func (l gapList) cells(c cellSink, i int) {
	g, st := &l.rows[i], l.st
	c.text(g.FullName, st.text)
	c.text(g.Company, st.text)
	c.text(g.RecordType, st.text)
	c.text(g.Email, st.text)
	c.text(g.OwnerFullName, st.text)
	c.text(g.Reason, st.text)
	c.text(g.RecordID, st.text)
}

func bandStyle(st *workbookStyles, band string) int {
	if id, ok := st.band[band]; ok {
		return id
	}
	return st.text
}
