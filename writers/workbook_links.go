package writers

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
)

// sheetLink is one external hyperlink of a data sheet: the cell it sits on
// and the URL it opens.
type sheetLink struct {
	ref    string // cell reference, "O2"
	target string
}

// sheetLinks holds the links of a workbook by sheet name, in row order.
//
// excelize's SetCellHyperLink costs time linear in the links already on the
// sheet (it searches them for the cell, and every relationship for the
// largest id), so a sheet of 65,530 links took about a minute. The links are
// recorded instead and written into the saved package by linkWorkbook, in
// time linear in their number.
type sheetLinks map[string][]sheetLink

// OOXML names the links' parts and relationships by these URIs.
const (
	nsRelationships    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPackageRels      = "http://schemas.openxmlformats.org/package/2006/relationships"
	relTypeOfficeDoc   = nsRelationships + "/officeDocument"
	relTypeHyperlink   = nsRelationships + "/hyperlink"
	contentTypeRels    = "application/vnd.openxmlformats-package.relationships+xml"
	contentTypesPart   = "[Content_Types].xml"
	rootRelsPart       = "_rels/.rels"
	linkRelationPrefix = "rIdL"
)

// linkedSheet is the plan for one sheet that gets links: its parts, its
// links and the ids their relationships take.
type linkedSheet struct {
	name      string
	part      string // "xl/worksheets/sheet2.xml"
	relsPart  string // "xl/worksheets/_rels/sheet2.xml.rels"
	hasRels   bool   // the package already holds relsPart
	idPrefix  string // the n-th link's relationship id is idPrefix + n
	links     []sheetLink
	partFound bool
}

// linkWorkbook copies the package src to dst as a zip of Deflate entries,
// adding links: each sheet's worksheet part gets its hyperlinks element and
// its relationships part (created, or merged with the relationships it
// already has) one external hyperlink relationship per link. Every other
// entry is copied as it is, still compressed. Entries keep their order; a
// relationships part created for a sheet follows the sheet's part.
func linkWorkbook(dst io.Writer, src *zip.Reader, links sheetLinks) error {
	plan, err := planLinks(src, links)
	if err != nil {
		return err
	}
	byPart := make(map[string]*linkedSheet, len(plan))
	byRels := make(map[string]*linkedSheet, len(plan))
	for _, s := range plan {
		byPart[s.part] = s
		byRels[s.relsPart] = s
	}
	zw := zip.NewWriter(dst)
	for _, zf := range src.File {
		var err error
		switch s := byPart[zf.Name]; {
		case s != nil:
			s.partFound = true
			err = copyEntry(zw, zf, func(w *bufio.Writer, r *bufio.Reader) error {
				return linkWorksheet(w, r, s)
			})
			if err == nil && !s.hasRels {
				err = writeEntry(zw, s.relsPart, func(w *bufio.Writer) error {
					return writeNewRels(w, s)
				})
			}
		case byRels[zf.Name] != nil:
			err = copyEntry(zw, zf, func(w *bufio.Writer, r *bufio.Reader) error {
				return mergeRels(w, r, byRels[zf.Name])
			})
		case zf.Name == contentTypesPart:
			err = copyContentTypes(zw, zf)
		case zf.Method == zip.Deflate:
			err = zw.Copy(zf)
		default:
			err = copyEntry(zw, zf, func(w *bufio.Writer, r *bufio.Reader) error {
				_, err := io.Copy(w, r)
				return err
			})
		}
		if err != nil {
			return fmt.Errorf("copy part %s: %w", zf.Name, err)
		}
	}
	for _, s := range plan {
		if !s.partFound {
			return fmt.Errorf("add links to sheet %q: package has no part %s", s.name, s.part)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("finish zip: %w", err)
	}
	return nil
}

// planLinks finds the parts of every sheet with links, and the ids their
// relationships can take without clashing with the ones a sheet has.
func planLinks(src *zip.Reader, links sheetLinks) ([]*linkedSheet, error) {
	if len(links) == 0 {
		return nil, nil
	}
	parts, err := sheetParts(src)
	if err != nil {
		return nil, err
	}
	var plan []*linkedSheet
	for name, ls := range links {
		if len(ls) == 0 {
			continue
		}
		part, ok := parts[name]
		if !ok {
			return nil, fmt.Errorf("add links to sheet %q: workbook has no such sheet", name)
		}
		s := &linkedSheet{
			name: name, part: part, links: ls, idPrefix: linkRelationPrefix,
			relsPart: path.Join(path.Dir(part), "_rels", path.Base(part)+".rels"),
		}
		existing, err := fs.ReadFile(src, s.relsPart)
		switch {
		case err == nil:
			s.hasRels = true
			rels, err := parseRels(existing)
			if err != nil {
				return nil, fmt.Errorf("read %s: %w", s.relsPart, err)
			}
			s.idPrefix = freeIDPrefix(rels, linkRelationPrefix)
		case !errors.Is(err, fs.ErrNotExist):
			return nil, fmt.Errorf("read %s: %w", s.relsPart, err)
		}
		plan = append(plan, s)
	}
	// In part order, so that a failure names the same sheet every time.
	slices.SortFunc(plan, func(a, b *linkedSheet) int { return strings.Compare(a.part, b.part) })
	return plan, nil
}

// freeIDPrefix lengthens prefix until no existing relationship id starts
// with it, so that prefix followed by digits names no existing one.
func freeIDPrefix(rels []relationship, prefix string) string {
	for {
		clash := false
		for _, r := range rels {
			if strings.HasPrefix(r.ID, prefix) {
				clash = true
				break
			}
		}
		if !clash {
			return prefix
		}
		prefix += "L"
	}
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

// copyEntry writes a new Deflate entry named like zf whose content is what
// edit writes, given zf's uncompressed content.
func copyEntry(zw *zip.Writer, zf *zip.File, edit func(*bufio.Writer, *bufio.Reader) error) error {
	rc, err := zf.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	r := bufio.NewReaderSize(rc, 1<<16)
	return writeEntry(zw, zf.Name, func(w *bufio.Writer) error {
		if err := edit(w, r); err != nil {
			return err
		}
		// Reading to the end makes the zip reader check the checksum.
		_, err := io.Copy(io.Discard, r)
		return err
	})
}

// writeEntry adds a Deflate entry whose content fill writes.
func writeEntry(zw *zip.Writer, name string, fill func(*bufio.Writer) error) error {
	ew, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(ew, 1<<16)
	if err := fill(w); err != nil {
		return err
	}
	return w.Flush()
}

// writeNewRels writes the relationships part of a sheet that had none.
func writeNewRels(w *bufio.Writer, s *linkedSheet) error {
	_, _ = w.WriteString(xml.Header + `<Relationships xmlns="` + nsPackageRels + `">`)
	writeLinkRels(w, s)
	_, err := w.WriteString(`</Relationships>`)
	return err
}

// writeLinkRels writes one external hyperlink relationship per link.
// Errors stick in w and surface at its Flush.
func writeLinkRels(w *bufio.Writer, s *linkedSheet) {
	for i, l := range s.links {
		_, _ = w.WriteString(`<Relationship Id="`)
		writeLinkID(w, s.idPrefix, i)
		_, _ = w.WriteString(`" Type="` + relTypeHyperlink + `" Target="`)
		writeAttrValue(w, l.target)
		_, _ = w.WriteString(`" TargetMode="External"/>`)
	}
}

// writeLinkID writes the relationship id of the i-th link (0-based).
func writeLinkID(w *bufio.Writer, prefix string, i int) {
	_, _ = w.WriteString(prefix)
	var digits [20]byte
	_, _ = w.Write(strconv.AppendInt(digits[:0], int64(i+1), 10))
}

// writeAttrValue writes s escaped for a double-quoted XML attribute,
// without copying it: a mailto URL has an "&" or two and is otherwise plain
// ASCII.
func writeAttrValue(w *bufio.Writer, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch c := s[i]; {
		case c == '&':
			esc = "&amp;"
		case c == '<':
			esc = "&lt;"
		case c == '>':
			esc = "&gt;"
		case c == '"':
			esc = "&#34;"
		case c < 0x20 || c >= 0x7f:
			// EscapeText also replaces what XML cannot hold, and writes
			// tabs and newlines as references so that attribute
			// normalisation keeps them. It escapes a suffix as it would
			// the whole, since i is at a character's first byte.
			_, _ = w.WriteString(s[last:i])
			_ = xml.EscapeText(w, []byte(s[i:]))
			return
		default:
			continue
		}
		_, _ = w.WriteString(s[last:i])
		_, _ = w.WriteString(esc)
		last = i + 1
	}
	_, _ = w.WriteString(s[last:])
}
