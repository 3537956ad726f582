package writers

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
)

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
