package writers

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

// summaryText is all the Summary's text, one cell after another.
func summaryText(t *testing.T, path string) string {
	t.Helper()
	var b strings.Builder
	for _, row := range sheetRows(t, openBook(t, path), "Summary") {
		b.WriteString(strings.Join(row, " "))
		b.WriteString("\n")
	}
	return b.String()
}

func TestWorkbookContinuesOnNumberedSheets(t *testing.T) {
	// Four data rows and three links per sheet. Row 6 of the report has no
	// link, so "Introducers 2" fills up on rows and the others on links.
	withLimits(t, 5, 3)
	r := sampleReport()
	path, stats := writeSample(t, r)
	f := openBook(t, path)

	want := []SheetStats{
		{"Introducers", 3}, {"Introducers 2", 4}, {"Introducers 3", 3}, {"Introducers 4", 2},
		{"Drafts", 4}, {"Drafts 2", 4}, {"Drafts 3", 3}, {"No introducer yet", 3},
	}
	if !reflect.DeepEqual(stats.Sheets, want) {
		t.Fatalf("sheets = %+v, want %+v", stats.Sheets, want)
	}
	wantNames := []string{"Summary"}
	for _, s := range want {
		wantNames = append(wantNames, s.Name)
	}
	if got := f.GetSheetList(); !reflect.DeepEqual(got, wantNames) {
		t.Fatalf("sheet list = %q, want %q", got, wantNames)
	}

	// Every introducer row is on exactly one sheet, in order, with its link.
	next := 0
	for _, s := range want[:4] {
		rows := sheetRows(t, f, s.Name)
		if !reflect.DeepEqual(rows[0], wantIntroducerHeader) {
			t.Errorf("%s header = %q", s.Name, rows[0])
		}
		if len(rows)-1 != s.Rows {
			t.Errorf("%s has %d data rows, want %d", s.Name, len(rows)-1, s.Rows)
		}
		links, err := f.GetHyperLinkCells(s.Name, "External")
		if err != nil {
			t.Fatal(err)
		}
		if len(links) > maxLinksPerSheet {
			t.Errorf("%s has %d links, over the limit of %d", s.Name, len(links), maxLinksPerSheet)
		}
		for i, row := range rows[1:] {
			ri := r.Introducers[next]
			next++
			if row[0] != *ri.LeadFullName || row[4] != strconv.Itoa(int(ri.Rank)) {
				t.Errorf("%s row %d = %q rank %s, want %q rank %d", s.Name, i+2, row[0], row[4], *ri.LeadFullName, ri.Rank)
			}
			_, target, err := f.GetCellHyperLink(s.Name, "O"+strconv.Itoa(i+2))
			if err != nil || target != ri.Mailto {
				t.Errorf("%s O%d links to %q (err %v), want %q", s.Name, i+2, target, err, ri.Mailto)
			}
		}
	}
	if next != len(r.Introducers) {
		t.Errorf("introducer sheets hold %d rows, want %d", next, len(r.Introducers))
	}
	filters := map[string]bool{}
	for _, d := range f.GetDefinedName() {
		filters[d.RefersTo] = d.Name == "_xlnm._FilterDatabase"
	}
	if !filters["'Introducers 2'!$A$1:$P$5"] || !filters["'Drafts 3'!$A$1:$G$4"] {
		t.Errorf("continuation sheets lack their autofilter: %v", filters)
	}

	text := summaryText(t, path)
	for _, want := range []string{
		"The Introducers list is longer than one sheet holds (4 rows or 3 links), so it continues on Introducers 2, Introducers 3 and Introducers 4",
		"The Drafts list is longer than one sheet holds (4 rows), so it continues on Drafts 2 and Drafts 3",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("Summary lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "No introducer yet list") {
		t.Errorf("Summary says the gap list continued; it did not:\n%s", text)
	}
}

func TestWorkbookCutsLongText(t *testing.T) {
	r := sampleReport()
	longName := strings.Repeat("x", 40000)
	longBody := strings.Repeat("ab😀", 12000) // 48,000 UTF-16 units; the emoji takes two
	r.Introducers[0].LeadFullName = &longName
	r.Drafts[0].Body = longBody
	path, stats := writeSample(t, r)
	f := openBook(t, path)

	// The lead name is cut on Introducers and on its three drafts, the body once.
	if stats.TruncatedCells != 5 {
		t.Errorf("TruncatedCells = %d, want 5", stats.TruncatedCells)
	}
	name := cellValue(t, f, "Introducers", "A2", true)
	if want := strings.Repeat("x", 32767-6) + "…[cut]"; name != want {
		t.Errorf("cut name has %d units and ends %q, want %d units ending …[cut]", utf16Len(name), name[len(name)-12:], utf16Len(want))
	}
	body := cellValue(t, f, "Drafts", "G2", true)
	kept := strings.TrimSuffix(body, "…[cut]")
	if kept == body || !strings.HasPrefix(longBody, kept) || utf16Len(body) > 32767 || utf16Len(body) < 32766 {
		t.Errorf("cut body: %d units, ends %q; want 32,766 to 32,767 units, a prefix of the body and …[cut]", utf16Len(body), body[len(body)-12:])
	}
	if !strings.Contains(summaryText(t, path), "5 cells were longer than Excel's limit of 32,767 characters") {
		t.Error("Summary does not mention the cut cells")
	}
}

func TestWorkbookLinkTooLongForExcel(t *testing.T) {
	r := sampleReport()
	longest := "mailto:a@b.example?body=" + strings.Repeat("a", 2079-len("mailto:a@b.example?body="))
	r.Introducers[0].Mailto = longest + "a"
	r.Introducers[1].Mailto = longest
	path, _ := writeSample(t, r)
	f := openBook(t, path)

	if linked, _, _ := f.GetCellHyperLink("Introducers", "O2"); linked {
		t.Error("O2 links a 2,080-character target; Excel would drop every link of the sheet")
	}
	if got := cellValue(t, f, "Introducers", "O2", false); got != "Draft too long for a link: see Drafts" {
		t.Errorf("O2 = %q, want the too-long notice", got)
	}
	if linked, target, _ := f.GetCellHyperLink("Introducers", "O3"); !linked || target != longest {
		t.Errorf("O3 with a 2,079-character target: linked %v to %d characters, want linked", linked, len(target))
	}
	if !strings.Contains(summaryText(t, path), `1 draft is too long for a "Get introduced" link`) {
		t.Error("Summary does not mention the draft too long for a link")
	}
}

func TestWorkbookCutText(t *testing.T) {
	emoji := strings.Repeat("😀", 20000) // 40,000 units
	for _, c := range []struct {
		name    string
		in      string
		wantCut bool
		units   int
	}{
		{"short", "hello", false, 5},
		{"at the limit", strings.Repeat("é", 32767), false, 32767},
		{"one over", strings.Repeat("a", 32768), true, 32767},
		// 32,761 units of prefix would split an emoji: keep 32,760.
		{"surrogate pairs", emoji, true, 32766},
	} {
		got, cut := cutText(c.in)
		if cut != c.wantCut || utf16Len(got) != c.units {
			t.Errorf("%s: cut %v to %d units, want cut %v to %d", c.name, cut, utf16Len(got), c.wantCut, c.units)
		}
		if cut && (!strings.HasSuffix(got, cutMark) || !strings.HasPrefix(c.in, strings.TrimSuffix(got, cutMark))) {
			t.Errorf("%s: cut text is not a prefix followed by %q", c.name, cutMark)
		}
		if n := len(utf16.Encode([]rune(got))); n != utf16Len(got) {
			t.Errorf("%s: utf16Len = %d, encoding gives %d", c.name, utf16Len(got), n)
		}
	}
}

func TestWorkbookHelpers(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 1048575: "1,048,575", -65530: "-65,530"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
	for _, c := range []struct {
		in   []string
		want string
	}{{nil, ""}, {[]string{"A"}, "A"}, {[]string{"A", "B"}, "A and B"}, {[]string{"A", "B", "C"}, "A, B and C"}} {
		if got := joinWords(c.in); got != c.want {
			t.Errorf("joinWords(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// 99 characters per line at width 90: 3 lines, then 2 more for 150.
	for _, c := range []struct {
		in   string
		want float64
	}{{"", 15}, {"Hi,\n\nThanks", 45}, {strings.Repeat("w", 150), 30}, {strings.Repeat("line\n", 100), 409}} {
		if got := wrappedHeight(c.in, 90); got != c.want {
			t.Errorf("wrappedHeight(%.20q) = %v, want %v", c.in, got, c.want)
		}
	}
	fit := newWidthFit([]column{{"Name", 10}, {"Rank", 0}})
	fit.see(0, "Zoë")
	if got := fit.widths(); !reflect.DeepEqual(got, []float64{7, 7}) {
		t.Errorf("widths after a short name = %v, want the header's [7 7]", got)
	}
	fit.see(0, "Zoë Ångström") // 12 runes, 15 bytes
	if got := fit.widths(); !reflect.DeepEqual(got, []float64{10, 7}) {
		t.Errorf("widths after a long name = %v, want the cap [10 7]", got)
	}
	fit = newWidthFit([]column{{"Name", 40}})
	fit.see(0, "Zoë Ångström")
	if got := fit.widths(); !reflect.DeepEqual(got, []float64{14}) {
		t.Errorf("widths = %v, want runes plus two [14]", got)
	}
}
