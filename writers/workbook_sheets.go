package writers

import (
	"time"

	"github.com/xuri/excelize/v2"
)

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

// introducerLinkCol is the 1-based column of "Get introduced".
const introducerLinkCol = 15

// The text shown for the people of an introducer row: a missing name falls
// back to what identifies the person.
func leadName(ri *ReportIntroducer) string { return orElse(ri.LeadFullName, ri.LeadEmail) }
func ownerName(ri *ReportIntroducer) string {
	return orElse(ri.OwnerFullName, deref(ri.OwnerUserID))
}
func colleagueName(ri *ReportIntroducer) string {
	return orElse(ri.IntroducerFullName, ri.IntroducerEmail)
}

func (w *workbookWriter) writeIntroducers(rows []ReportIntroducer) ([]SheetStats, error) {
	fit := newWidthFit(introducerColumns)
	for i := range rows {
		ri := &rows[i]
		fit.see(0, leadName(ri))
		fit.see(1, deref(ri.LeadCompany))
		fit.see(2, deref(ri.RecordType))
		fit.see(3, ownerName(ri))
		fit.see(5, colleagueName(ri))
		fit.see(6, deref(ri.IntroducerTitle))
		fit.see(7, ri.Band)
		fit.see(15, ri.RecordID)
	}
	s := newSheetSeries(w, sheetIntroducers, introducerColumns, fit.widths(), introducerLinkCol)
	st := w.style
	values := make([]any, len(introducerColumns))
	for i := range rows {
		ri := &rows[i]
		link, linkCell := ri.Mailto, any(nil)
		switch {
		case link == "":
		case utf16Len(link) > linkCharLimit:
			link, linkCell = "", excelize.Cell{StyleID: st.text, Value: tooLongText}
			w.longLinks++
		default:
			linkCell = excelize.Cell{StyleID: st.link, Value: linkText}
		}
		values[0] = w.text(leadName(ri), st.text)
		values[1] = w.text(deref(ri.LeadCompany), st.text)
		values[2] = w.text(deref(ri.RecordType), st.text)
		values[3] = w.text(ownerName(ri), st.text)
		values[4] = excelize.Cell{StyleID: st.rank, Value: ri.Rank}
		values[5] = w.text(colleagueName(ri), st.text)
		values[6] = w.text(deref(ri.IntroducerTitle), st.text)
		values[7] = w.text(ri.Band, w.bandStyle(ri.Band))
		values[8] = excelize.Cell{StyleID: st.score, Value: ri.Score}
		values[9] = excelize.Cell{StyleID: st.text, Value: ri.EmailsSent}
		values[10] = excelize.Cell{StyleID: st.text, Value: ri.EmailsReceived}
		values[11] = excelize.Cell{StyleID: st.text, Value: ri.Meetings}
		values[12] = excelize.Cell{StyleID: st.text, Value: ri.Calls}
		values[13] = w.dateCell(ri.LastInteractionAt)
		values[14] = linkCell
		values[15] = w.text(ri.RecordID, st.text)
		if err := s.add(values, link); err != nil {
			return nil, err
		}
	}
	return s.close()
}

var draftColumns = []column{
	{"Lead", 40}, {"Record ID", 24}, {"Rank", 0}, {"From", 36}, {"To", 36},
	{"Subject", 60}, {"Body", 0},
}

// draftBodyWidth is wide enough for a paragraph to read as a paragraph.
const draftBodyWidth = 90

func (w *workbookWriter) writeDrafts(rows []DraftRow, leads map[string]string) ([]SheetStats, error) {
	fit := newWidthFit(draftColumns)
	for i := range rows {
		d := &rows[i]
		fit.see(0, leads[d.RecordID])
		fit.see(1, d.RecordID)
		fit.see(3, d.FromAddress)
		fit.see(4, d.ToAddress)
		fit.see(5, d.Subject)
	}
	widths := fit.widths()
	widths[6] = draftBodyWidth
	s := newSheetSeries(w, sheetDrafts, draftColumns, widths, 0)
	st := w.style
	values := make([]any, len(draftColumns))
	for i := range rows {
		d := &rows[i]
		values[0] = w.text(leads[d.RecordID], st.text)
		values[1] = w.text(d.RecordID, st.text)
		values[2] = excelize.Cell{StyleID: st.rank, Value: d.Rank}
		values[3] = w.text(d.FromAddress, st.text)
		values[4] = w.text(d.ToAddress, st.text)
		values[5] = w.text(d.Subject, st.text)
		values[6] = w.text(d.Body, st.wrap)
		height := wrappedHeight(d.Body, draftBodyWidth)
		if err := s.add(values, "", excelize.RowOpts{Height: height}); err != nil {
			return nil, err
		}
	}
	return s.close()
}

var gapColumns = []column{
	{"Lead", 40}, {"Company", 36}, {"Record type", 14}, {"Email", 40}, {"Owner", 30},
	{"Reason", 30}, {"Record ID", 24},
}

func (w *workbookWriter) writeGaps(rows []Gap) ([]SheetStats, error) {
	fit := newWidthFit(gapColumns)
	for i := range rows {
		g := &rows[i]
		fit.see(0, g.FullName)
		fit.see(1, g.Company)
		fit.see(2, g.RecordType)
		fit.see(3, g.Email)
		fit.see(4, g.OwnerFullName)
		fit.see(5, g.Reason)
		fit.see(6, g.RecordID)
	}
	s := newSheetSeries(w, sheetGaps, gapColumns, fit.widths(), 0)
	st := w.style
	values := make([]any, len(gapColumns))
	for i := range rows {
		g := &rows[i]
		values[0] = w.text(g.FullName, st.text)
		values[1] = w.text(g.Company, st.text)
		values[2] = w.text(g.RecordType, st.text)
		values[3] = w.text(g.Email, st.text)
		values[4] = w.text(g.OwnerFullName, st.text)
		values[5] = w.text(g.Reason, st.text)
		values[6] = w.text(g.RecordID, st.text)
		if err := s.add(values, ""); err != nil {
			return nil, err
		}
	}
	return s.close()
}

// text is a text cell cut to Excel's limit, the cut counted. Text from the
// CRM goes through here and becomes an inline string cell: it is never
// read as a formula, whatever its first character.
func (w *workbookWriter) text(s string, style int) any {
	s, cut := cutText(s)
	if cut {
		w.truncated++
	}
	return textCell(s, style)
}

// dateCell is the UTC day of t as a real date; the time of day is dropped so
// that what the cell holds is what it shows.
func (w *workbookWriter) dateCell(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return excelize.Cell{StyleID: w.style.date, Value: utcDay(t)}
}

func (w *workbookWriter) bandStyle(band string) int {
	if id, ok := w.style.band[band]; ok {
		return id
	}
	return w.style.text
}
