package writers

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
)

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

// copyContentTypes copies the package's content types, adding the default
// for relationships parts should it be missing, since linkWorkbook may add
// such parts.
func copyContentTypes(zw *zip.Writer, zf *zip.File) error {
	return copyEntry(zw, zf, func(w *bufio.Writer, r *bufio.Reader) error {
		data, err := io.ReadAll(r)
		if err != nil {
			return err
		}
		var doc struct {
			Defaults []struct {
				Extension string `xml:"Extension,attr"`
			} `xml:"Default"`
		}
		if err := xml.Unmarshal(data, &doc); err != nil {
			return fmt.Errorf("parse content types: %w", err)
		}
		for _, d := range doc.Defaults {
			// Part name extensions compare without regard to case.
			if strings.EqualFold(d.Extension, "rels") {
				_, err := w.Write(data)
				return err
			}
		}
		at, err := rootEnd(data)
		if err != nil {
			return err
		}
		at.write(w, data, func(w *bufio.Writer) {
			_, _ = w.WriteString(`<Default Extension="rels" ContentType="` + contentTypeRels + `"/>`)
		})
		return nil
	})
}
