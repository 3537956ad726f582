package writers

import (
	"archive/zip"
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
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
