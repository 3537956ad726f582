package writers

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
)

// afterHyperlinks are the children of a worksheet that the schema
// (CT_Worksheet) places after hyperlinks; the hyperlinks element goes before
// the first of them present. AlternateContent is there because Excel and
// excelize wrap oleObjects and controls in it.
var afterHyperlinks = map[string]bool{
	"printOptions": true, "pageMargins": true, "pageSetup": true, "headerFooter": true,
	"rowBreaks": true, "colBreaks": true, "customProperties": true, "cellWatches": true,
	"ignoredErrors": true, "smartTags": true, "drawing": true, "legacyDrawing": true,
	"legacyDrawingHF": true, "drawingHF": true, "picture": true, "oleObjects": true,
	"controls": true, "webPublishItems": true, "tableParts": true, "extLst": true,
	"AlternateContent": true,
}

// sheetDataEnd ends the rows of a worksheet. It cannot occur inside them:
// cell text and attributes escape "<".
var sheetDataEnd = []byte("</sheetData>")

// maxRootTag bounds what is read while looking for a worksheet's root
// element, which excelize writes within its first few kilobytes.
const maxRootTag = 1 << 20

// linkWorksheet copies the worksheet part from r to w, adding the
// hyperlinks of s where the schema wants them. The rows, which can run to
// hundreds of megabytes, stream through; only the root start tag and what
// follows the rows (a few small elements) are held in memory.
func linkWorksheet(w *bufio.Writer, r *bufio.Reader, s *linkedSheet) error {
	head, root, err := readRootTag(r)
	if err != nil {
		return fmt.Errorf("read worksheet root: %w", err)
	}
	if root.Name.Space != "" || root.Name.Local != "worksheet" {
		return fmt.Errorf("read worksheet root: found <%s>", qualifiedName(root.Name))
	}
	// excelize declares the prefix on the root; were it missing, each
	// hyperlink declares it for itself, as excelize's own links do.
	rID := `" r:id="`
	if !declaresPrefix(root, "r", nsRelationships) {
		rID = `" xmlns:r="` + nsRelationships + `" r:id="`
	}
	if _, err := w.Write(head); err != nil {
		return err
	}
	tail, err := copyThroughSheetData(w, r)
	if err != nil {
		return err
	}
	at, merge, err := hyperlinksAt(tail)
	if err != nil {
		return fmt.Errorf("place hyperlinks: %w", err)
	}
	at.write(w, tail, func(w *bufio.Writer) {
		if !merge {
			_, _ = w.WriteString("<hyperlinks>")
		}
		for i, l := range s.links {
			_, _ = w.WriteString(`<hyperlink ref="`)
			writeAttrValue(w, l.ref)
			_, _ = w.WriteString(rID)
			writeLinkID(w, s.idPrefix, i)
			_, _ = w.WriteString(`"/>`)
		}
		if !merge {
			_, _ = w.WriteString("</hyperlinks>")
		}
	})
	return nil
}

// readRootTag reads r through the start tag of the document's root element,
// past any XML declaration, processing instruction or comment before it,
// and returns the bytes read and the parsed tag.
func readRootTag(r *bufio.Reader) ([]byte, xml.StartElement, error) {
	var head []byte
	readTo := func(end string) error {
		for !bytes.HasSuffix(head, []byte(end)) {
			c, err := r.ReadByte()
			if err != nil {
				return err
			}
			head = append(head, c)
		}
		return nil
	}
	for len(head) < maxRootTag {
		c, err := r.ReadByte()
		if err != nil {
			return nil, xml.StartElement{}, noEOF(err)
		}
		head = append(head, c)
		if c != '<' {
			continue
		}
		next, err := r.Peek(3)
		if err != nil {
			return nil, xml.StartElement{}, noEOF(err)
		}
		switch {
		case next[0] == '?':
			err = readTo("?>")
		case string(next) == "!--":
			err = readTo("-->")
		case next[0] == '!':
			err = readTo(">")
		default:
			if err := readStartTag(r, &head); err != nil {
				return nil, xml.StartElement{}, noEOF(err)
			}
			root, err := parseRootTag(head)
			return head, root, err
		}
		if err != nil {
			return nil, xml.StartElement{}, noEOF(err)
		}
	}
	return nil, xml.StartElement{}, fmt.Errorf("no root element in the first %d bytes", maxRootTag)
}

// readStartTag appends to head the rest of a start tag whose "<" it ends
// with: up to the first ">" outside a quoted attribute value.
func readStartTag(r *bufio.Reader, head *[]byte) error {
	var quote byte
	for len(*head) < maxRootTag {
		c, err := r.ReadByte()
		if err != nil {
			return err
		}
		*head = append(*head, c)
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return nil
		}
	}
	return fmt.Errorf("root start tag longer than %d bytes", maxRootTag)
}

func parseRootTag(head []byte) (xml.StartElement, error) {
	d := xml.NewDecoder(bytes.NewReader(head))
	for {
		tok, err := d.RawToken()
		if err != nil {
			return xml.StartElement{}, fmt.Errorf("parse root start tag: %w", noEOF(err))
		}
		if t, ok := tok.(xml.StartElement); ok {
			return t, nil
		}
	}
}

// declaresPrefix reports whether el binds prefix to the namespace ns.
func declaresPrefix(el xml.StartElement, prefix, ns string) bool {
	for _, a := range el.Attr {
		if a.Name.Space == "xmlns" && a.Name.Local == prefix && a.Value == ns {
			return true
		}
	}
	return false
}

// copyThroughSheetData copies r to w through the end of sheetData and
// returns the rest of r, which is small.
func copyThroughSheetData(w *bufio.Writer, r *bufio.Reader) ([]byte, error) {
	// Keep back enough bytes to find a marker that straddles two reads.
	keep := len(sheetDataEnd) - 1
	for {
		chunk, err := r.Peek(r.Size())
		if i := bytes.Index(chunk, sheetDataEnd); i >= 0 {
			n := i + len(sheetDataEnd)
			if _, err := w.Write(chunk[:n]); err != nil {
				return nil, err
			}
			_, _ = r.Discard(n)
			return io.ReadAll(r)
		}
		if errors.Is(err, io.EOF) {
			return nil, errors.New("find end of sheetData: worksheet ends first")
		}
		if err != nil {
			return nil, err
		}
		n := len(chunk) - keep
		if _, err := w.Write(chunk[:n]); err != nil {
			return nil, err
		}
		_, _ = r.Discard(n)
	}
}

// hyperlinksAt finds where hyperlinks go in tail, the part of a worksheet
// after its sheetData: into the hyperlinks element when there is one (merge
// is then true), else before the first element the schema places after
// hyperlinks, else before the worksheet's end tag.
func hyperlinksAt(tail []byte) (at insertion, merge bool, err error) {
	d := xml.NewDecoder(bytes.NewReader(tail))
	depth, linksEnd := 0, -1 // linksEnd: offset past <hyperlinks>, once seen
	for {
		off := int(d.InputOffset())
		tok, err := d.RawToken()
		if err != nil {
			return insertion{}, false, fmt.Errorf("read worksheet after sheetData: %w", noEOF(err))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				if t.Name.Local == "hyperlinks" {
					linksEnd = int(d.InputOffset())
				} else if afterHyperlinks[t.Name.Local] {
					return insertion{at: off}, false, nil
				}
			}
			depth++
		case xml.EndElement:
			if depth == 0 {
				return insertion{at: off}, false, nil
			}
			if depth--; depth == 0 && linksEnd >= 0 {
				return endOf(tail, t.Name, linksEnd, off), true, nil
			}
		}
	}
}
