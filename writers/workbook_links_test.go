package writers

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
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

func TestWorkbookLinksPlacement(t *testing.T) {
	const (
		decl = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"
		rows = `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a &lt;/sheetData&gt; b</t></is></c></row></sheetData>`
		main = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" `
		root = main + `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`
		mc   = `xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`
		// The two links of every case, as the root's r prefix lets them be.
		links = `<hyperlink ref="O2" r:id="rIdL1"/><hyperlink ref="O3" r:id="rIdL2"/>`
	)
	for _, c := range []struct {
		name, root, tail, want string
	}{
		{"before pageSetup", root,
			`<autoFilter ref="A1:P3"></autoFilter><pageSetup orientation="landscape"></pageSetup><drawing r:id="rId1"></drawing></worksheet>`,
			`<autoFilter ref="A1:P3"></autoFilter><hyperlinks>` + links + `</hyperlinks><pageSetup orientation="landscape"></pageSetup><drawing r:id="rId1"></drawing></worksheet>`},
		{"at the end", root,
			`<autoFilter ref="A1:P3"/><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`,
			`<autoFilter ref="A1:P3"/><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><hyperlinks>` + links + `</hyperlinks></worksheet>`},
		{"only children of the worksheet count", root,
			`<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>1</formula></cfRule><extLst><ext uri="u"/></extLst></conditionalFormatting><printOptions gridLines="1"/></worksheet>`,
			`<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>1</formula></cfRule><extLst><ext uri="u"/></extLst></conditionalFormatting><hyperlinks>` + links + `</hyperlinks><printOptions gridLines="1"/></worksheet>`},
		{"before alternate content", root,
			`<mc:AlternateContent ` + mc + `><mc:Choice Requires="x14"><controls/></mc:Choice></mc:AlternateContent></worksheet>`,
			`<hyperlinks>` + links + `</hyperlinks><mc:AlternateContent ` + mc + `><mc:Choice Requires="x14"><controls/></mc:Choice></mc:AlternateContent></worksheet>`},
		{"into the sheet's hyperlinks", root,
			`<hyperlinks><hyperlink ref="B1" location="'Summary'!A1"/></hyperlinks><pageMargins left="0.7"/></worksheet>`,
			`<hyperlinks><hyperlink ref="B1" location="'Summary'!A1"/>` + links + `</hyperlinks><pageMargins left="0.7"/></worksheet>`},
		{"into empty hyperlinks", root,
			`<hyperlinks /></worksheet>`,
			`<hyperlinks >` + links + `</hyperlinks></worksheet>`},
		{"a quoted > in the root tag", root[:len(root)-1] + ` note="a > b">`,
			`</worksheet>`,
			`<hyperlinks>` + links + `</hyperlinks></worksheet>`},
		{"root without the r prefix", main[:len(main)-1] + ">",
			`</worksheet>`,
			`<hyperlinks><hyperlink ref="O2" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdL1"/>` +
				`<hyperlink ref="O3" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rIdL2"/></hyperlinks></worksheet>`},
	} {
		head := decl + "<!-- made by hand > -->" + c.root
		got, err := linkSheetText(head+rows+c.tail, "rIdL")
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if want := head + rows + c.want; got != want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, want)
		}
	}
}

// linkSheetText runs linkWorksheet on a worksheet text, adding links to O2
// and O3.
func linkSheetText(sheet, idPrefix string) (string, error) {
	var out bytes.Buffer
	w := bufio.NewWriter(&out)
	s := &linkedSheet{idPrefix: idPrefix, links: []sheetLink{{"O2", "mailto:a@b.example"}, {"O3", "mailto:c@d.example"}}}
	if err := linkWorksheet(w, bufio.NewReader(strings.NewReader(sheet)), s); err != nil {
		return "", err
	}
	if err := w.Flush(); err != nil {
		return "", err
	}
	return out.String(), nil
}

func TestWorkbookLinksRejectOddWorksheets(t *testing.T) {
	for _, c := range []struct{ name, sheet, want string }{
		{"not a worksheet", `<chartsheet xmlns="m"><sheetPr/></chartsheet>`, "found <chartsheet>"},
		{"prefixed root", `<x:worksheet xmlns:x="m"><x:sheetData/></x:worksheet>`, "found <x:worksheet>"},
		{"no end of rows", `<worksheet xmlns="m"><sheetData/></worksheet>`, "find end of sheetData"},
		{"cut short", `<worksheet xmlns="m"><sheetData></sheetData><pageSetup`, "place hyperlinks"},
		{"no root", `<?xml version="1.0"?>`, "unexpected EOF"},
	} {
		if _, err := linkSheetText(c.sheet, "rIdL"); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want one saying %q", c.name, err, c.want)
		}
	}
}

func TestWorkbookLinksFindRowsEndAcrossReads(t *testing.T) {
	// A 16-byte reader splits the marker at every position as pad grows.
	for pad := range 40 {
		rows := "<sheetData>" + strings.Repeat("x", pad) + "</sheetData>"
		var out bytes.Buffer
		w := bufio.NewWriter(&out)
		tail, err := copyThroughSheetData(w, bufio.NewReaderSize(strings.NewReader(rows+"<pageSetup/></worksheet>"), 16))
		if err != nil {
			t.Fatalf("pad %d: %v", pad, err)
		}
		_ = w.Flush()
		if out.String() != rows || string(tail) != "<pageSetup/></worksheet>" {
			t.Errorf("pad %d: copied %q, tail %q", pad, out.String(), tail)
		}
	}
}

func TestWorkbookLinksMergeRels(t *testing.T) {
	const (
		open = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
		mine = `<Relationship Id="rIdL1" Type="t" Target="../drawings/drawing1.xml"/>`
	)
	added := func(id string) string {
		return `<Relationship Id="` + id + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"` +
			` Target="mailto:a@b.example?subject=Q&amp;A&#xA;" TargetMode="External"/>`
	}
	for _, c := range []struct{ in, want string }{
		// The sheet's own rIdL1 pushes the links' ids to rIdLL1, ...
		{open + mine + `</Relationships>`, open + mine + added("rIdLL1") + `</Relationships>`},
		{open[:len(open)-1] + `/>`, open + added("rIdL1") + `</Relationships>`},
	} {
		rels, err := parseRels([]byte(c.in))
		if err != nil {
			t.Fatal(err)
		}
		s := &linkedSheet{idPrefix: freeIDPrefix(rels, "rIdL"), links: []sheetLink{{"O2", "mailto:a@b.example?subject=Q&A\n"}}}
		var out bytes.Buffer
		w := bufio.NewWriter(&out)
		if err := mergeRels(w, bufio.NewReader(strings.NewReader(c.in)), s); err != nil {
			t.Fatal(err)
		}
		_ = w.Flush()
		if out.String() != c.want {
			t.Errorf("merged\n got %s\nwant %s", out.String(), c.want)
		}
	}
}

func TestWorkbookLinksFreeIDPrefix(t *testing.T) {
	for _, c := range []struct {
		ids  []string
		want string
	}{
		{nil, "rIdL"},
		{[]string{"rId1", "rId2", "rIdx"}, "rIdL"},
		{[]string{"rId1", "rIdL7"}, "rIdLL"},
		{[]string{"rIdL1", "rIdLL"}, "rIdLLL"},
	} {
		var rels []relationship
		for _, id := range c.ids {
			rels = append(rels, relationship{ID: id})
		}
		if got := freeIDPrefix(rels, "rIdL"); got != c.want {
			t.Errorf("freeIDPrefix(%q) = %q, want %q", c.ids, got, c.want)
		}
	}
}

func TestWorkbookLinksUnknownSheet(t *testing.T) {
	pkg := otherPartsBook(t)
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		t.Fatal(err)
	}
	err = linkWorkbook(io.Discard, zr, sheetLinks{"Nope": {{"A1", "mailto:a@b.example"}}})
	if err == nil || !strings.Contains(err.Error(), `sheet "Nope"`) {
		t.Errorf("err = %v, want one naming sheet \"Nope\"", err)
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

func TestWorkbookLinksAttrValueRoundTrips(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"mailto:a@b.example", "mailto:a@b.example"},
		{`mailto:a@b.example?subject=Q&A "<1>" 'x'`, `mailto:a@b.example?subject=Q&A "<1>" 'x'`},
		{"mailto:zoë@b.example?body=a\tb\nc\r&d", "mailto:zoë@b.example?body=a\tb\nc\r&d"},
		{"a&\x01b", "a&\uFFFDb"},
		{"a\xffb&", "a\uFFFDb&"},
	} {
		var out bytes.Buffer
		w := bufio.NewWriter(&out)
		writeAttrValue(w, c.in)
		_ = w.Flush()
		var el struct {
			V string `xml:"v,attr"`
		}
		if err := xml.Unmarshal([]byte(`<a v="`+out.String()+`"/>`), &el); err != nil || el.V != c.want {
			t.Errorf("writeAttrValue(%q) = %q, reads back as %q (err %v), want %q", c.in, out.String(), el.V, err, c.want)
		}
	}
}
