package writers

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// testCell is one cell of a data row: a string, int64, float64 or
// time.Time, as the lists give them to a cellSink.
type testCell struct {
	value any
	style int
}

func (c testCell) give(sink cellSink) {
	switch v := c.value.(type) {
	case string:
		sink.text(v, c.style)
	case int64:
		sink.number(v, c.style)
	case float64:
		sink.decimal(v, c.style)
	case time.Time:
		sink.date(v, c.style)
	}
}

// streamValue is the value the workbook gave excelize's StreamWriter for the
// cell before it wrote the XML itself: cut text, nothing for empty text or
// no date, the UTC day of a time.
func (c testCell) streamValue() any {
	switch v := c.value.(type) {
	case string:
		if v == "" {
			return nil
		}
		v, _ = cutText(v)
		return excelize.Cell{StyleID: c.style, Value: v}
	case time.Time:
		if v.IsZero() {
			return nil
		}
		return excelize.Cell{StyleID: c.style, Value: utcDay(v)}
	default:
		return excelize.Cell{StyleID: c.style, Value: v}
	}
}

// TestWorkbookCellsAsExcelizeWrites checks that rowXML writes each kind of
// cell byte for byte as excelize's StreamWriter writes the same value, so a
// reader of the workbook sees what it saw when excelize wrote the rows:
// escaping, characters XML cannot hold, literal _xHHHH_, spaces at either
// end, formula-like text, numbers that are not numbers, days around
// Excel's first, row heights.
func TestWorkbookCellsAsExcelizeWrites(t *testing.T) {
	day := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	texts := []string{
		"plain", `=HYPERLINK("http://x","y")`, "+1 Corp", "-minus", "@home", `Q&A <b> 'x' "y" a>b`,
		"tab\there", "line\nbreak", "cr\rlf\r\n", " leading", "trailing ", "\ttab first", "\nnewline first",
		"last\r", "ctrl\x01\x08\x1f\x00", "bad\xffutf8\xc3", "surrogate \xed\xa0\x80", "nonchars \uFFFE\uFFFF",
		"kept \uFFFD", "emoji 😀 Zoë", "\x7f del", "_x0041_", "a_x0041_b_x00e9_c", "_x005F_", "_x005F_x0041_",
		"_x005F_xD800_", "_x005f_x0041_", "_x005F_x004", "_xD800_ and _xdfff_ and _xE000_", "_x12_", "_x123G_",
		"__x0041__", "_x0041_x0042_", "_", "x_", strings.Repeat("long ", 8000),
		strings.Repeat("😀", 20000),
	}
	var rows [][]testCell
	for _, s := range texts {
		rows = append(rows, []testCell{{s, 2}, {"", 2}, {s, 0}})
	}
	rows = append(rows,
		[]testCell{{int64(0), 4}, {int64(-5), 2}, {int64(math.MaxInt64), 2}, {int64(7), 0}},
		[]testCell{{41.04, 5}, {90.0, 5}, {1e21, 5}, {1e-7, 5}, {math.Copysign(0, -1), 5}, {100.0 / 3, 5}},
		[]testCell{{math.NaN(), 5}, {math.Inf(1), 5}, {math.Inf(-1), 5}},
		[]testCell{{day("2025-06-27T17:45:00Z"), 6}, {time.Time{}, 6}, {day("2025-01-01T01:00:00+02:00"), 6},
			{day("9999-12-31T23:59:59Z"), 6}},
		[]testCell{{day("1900-01-01T00:00:00Z"), 6}, {day("1900-02-28T12:00:00Z"), 6}, {day("1900-03-01T00:00:00Z"), 6},
			{day("1899-12-31T00:00:00Z"), 6}, {day("1899-12-30T23:00:00Z"), 6}, {day("1066-10-14T09:00:00Z"), 6}},
	)
	heights := map[int]float64{2: 105, 3: 409, 5: 22.5}

	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"A", "B", "C", "D", "E", "F"}
	var got []string
	for i, row := range rows {
		values := make([]any, len(row))
		for j, c := range row {
			values[j] = c.streamValue()
		}
		var opts []excelize.RowOpts
		if h := heights[i+1]; h > 0 {
			opts = append(opts, excelize.RowOpts{Height: h})
		}
		if err := sw.SetRow("A"+strconv.Itoa(i+1), values, opts...); err != nil {
			t.Fatalf("row %d: %v", i+1, err)
		}
		x := rowXML{names: names}
		x.startRow(i+1, heights[i+1])
		for _, c := range row {
			c.give(&x)
		}
		x.endRow()
		got = append(got, string(x.b))
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	sheet := zipEntry(t, buf.Bytes(), "xl/worksheets/sheet1.xml")
	data := sheet[strings.Index(sheet, "<sheetData>")+len("<sheetData>") : strings.Index(sheet, "</sheetData>")]
	want := strings.SplitAfter(data, "</row>")
	want = want[:len(want)-1]
	if len(want) != len(got) {
		t.Fatalf("excelize wrote %d rows, rowXML %d", len(want), len(got))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("row %d:\n got %.300q\nwant %.300q", i+1, got[i], want[i])
		}
	}
}

// zipEntry is the content of the entry name of the zip b.
func zipEntry(t *testing.T, b []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestWorkbookExcelDay(t *testing.T) {
	for _, c := range []struct {
		day    string
		serial int64
		ok     bool
	}{
		{"1899-12-30", 0, false},
		{"1899-12-31", 0, false}, // Excel's day 0, which it shows as 1900-01-00
		{"1900-01-01", 1, true},
		{"1900-02-28", 59, true},
		// Excel counts a 29 February 1900, serial 60, that never was.
		{"1900-03-01", 61, true},
		{"1970-01-01", 25569, true},
		{"2025-06-01", 45809, true},
	} {
		d, err := time.Parse(time.DateOnly, c.day)
		if err != nil {
			t.Fatal(err)
		}
		if serial, ok := excelDay(d); serial != c.serial || ok != c.ok {
			t.Errorf("excelDay(%s) = %d, %v; want %d, %v", c.day, serial, ok, c.serial, c.ok)
		}
	}
}

func TestWorkbookAttrValueRoundTrips(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"mailto:a@b.example", "mailto:a@b.example"},
		{`mailto:a@b.example?subject=Q&A "<1>" 'x'`, `mailto:a@b.example?subject=Q&A "<1>" 'x'`},
		{"mailto:zoë@b.example?body=a\tb\nc\r&d", "mailto:zoë@b.example?body=a\tb\nc\r&d"},
		{"a&\x01b", "a&\uFFFDb"},
		{"a\xffb&", "a\uFFFDb&"},
		{"_x0041_", "_x0041_"},
	} {
		out := appendEscaped(nil, c.in, attrMarks)
		var el struct {
			V string `xml:"v,attr"`
		}
		if err := xml.Unmarshal([]byte(`<a v="`+string(out)+`"/>`), &el); err != nil || el.V != c.want {
			t.Errorf("appendEscaped(%q) = %q, reads back as %q (err %v), want %q", c.in, out, el.V, err, c.want)
		}
	}
}

// TestWorkbookTextReadsBack writes text that needs escaping into every data
// sheet and reads it back as a reader of the workbook would.
func TestWorkbookTextReadsBack(t *testing.T) {
	r := sampleReport()
	const (
		markup  = `Q&A <b>'x'</b> "y" a>b`
		spaced  = "  two spaces each side  "
		broken  = "ctrl\x01 bad\xff nonchar\uFFFE end"
		literal = "_x0041_ stays _x005F_ literal"
		lines   = "Hi,\r\n\tindented\nbye 😀"
	)
	ri := &r.Introducers[0]
	ri.LeadFullName, ri.LeadCompany, ri.IntroducerTitle = strp(markup), strp(spaced), strp(literal)
	ri.OwnerFullName = strp(broken)
	r.Drafts[0].Body, r.Drafts[0].Subject = lines, literal
	r.Gaps[0].FullName = broken
	path, _ := writeSample(t, r)
	f := openBook(t, path)

	const repaired = "ctrl\uFFFD bad\uFFFD nonchar\uFFFD end"
	for _, c := range []struct{ sheet, cell, want string }{
		{"Introducers", "A2", markup},
		{"Introducers", "B2", spaced},
		{"Introducers", "D2", repaired},
		{"Introducers", "G2", literal},
		{"Drafts", "A2", markup},
		{"Drafts", "F2", literal},
		{"Drafts", "G2", lines},
		{"No introducer yet", "A2", repaired},
	} {
		if got := cellValue(t, f, c.sheet, c.cell, true); got != c.want {
			t.Errorf("%s!%s = %q, want %q", c.sheet, c.cell, got, c.want)
		}
		if typ, _ := f.GetCellType(c.sheet, c.cell); typ != excelize.CellTypeInlineString {
			t.Errorf("%s!%s has type %v, want an inline string", c.sheet, c.cell, typ)
		}
	}
	rows := sheetRows(t, f, "Introducers")
	if got := rows[1][:4]; got[0] != markup || got[1] != spaced || got[3] != repaired {
		t.Errorf("Introducers row 2 reads %q", got)
	}

	// The row keeps its styles, date and link.
	for cell, want := range map[string]struct {
		vertical, numFmt string
		color            []string
	}{
		"A2": {"top", "", nil},
		"H2": {"top", "", []string{"C6EFCE"}},
		"N2": {"top", "yyyy-mm-dd", nil},
	} {
		id, err := f.GetCellStyle("Introducers", cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		numFmt := ""
		if st.CustomNumFmt != nil {
			numFmt = *st.CustomNumFmt
		}
		if st.Alignment == nil || st.Alignment.Vertical != want.vertical || numFmt != want.numFmt ||
			strings.Join(st.Fill.Color, ",") != strings.Join(want.color, ",") {
			t.Errorf("Introducers!%s style %+v (alignment %+v), want vertical %q, format %q, fill %v",
				cell, st, st.Alignment, want.vertical, want.numFmt, want.color)
		}
	}
	if got := cellValue(t, f, "Introducers", "N2", false); got != "2025-06-27" {
		t.Errorf("N2 shows %q, want 2025-06-27", got)
	}
	if linked, target, err := f.GetCellHyperLink("Introducers", "O2"); err != nil || !linked || target != ri.Mailto {
		t.Errorf("O2 linked %v to %q (err %v), want %q", linked, target, err, ri.Mailto)
	}
	// Three lines of 15 points.
	if h, err := f.GetRowHeight("Drafts", 2); err != nil || h != 45 {
		t.Errorf("Drafts row 2 is %v points high (err %v), want 45", h, err)
	}
}
