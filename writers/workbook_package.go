package writers

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
)

// rootRelsPart holds the package's relationships, which name its workbook.
const rootRelsPart = "_rels/.rels"

// writePackage writes the workbook to dst: the entries of excelize's package
// src, copied as they are, except the worksheet parts of sheets, which are
// made here, each followed by its relationships part when it has links.
func writePackage(dst io.Writer, src *zip.Reader, sheets []*dataSheet) error {
	parts, err := sheetParts(src)
	if err != nil {
		return err
	}
	inPackage := make(map[string]bool, len(src.File))
	for _, zf := range src.File {
		inPackage[zf.Name] = true
	}
	type made struct{ sheet, rels *part }
	ours := make(map[string]made, len(sheets)) // by excelize's part name
	// Relationships excelize made for a data sheet belong to the worksheet
	// XML it made, which is replaced: the sheet's relationships are now
	// those of its links, or none.
	replaced := make(map[string]bool, len(sheets))
	for _, s := range sheets {
		name, ok := parts[s.name]
		if !ok {
			return fmt.Errorf("write sheet %q: workbook has no such sheet", s.name)
		}
		if !inPackage[name] {
			return fmt.Errorf("write sheet %q: package has no part %s", s.name, name)
		}
		rels := path.Join(path.Dir(name), "_rels", path.Base(name)+".rels")
		m := made{sheet: s.worksheetPart(name)}
		if len(s.links) > 0 {
			m.rels = s.relsPart(rels)
		}
		ours[name], replaced[rels] = m, true
	}
	var order []*part // as they are written, so the first are ready first
	for _, zf := range src.File {
		if m, ok := ours[zf.Name]; ok {
			order = append(order, m.sheet)
			if m.rels != nil {
				order = append(order, m.rels)
			}
		}
	}
	stop := compressParts(order)
	defer stop()

	zw := zip.NewWriter(dst)
	for _, zf := range src.File {
		var err error
		if m, ok := ours[zf.Name]; ok {
			err = m.sheet.write(zw)
			if err == nil && m.rels != nil {
				err = m.rels.write(zw)
			}
		} else if !replaced[zf.Name] {
			err = zw.Copy(zf)
		}
		if err != nil {
			return fmt.Errorf("write part %s: %w", zf.Name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("finish zip: %w", err)
	}
	return nil
}

// relationship is one entry of a relationships part.
type relationship struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
}

func parseRels(b []byte) ([]relationship, error) {
	var doc struct {
		Rels []relationship `xml:"Relationship"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("parse relationships: %w", err)
	}
	return doc.Rels, nil
}

// sheetParts maps each sheet's name to its worksheet part, the way a reader
// of the package finds it: the package relationships name the workbook
// part, whose relationships name the parts of its sheets.
func sheetParts(src *zip.Reader) (map[string]string, error) {
	rels, err := readRels(src, rootRelsPart)
	if err != nil {
		return nil, err
	}
	var book string
	for _, r := range rels {
		if r.Type == relTypeOfficeDoc {
			book = resolvePart("", r.Target)
			break
		}
	}
	if book == "" {
		return nil, fmt.Errorf("find workbook part: %s names none", rootRelsPart)
	}
	bookRels, err := readRels(src, path.Join(path.Dir(book), "_rels", path.Base(book)+".rels"))
	if err != nil {
		return nil, err
	}
	targets := make(map[string]string, len(bookRels))
	for _, r := range bookRels {
		targets[r.ID] = resolvePart(path.Dir(book), r.Target)
	}
	b, err := fs.ReadFile(src, book)
	if err != nil {
		return nil, fmt.Errorf("read workbook part %s: %w", book, err)
	}
	var doc struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("parse workbook part %s: %w", book, err)
	}
	parts := make(map[string]string, len(doc.Sheets))
	for _, s := range doc.Sheets {
		if target, ok := targets[s.RID]; ok {
			parts[s.Name] = target
		}
	}
	return parts, nil
}

func readRels(src *zip.Reader, name string) ([]relationship, error) {
	b, err := fs.ReadFile(src, name)
	if err != nil {
		return nil, fmt.Errorf("read relationships %s: %w", name, err)
	}
	rels, err := parseRels(b)
	if err != nil {
		return nil, fmt.Errorf("read relationships %s: %w", name, err)
	}
	return rels, nil
}

// resolvePart turns a relationship's target into a zip entry name: a target
// starting with "/" is from the package root, any other from dir, the
// folder of the part the relationship belongs to.
func resolvePart(dir, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return path.Join(dir, target)
}
