package writers

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// otherPartsBook is an excelize workbook whose one sheet, Data, has what a
// linked sheet must keep: a chart (a drawing relationship), a link of its
// own and a page setup.
func otherPartsBook(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", "Data"))
	must(f.SetSheetRow("Data", "A1", &[]any{"Name", "Count"}))
	must(f.SetSheetRow("Data", "A2", &[]any{"x", 1}))
	must(f.SetSheetRow("Data", "A3", &[]any{"y", 2}))
	must(f.AddChart("Data", "D2", &excelize.Chart{Type: excelize.Col, Series: []excelize.ChartSeries{
		{Name: "Data!$B$1", Categories: "Data!$A$2:$A$3", Values: "Data!$B$2:$B$3"},
	}}))
	must(f.SetCellHyperLink("Data", "A2", "https://example.com/own", "External"))
	landscape := "landscape"
	must(f.SetPageLayout("Data", &excelize.PageLayoutOptions{Orientation: &landscape}))
	buf, err := f.WriteToBuffer()
	must(err)
	return buf.Bytes()
}

// linkPackage runs linkWorkbook on the package pkg.
func linkPackage(t *testing.T, pkg []byte, links sheetLinks) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := linkWorkbook(&out, zr, links); err != nil {
		t.Fatalf("linkWorkbook: %v", err)
	}
	return out.Bytes()
}

// zipParts returns the entries of a zip in order, with their content.
func zipParts(t *testing.T, b []byte) (names []string, content map[string]string, methods map[string]uint16) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	content, methods = map[string]string{}, map[string]uint16{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("read %s: %v", zf.Name, err)
		}
		names = append(names, zf.Name)
		content[zf.Name], methods[zf.Name] = string(data), zf.Method
	}
	return names, content, methods
}

func TestWorkbookLinksKeepTheSheetsOtherParts(t *testing.T) {
	pkg := otherPartsBook(t)
	links := []sheetLink{
		{"B2", `mailto:a@b.example?subject=Q&A "<1>"`},
		{"B3", "mailto:zoë@b.example?body=line%0Aline"},
	}
	out := linkPackage(t, pkg, sheetLinks{"Data": links})

	f, err := excelize.OpenReader(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("excelize cannot open the linked workbook: %v", err)
	}
	defer f.Close()
	for cell, want := range map[string]string{"A2": "https://example.com/own", "B2": links[0].target, "B3": links[1].target} {
		if linked, target, err := f.GetCellHyperLink("Data", cell); err != nil || !linked || target != want {
			t.Errorf("Data!%s links to %q (linked %v, err %v), want %q", cell, target, linked, err, want)
		}
	}

	names, before, _ := zipParts(t, pkg)
	gotNames, after, methods := zipParts(t, out)
	const sheet, rels = "xl/worksheets/sheet1.xml", "xl/worksheets/_rels/sheet1.xml.rels"
	if strings.Join(gotNames, " ") != strings.Join(names, " ") {
		t.Errorf("entries = %q, want those of the input in its order %q", gotNames, names)
	}
	for _, name := range gotNames {
		if methods[name] != zip.Deflate {
			t.Errorf("%s is stored with method %d, want Deflate", name, methods[name])
		}
		if name != sheet && name != rels && after[name] != before[name] {
			t.Errorf("%s changed", name)
		}
	}

	// The sheet keeps its relationships, drawing included, word for word,
	// and each link has one of its own.
	oldRels, err := parseRels([]byte(before[rels]))
	if err != nil {
		t.Fatal(err)
	}
	newRels, err := parseRels([]byte(after[rels]))
	if err != nil {
		t.Fatal(err)
	}
	if len(newRels) != len(oldRels)+len(links) {
		t.Fatalf("sheet has %d relationships, want %d kept and %d added: %+v", len(newRels), len(oldRels), len(links), newRels)
	}
	drawing := false
	for i, r := range oldRels {
		if newRels[i] != r {
			t.Errorf("relationship %d = %+v, want it kept as %+v", i, newRels[i], r)
		}
		drawing = drawing || strings.HasSuffix(r.Type, "/drawing")
	}
	if !drawing {
		t.Fatalf("test book has no drawing relationship: %+v", oldRels)
	}
	ids := map[string]bool{}
	for _, r := range newRels {
		if ids[r.ID] {
			t.Errorf("relationship id %s is used twice", r.ID)
		}
		ids[r.ID] = true
	}

	// One hyperlinks element, after the rows and before the page setup
	// and the drawing, holds the sheet's own link and the new ones.
	part := after[sheet]
	if n := strings.Count(part, "<hyperlinks>"); n != 1 {
		t.Fatalf("sheet has %d hyperlinks elements, want 1:\n%s", n, part)
	}
	order := []string{"</sheetData>", `<hyperlink ref="A2"`, `<hyperlink ref="B2" r:id="rIdL1"/>`,
		`<hyperlink ref="B3" r:id="rIdL2"/>`, "</hyperlinks>", "<pageSetup", "<drawing"}
	last := -1
	for _, s := range order {
		i := strings.Index(part, s)
		if i <= last {
			t.Fatalf("%q is at %d, want after %d in:\n%s", s, i, last, part)
		}
		last = i
	}
}

func TestWorkbookLinksAddRelsContentType(t *testing.T) {
	pkg := otherPartsBook(t)
	const relsDefault = `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"></Default>`
	without := rewriteZipPart(t, pkg, contentTypesPart, func(s string) string {
		if !strings.Contains(s, relsDefault) {
			t.Fatalf("excelize wrote content types without %s:\n%s", relsDefault, s)
		}
		return strings.Replace(s, relsDefault, "", 1)
	})
	links := sheetLinks{"Data": {{"B2", "mailto:a@b.example"}}}

	_, kept, _ := zipParts(t, linkPackage(t, pkg, links))
	_, orig, _ := zipParts(t, pkg)
	if kept[contentTypesPart] != orig[contentTypesPart] {
		t.Errorf("content types changed though they had the rels default")
	}

	_, added, _ := zipParts(t, linkPackage(t, without, links))
	types := added[contentTypesPart]
	if n := strings.Count(types, `Extension="rels"`); n != 1 || !strings.HasSuffix(types,
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>`) {
		t.Errorf("content types declare rels %d times, want once, at the end:\n%s", n, types)
	}
}

// rewriteZipPart returns pkg with the content of part passed through edit.
func rewriteZipPart(t *testing.T, pkg []byte, part string, edit func(string) string) []byte {
	t.Helper()
	names, content, _ := zipParts(t, pkg)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, name := range names {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		s := content[name]
		if name == part {
			s = edit(s)
		}
		if _, err := io.WriteString(w, s); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func TestWorkbookLinksUnknownSheet(t *testing.T) {
	pkg := otherPartsBook(t)
	partGone := rewriteZipPart(t, pkg, "xl/_rels/workbook.xml.rels", func(s string) string {
		return strings.Replace(s, `Target="worksheets/sheet1.xml"`, `Target="worksheets/gone.xml"`, 1)
	})
	for _, c := range []struct {
		name  string
		pkg   []byte
		sheet string
		want  string
	}{
		{"no such sheet", pkg, "Nope", `add links to sheet "Nope": workbook has no such sheet`},
		{"sheet without its part", partGone, "Data", `add links to sheet "Data": package has no part xl/worksheets/gone.xml`},
	} {
		zr, err := zip.NewReader(bytes.NewReader(c.pkg), int64(len(c.pkg)))
		if err != nil {
			t.Fatal(err)
		}
		err = linkWorkbook(io.Discard, zr, sheetLinks{c.sheet: {{"A1", "mailto:a@b.example"}}})
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
	}
}

// TestWorkbookLinksInDataSheets checks the links WriteWorkbook writes where
// the schema wants them, in the Introducers sheet's own part.
func TestWorkbookLinksInDataSheets(t *testing.T) {
	path, _ := writeSample(t, sampleReport())
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	parts, err := sheetParts(&zr.Reader)
	if err != nil {
		t.Fatal(err)
	}
	sheets := zipTexts(t, path, parts["Introducers"])
	if len(sheets) != 1 {
		t.Fatalf("found %d parts for Introducers (%v), want 1", len(sheets), parts)
	}
	part := sheets[0]
	last := -1
	for _, s := range []string{"</sheetData>", "<autoFilter", `<hyperlinks><hyperlink ref="O2" r:id="rIdL1"/>`,
		`<hyperlink ref="O13" r:id="rIdL11"/></hyperlinks>`, "<pageSetup", "</worksheet>"} {
		i := strings.Index(part, s)
		if i <= last {
			t.Fatalf("%q is at %d, want after %d in:\n%s", s, i, last, part[strings.Index(part, "</sheetData>"):])
		}
		last = i
	}
	f := openBook(t, path)
	for _, name := range []string{"Drafts", "No introducer yet", "Summary"} {
		if cells, err := f.GetHyperLinkCells(name, ""); err != nil || len(cells) != 0 {
			t.Errorf("%s has links %q (err %v), want none", name, cells, err)
		}
	}
}
