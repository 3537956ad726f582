package writers

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

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
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Data"); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	pkg := buf.Bytes()
	partGone := rewriteZipPart(t, pkg, "xl/_rels/workbook.xml.rels", func(s string) string {
		return strings.Replace(s, `Target="worksheets/sheet1.xml"`, `Target="worksheets/gone.xml"`, 1)
	})
	for _, c := range []struct {
		name  string
		pkg   []byte
		sheet string
		want  string
	}{
		{"no such sheet", pkg, "Nope", `write sheet "Nope": workbook has no such sheet`},
		{"sheet without its part", partGone, "Data", `write sheet "Data": package has no part xl/worksheets/gone.xml`},
	} {
		zr, err := zip.NewReader(bytes.NewReader(c.pkg), int64(len(c.pkg)))
		if err != nil {
			t.Fatal(err)
		}
		sheet := &dataSheet{sheetLayout: &sheetLayout{items: gapList{}, cols: gapColumns}, name: c.sheet}
		err = writePackage(io.Discard, zr, []*dataSheet{sheet})
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

// TestWorkbookPackageEntries checks the entries of a workbook whose
// Introducers continue on numbered sheets: each sheet with links is followed
// by its relationships part, the others have none, and every entry is
// compressed.
func TestWorkbookPackageEntries(t *testing.T) {
	withLimits(t, 5, 3)
	path, stats := writeSample(t, sampleReport())
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	parts, err := sheetParts(&zr.Reader)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	names, content, methods := zipParts(t, b)
	for _, name := range names {
		if methods[name] != zip.Deflate {
			t.Errorf("%s is stored with method %d, want Deflate", name, methods[name])
		}
	}
	for _, s := range stats.Sheets {
		part := parts[s.Name]
		rels := "xl/worksheets/_rels/" + strings.TrimPrefix(part, "xl/worksheets/") + ".rels"
		i := slices.Index(names, part)
		if i < 0 {
			t.Fatalf("%s: no part %s in %q", s.Name, part, names)
		}
		if !strings.Contains(content["[Content_Types].xml"], `PartName="/`+part+`"`) {
			t.Errorf("content types do not name %s", part)
		}
		_, hasRels := content[rels]
		if linked := strings.HasPrefix(s.Name, sheetIntroducers); linked != hasRels {
			t.Errorf("%s: relationships part %s present %v, want %v", s.Name, rels, hasRels, linked)
		}
		if hasRels && (i+1 >= len(names) || names[i+1] != rels) {
			t.Errorf("%s: %s does not follow %s in %q", s.Name, rels, part, names)
		}
	}
}
