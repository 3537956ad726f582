package writers

import (
	"archive/zip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

var (
	wantIntroducerHeader = []string{"Lead", "Company", "Record type", "Owner", "Rank", "Colleague", "Title",
		"Band", "Score", "Emails sent", "Emails received", "Meetings", "Calls", "Last interaction",
		"Get introduced", "Record ID"}
	wantDraftHeader = []string{"Lead", "Record ID", "Rank", "From", "To", "Subject", "Body"}
	wantGapHeader   = []string{"Lead", "Company", "Record type", "Email", "Owner", "Reason", "Record ID"}
)

func openBook(t *testing.T, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f
}

func sheetRows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("rows of %q: %v", sheet, err)
	}
	return rows
}

func cellValue(t *testing.T, f *excelize.File, sheet, cell string, raw bool) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: raw})
	if err != nil {
		t.Fatalf("cell %s of %q: %v", cell, sheet, err)
	}
	return v
}

// rowOf is the 1-based row whose cell in col reads text, or 0.
func rowOf(t *testing.T, f *excelize.File, sheet, col, text string) int {
	t.Helper()
	for i, row := range sheetRows(t, f, sheet) {
		c := int(col[0] - 'A')
		if c < len(row) && row[c] == text {
			return i + 1
		}
	}
	return 0
}

// excelSerial is the day number Excel stores for a date (1900 date system).
func excelSerial(day time.Time) string {
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	return strconv.Itoa(int(day.Sub(base).Hours() / 24))
}

func TestWorkbookSheetsAndRows(t *testing.T) {
	r := sampleReport()
	path, stats := writeSample(t, r)
	f := openBook(t, path)

	wantSheets := []string{"Summary", "Introducers", "Drafts", "No introducer yet"}
	if got := f.GetSheetList(); !reflect.DeepEqual(got, wantSheets) {
		t.Fatalf("sheets = %q, want %q", got, wantSheets)
	}
	if got := f.GetActiveSheetIndex(); got != 0 {
		t.Errorf("active sheet = %d, want 0 (Summary)", got)
	}
	wantStats := WorkbookStats{Sheets: []SheetStats{{"Introducers", 12}, {"Drafts", 11}, {"No introducer yet", 3}}}
	if !reflect.DeepEqual(stats, wantStats) {
		t.Errorf("stats = %+v, want %+v", stats, wantStats)
	}
	for sheet, header := range map[string][]string{
		"Introducers": wantIntroducerHeader, "Drafts": wantDraftHeader, "No introducer yet": wantGapHeader,
	} {
		rows := sheetRows(t, f, sheet)
		if !reflect.DeepEqual(rows[0], header) {
			t.Errorf("%s header = %q, want %q", sheet, rows[0], header)
		}
	}

	intro := sheetRows(t, f, "Introducers")
	if len(intro)-1 != len(r.Introducers) {
		t.Fatalf("Introducers has %d data rows, want %d", len(intro)-1, len(r.Introducers))
	}
	for i, ri := range r.Introducers {
		row, n := intro[i+1], strconv.Itoa(i+2)
		want := []string{*ri.LeadFullName, deref(ri.LeadCompany), *ri.RecordType, deref(ri.OwnerFullName),
			strconv.Itoa(int(ri.Rank)), orElse(ri.IntroducerFullName, ri.IntroducerEmail), deref(ri.IntroducerTitle),
			ri.Band, strconv.FormatFloat(ri.Score, 'f', 1, 64), strconv.FormatInt(ri.EmailsSent, 10),
			strconv.FormatInt(ri.EmailsReceived, 10), strconv.FormatInt(ri.Meetings, 10),
			strconv.FormatInt(ri.Calls, 10), ri.LastInteractionAt.Format(time.DateOnly)}
		if !reflect.DeepEqual(row[:14], want) {
			t.Errorf("Introducers row %s = %q, want %q", n, row[:14], want)
		}
		if got := row[15]; got != ri.RecordID {
			t.Errorf("Introducers P%s = %q, want %q", n, got, ri.RecordID)
		}
		linked, target, err := f.GetCellHyperLink("Introducers", "O"+n)
		if err != nil {
			t.Fatal(err)
		}
		wantText := "Get introduced"
		if ri.Mailto == "" {
			wantText = ""
		}
		if row[14] != wantText || linked != (ri.Mailto != "") || target != ri.Mailto {
			t.Errorf("Introducers O%s = %q linked %v to %q, want %q linked to %q", n, row[14], linked, target, wantText, ri.Mailto)
		}
	}

	drafts := sheetRows(t, f, "Drafts")
	for i, d := range r.Drafts {
		want := []string{leadNames(r.Introducers)[d.RecordID], d.RecordID, strconv.Itoa(int(d.Rank)),
			d.FromAddress, d.ToAddress, d.Subject, d.Body}
		if got := drafts[i+1]; !reflect.DeepEqual(got, want) {
			t.Errorf("Drafts row %d = %q, want %q", i+2, got, want)
		}
	}
	gaps := sheetRows(t, f, "No introducer yet")
	for i, g := range r.Gaps {
		want := []string{g.FullName, g.Company, g.RecordType, g.Email, g.OwnerFullName, g.Reason, g.RecordID}
		got := append(gaps[i+1], make([]string, len(want))...)[:len(want)]
		if !reflect.DeepEqual(got, want) {
			t.Errorf("gap row %d = %q, want %q", i+2, got, want)
		}
	}
}

func TestWorkbookCellsAreTypedAndLiteral(t *testing.T) {
	r := sampleReport()
	path, _ := writeSample(t, r)
	f := openBook(t, path)

	// Text from the CRM that looks like a formula stays text.
	for _, c := range []struct{ sheet, cell, want string }{
		{"Introducers", "A2", `=HYPERLINK("http://x","y")`},
		{"Introducers", "B2", "+1 Corp"},
		{"Introducers", "A5", "@home"},
		{"Introducers", "B5", "-minus"},
		{"Drafts", "A2", `=HYPERLINK("http://x","y")`},
		{"No introducer yet", "A3", "=1+1"},
	} {
		if got := cellValue(t, f, c.sheet, c.cell, true); got != c.want {
			t.Errorf("%s!%s = %q, want %q", c.sheet, c.cell, got, c.want)
		}
		formula, err := f.GetCellFormula(c.sheet, c.cell)
		if err != nil || formula != "" {
			t.Errorf("%s!%s has formula %q (err %v), want none", c.sheet, c.cell, formula, err)
		}
		if typ, _ := f.GetCellType(c.sheet, c.cell); typ != excelize.CellTypeInlineString {
			t.Errorf("%s!%s has type %v, want an inline string", c.sheet, c.cell, typ)
		}
	}

	// Last interaction is a real date: a serial day number shown as yyyy-mm-dd.
	if got, want := cellValue(t, f, "Introducers", "N2", true), excelSerial(time.Date(2025, 6, 27, 0, 0, 0, 0, time.UTC)); got != want {
		t.Errorf("N2 raw = %q, want serial %s", got, want)
	}
	if got := cellValue(t, f, "Introducers", "N2", false); got != "2025-06-27" {
		t.Errorf("N2 shows %q, want 2025-06-27", got)
	}
	if typ, _ := f.GetCellType("Introducers", "N2"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("N2 has type %v, want a number", typ)
	}
	// Score keeps its full value and shows one decimal.
	if raw, shown := cellValue(t, f, "Introducers", "I3", true), cellValue(t, f, "Introducers", "I3", false); raw != "41.04" || shown != "41.0" {
		t.Errorf("I3 = %q shown %q, want 41.04 shown 41.0", raw, shown)
	}
	if got := cellValue(t, f, "Introducers", "E3", true); got != "2" {
		t.Errorf("rank E3 = %q, want 2", got)
	}

	// Bands are coloured by style.
	for cell, fill := range map[string]string{"H2": "C6EFCE", "H3": "FFEB9C", "H4": "EDEDED"} {
		id, err := f.GetCellStyle("Introducers", cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if len(st.Fill.Color) != 1 || st.Fill.Color[0] != fill {
			t.Errorf("%s fill = %v, want %s", cell, st.Fill.Color, fill)
		}
	}

	panes, err := f.GetPanes("Introducers")
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("Introducers panes = %+v (err %v), want the header row frozen", panes, err)
	}
	wantFilters := map[string]bool{
		"'Introducers'!$A$1:$P$13": true, "'Drafts'!$A$1:$G$12": true, "'No introducer yet'!$A$1:$G$4": true,
	}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm._FilterDatabase" {
			delete(wantFilters, d.RefersTo)
		}
	}
	if len(wantFilters) > 0 {
		t.Errorf("autofilters missing: %v (defined names %+v)", wantFilters, f.GetDefinedName())
	}

	// Widths fit the longest text plus two: the injected lead name is 26
	// characters, the longest title 18; number columns fit their header.
	for _, c := range []struct {
		col  string
		want float64
	}{{"A", 28}, {"G", 20}, {"E", 7}, {"N", 19}} {
		if got, err := f.GetColWidth("Introducers", c.col); err != nil || got != c.want {
			t.Errorf("Introducers column %s width = %v (err %v), want %v", c.col, got, err, c.want)
		}
	}
}

func TestWorkbookSummary(t *testing.T) {
	path, _ := writeSample(t, sampleReport())
	f := openBook(t, path)
	const s = "Summary"

	if got := cellValue(t, f, s, "A1", false); got != "Who knows whom — 2025-06-30" {
		t.Errorf("title = %q", got)
	}
	value := func(label string, raw bool) string {
		t.Helper()
		row := rowOf(t, f, s, "A", label)
		if row == 0 {
			t.Fatalf("Summary has no row %q", label)
		}
		return cellValue(t, f, s, "B"+strconv.Itoa(row), raw)
	}
	for label, want := range map[string]string{
		"Run date (as of)": "2025-06-30", "First day counted": "2024-06-30", "Last day counted": "2025-06-29",
		"Records": "8", "With introducers": "5", "Without introducers": "3",
		GapNobodyKnows: "1", GapInvalidEmail: "1", GapInternalEmail: "1",
		"Coverage": "62.5%", "strong": "2", "moderate": "2", "weak": "1", "no introducer": "3",
		"Lookback": "365 days", "emails": "120,000", "opted out": "2", "outside the window": "3,021",
	} {
		if got := value(label, false); got != want {
			t.Errorf("Summary %q = %q, want %q", label, got, want)
		}
	}
	if got := value("Coverage", true); got != "0.625" {
		t.Errorf("coverage raw = %q, want 0.625", got)
	}
	if got := value("First day counted", true); got != excelSerial(time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("first day raw = %q, want a date serial", got)
	}

	head := rowOf(t, f, s, "A", "Colleague")
	rows := sheetRows(t, f, s)
	wantTop := [][]string{
		{"Ann Archer", "Account Executive", "4", "2"},
		{"Bob Baker", "Solutions Engineer", "3", "0"},
		{"Cat Cruz", "VP Sales", "2", "1"},
		{"Dan Dorsey", "Support Lead", "2", "0"},
		{"u5@corp.example", "", "1", "0"},
	}
	for i, want := range wantTop {
		if got := rows[head+i][:4]; !reflect.DeepEqual(got, want) {
			t.Errorf("top colleague %d = %q, want %q", i+1, got, want)
		}
	}
	if len(rows) > head+len(wantTop) && len(rows[head+len(wantTop)]) > 0 && rows[head+len(wantTop)][0] != "" {
		t.Errorf("top colleagues go on past %d rows: %q", len(wantTop), rows[head+len(wantTop)])
	}
	for _, row := range rows {
		if strings.Contains(strings.Join(row, " "), "continues on") {
			t.Errorf("Summary mentions a continuation that did not happen: %q", row)
		}
	}
	view, err := f.GetSheetView(s, 0)
	if err != nil || view.ShowGridLines == nil || *view.ShowGridLines {
		t.Errorf("Summary shows gridlines (err %v)", err)
	}

	// Both charts draw from the Summary's own tables.
	band := rowOf(t, f, s, "A", "strong")
	charts := zipTexts(t, path, "xl/charts/chart")
	wantRefs := []string{
		"Summary!$A$" + strconv.Itoa(band) + ":$A$" + strconv.Itoa(band+3),
		"Summary!$B$" + strconv.Itoa(band) + ":$B$" + strconv.Itoa(band+3),
		"Summary!$A$" + strconv.Itoa(head+1) + ":$A$" + strconv.Itoa(head+5),
		"Summary!$C$" + strconv.Itoa(head+1) + ":$C$" + strconv.Itoa(head+5),
	}
	if len(charts) != 2 {
		t.Fatalf("workbook has %d charts, want 2", len(charts))
	}
	all := strings.Join(charts, "\n")
	for _, ref := range wantRefs {
		if !strings.Contains(all, ref) {
			t.Errorf("no chart refers to %s", ref)
		}
	}
}

// zipTexts returns the contents of the workbook's parts whose names start
// with prefix.
func zipTexts(t *testing.T, path, prefix string) []string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var out []string
	for _, zf := range z.File {
		if !strings.HasPrefix(zf.Name, prefix) {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

func TestWorkbookEmptyReport(t *testing.T) {
	path, stats := writeSample(t, &Report{AsOf: sampleAsOf, WindowStart: sampleAsOf.AddDate(0, 0, -30), WindowEnd: sampleAsOf})
	want := WorkbookStats{Sheets: []SheetStats{{"Introducers", 0}, {"Drafts", 0}, {"No introducer yet", 0}}}
	if !reflect.DeepEqual(stats, want) {
		t.Errorf("stats = %+v, want %+v", stats, want)
	}
	f := openBook(t, path)
	if rows := sheetRows(t, f, "Introducers"); len(rows) != 1 || !reflect.DeepEqual(rows[0], wantIntroducerHeader) {
		t.Errorf("empty Introducers = %q, want the header only", rows)
	}
	row := rowOf(t, f, "Summary", "A", "Coverage")
	if got := cellValue(t, f, "Summary", "B"+strconv.Itoa(row), false); got != "no records" {
		t.Errorf("coverage without records = %q, want %q", got, "no records")
	}
	if rowOf(t, f, "Summary", "A", "none yet") == 0 {
		t.Error(`Summary lacks "none yet" for an empty colleague table`)
	}
}

func TestWorkbookFileErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-such-dir", "book.xlsx")
	if _, err := WriteWorkbook(missing, sampleReport()); !errors.Is(err, ErrOutput) || !strings.Contains(err.Error(), missing) {
		t.Errorf("WriteWorkbook into a missing directory: err = %v, want ErrOutput naming %s", err, missing)
	}

	existing := filepath.Join(t.TempDir(), "book.xlsx")
	if err := os.WriteFile(existing, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteWorkbook(existing, sampleReport()); !errors.Is(err, ErrOutput) {
		t.Errorf("WriteWorkbook over an existing file: err = %v, want ErrOutput", err)
	}
	if b, _ := os.ReadFile(existing); string(b) != "keep me" {
		t.Errorf("existing file changed to %q", b)
	}

	path, _ := writeSample(t, sampleReport())
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm&^FileMode != 0 {
		t.Errorf("workbook mode = %v, want within %v", perm, os.FileMode(FileMode))
	}
}
